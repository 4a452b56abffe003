/**
 * Test support: a fast-check arbitrary of random COLLABORATIONS of 2-3 executable pools with message
 * flows between them (docs/process-format.md, "Collaborations"), as one BPMN file and a workspace.
 * - Pool 0 starts the instance (a none start declaring the shared fields); pool k > 0 starts by a
 *   message start event reached from a send in an earlier pool, early (after that pool's first task, if any)
 *   or late (at its end), so messages to pool k may arrive before it starts; maybe in a loop, so it
 *   may start pool k again once it has ended, or find it still running (MessagePending).
 * - Each pool (its own role, the pool's cf:role) runs maybe a first task (without one it may end in
 *   the step that starts it), then blocks: user tasks writing
 *   shared fields, sends (send task or message throw event, with a payload) and receives (receive
 *   task or message catch event), sequences, exclusive splits (decided by the caller or by a
 *   condition on a shared field another pool may have written), parallel splits where a message may
 *   come before its receiver waits, and loops (a send in a loop may find its message still buffered:
 *   MessagePending). A pool ends in a none end, a message end (a send) or, after a task, a terminate end
 *   (which ends only that pool).
 * - The i-th send of pool a to pool b is paired with the i-th receive in pool b from pool a; a send
 *   left unpaired just emits, a receive left unpaired is a receive delivered by its pool's own role.
 * Shrinking works on the block trees.
 */
import fc from 'fast-check';
import type { Workspace } from '../model/workspace.js';

export type CBlock =
  | { kind: 'task'; writes: number[] }
  | { kind: 'send'; to: number; event: boolean; payload: number[] }
  | { kind: 'recv'; from: number; event: boolean }
  | { kind: 'seq'; items: CBlock[] }
  | { kind: 'xor'; byCaller: boolean; branches: CBlock[] }
  | { kind: 'and'; branches: CBlock[] }
  | { kind: 'loop'; body: CBlock };

/** `waits`: the pool begins with a task (else it may end in the step that starts it). */
export interface PoolSpec { body: CBlock; end: 'none' | 'message' | 'terminate'; endTo: number; waits: boolean }
export interface CollaborationSpec {
  pools: PoolSpec[];
  /**
   * For pool k > 0 (index k - 1): which earlier pool starts it, and whether early (after its first
   * task) or at its end; `again`: in a loop, so it may start the pool again (or find it running).
   */
  starters: { by: number; early: boolean; again: boolean }[];
}

export const FIELDS = [
  { name: 'amount', type: 'uint' }, { name: 'approved', type: 'bool' }, { name: '备注', type: 'string' },
] as const;
const ROLES = ['Maker', 'Carrier', 'Bank'];
const POOL_NAMES = ['制造商', 'Carrier', '银行'];

const writes = fc.subarray([0, 1, 2], { maxLength: 2 });
const leaf: fc.Arbitrary<CBlock> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('task' as const), writes }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('send' as const), to: fc.nat(2), event: fc.boolean(), payload: writes }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('recv' as const), from: fc.nat(2), event: fc.boolean() }) },
);
const block: fc.Arbitrary<CBlock> = fc.letrec<{ b: CBlock }>((tie) => ({
  b: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: leaf },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('seq' as const), items: fc.array(tie('b'), { minLength: 2, maxLength: 3 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('xor' as const), byCaller: fc.boolean(), branches: fc.array(tie('b'), { minLength: 2, maxLength: 2 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('and' as const), branches: fc.array(tie('b'), { minLength: 2, maxLength: 2 }) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('loop' as const), body: tie('b') }) },
  ),
})).b;

const poolSpec: fc.Arbitrary<PoolSpec> = fc.record({ body: block, end: fc.constantFrom<PoolSpec['end']>('none', 'none', 'message', 'terminate'), endTo: fc.nat(2), waits: fc.boolean() });

export function randomCollaborationSpec(): fc.Arbitrary<CollaborationSpec> {
  return fc.record({
    count: fc.constantFrom(2, 3),
    pools: fc.array(poolSpec, { minLength: 3, maxLength: 3 }),
    starters: fc.array(fc.record({ by: fc.nat(1), early: fc.boolean(), again: fc.boolean() }), { minLength: 2, maxLength: 2 }),
  }).map(({ count, pools, starters }) => ({
    pools: pools.slice(0, count),
    starters: starters.slice(0, count - 1).map((s, i) => ({ by: s.by % (i + 1), early: s.early, again: s.again })),
  }));
}

export interface RandomCollaboration { spec: CollaborationSpec; bpmn: string; workspace: Workspace }

export function randomCollaboration(): fc.Arbitrary<RandomCollaboration> {
  return randomCollaborationSpec().map((spec) => {
    const built = buildCollaboration(spec);
    return Object.assign(built, { [fc.toStringMethod]: () => `\n${built.bpmn}` });
  });
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const MSG = '<bpmn:messageEventDefinition />';

/** Prints `spec` as one collaboration file (see the header for the rules). */
export function buildCollaboration(spec: CollaborationSpec): RandomCollaboration {
  const n = spec.pools.length;
  const target = (from: number, k: number) => (from + 1 + (k % (n - 1))) % n;
  // the blocks of each pool, with the start sends put in
  const bodies = spec.pools.map((p, a) => {
    const starts = spec.starters.flatMap((s, i) => (s.by === a ? [{ pool: i + 1, early: s.early, again: s.again }] : []));
    const send = (pool: number): CBlock => {
      const once: CBlock = { kind: 'send', to: -pool, event: false, payload: [0] };
      return starts.find((s) => s.pool === pool)!.again ? { kind: 'loop', body: once } : once;
    };
    return [
      ...(p.waits ? [{ kind: 'task', writes: [0] } as CBlock] : []),
      ...starts.filter((s) => s.early).map((s) => send(s.pool)),
      p.body,
      ...starts.filter((s) => !s.early).map((s) => send(s.pool)),
    ];
  });
  const nodes: string[][] = spec.pools.map(() => []);
  const flows: string[][] = spec.pools.map(() => []);
  const sends: { pool: number; to: number; id: string; start: boolean }[] = [];
  const recvs: { pool: number; from: number; id: string }[] = [];
  const startIds: string[] = [];

  spec.pools.forEach((pool, a) => {
    let count = 0;
    const id = (kind: string) => `p${a}_${kind}${++count}`;
    const flow = (from: string, to: string, extra = '', body = '') => {
      const f = id('f');
      flows[a].push(`<bpmn:sequenceFlow id="${f}" sourceRef="${from}" targetRef="${to}"${extra}>${body}</bpmn:sequenceFlow>`);
      return f;
    };
    const task = (w: readonly number[], name: string) => {
      const t = id('task');
      nodes[a].push(`<bpmn:userTask id="${t}" name="${esc(name)} ${t}">${w.length ? `<bpmn:extensionElements>${w.map((f) => `<cf:field name="${FIELDS[f].name}" type="${FIELDS[f].type}" />`).join('')}</bpmn:extensionElements>` : ''}</bpmn:userTask>`);
      return t;
    };
    /** Places `b` after node `from`; returns its last node. */
    const place = (b: CBlock, from: string): string => {
      switch (b.kind) {
        case 'task': { const t = task(b.writes, '任务'); flow(from, t); return t; }
        case 'send': {
          const s = id('send');
          const payload = b.payload.length ? ` cf:payload="${b.payload.map((f) => FIELDS[f].name).join(', ')}"` : '';
          nodes[a].push(b.event ? `<bpmn:intermediateThrowEvent id="${s}" name="Tell ${s}"${payload}>${MSG}</bpmn:intermediateThrowEvent>` : `<bpmn:sendTask id="${s}" name="发送 ${s}"${payload} />`);
          sends.push({ pool: a, to: b.to < 0 ? -b.to : target(a, b.to), id: s, start: b.to < 0 });
          flow(from, s);
          return s;
        }
        case 'recv': {
          const r = id('recv');
          nodes[a].push(b.event ? `<bpmn:intermediateCatchEvent id="${r}" name="Hear ${r}">${MSG}</bpmn:intermediateCatchEvent>` : `<bpmn:receiveTask id="${r}" name="接收 ${r}" />`);
          recvs.push({ pool: a, from: target(a, b.from), id: r });
          flow(from, r);
          return r;
        }
        case 'seq': return b.items.reduce((last, x) => place(x, last), from);
        case 'xor': case 'and': {
          const xor = b.kind === 'xor';
          const decider = xor ? task([], 'Decide') : undefined;
          if (decider) flow(from, decider);
          const split = id(xor ? 'xor' : 'and');
          const join = id(xor ? 'merge' : 'join');
          flow(decider ?? from, split);
          const out = b.branches.map((x, k) => {
            const cond = xor && !b.byCaller && k === 0 ? '<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">amount &gt; 5</bpmn:conditionExpression>' : '';
            const entry = id('b');
            nodes[a].push(`<bpmn:exclusiveGateway id="${entry}" />`);
            const f = flow(split, entry, '', cond);
            flow(place(x, entry), join);
            return f;
          });
          const def = xor && !b.byCaller ? ` default="${out[1]}"` : '';
          nodes[a].push(xor ? `<bpmn:exclusiveGateway id="${split}"${def} /><bpmn:exclusiveGateway id="${join}" />` : `<bpmn:parallelGateway id="${split}" /><bpmn:parallelGateway id="${join}" />`);
          return join;
        }
        case 'loop': {
          const merge = id('loop');
          const out = id('again');
          nodes[a].push(`<bpmn:exclusiveGateway id="${merge}" /><bpmn:exclusiveGateway id="${out}" />`);
          flow(from, merge);
          const decider = task([1], 'Again?');
          flow(place(b.body, merge), decider);
          flow(decider, out);
          flow(out, merge);
          return out;
        }
      }
    };
    const start = a === 0 ? 'p0_start' : `p${a}_start`;
    startIds.push(start);
    nodes[a].push(a === 0
      ? `<bpmn:startEvent id="${start}" name="开始"><bpmn:extensionElements>${FIELDS.map((f) => `<cf:field name="${f.name}" type="${f.type}" />`).join('')}</bpmn:extensionElements></bpmn:startEvent>`
      : `<bpmn:startEvent id="${start}" name="Started ${a}">${MSG}</bpmn:startEvent>`);
    let last = bodies[a].reduce((l, x) => place(x, l), start);
    const end = id('end');
    if (pool.end === 'message') {
      nodes[a].push(`<bpmn:endEvent id="${end}" name="Done ${end}">${MSG}</bpmn:endEvent>`);
      sends.push({ pool: a, to: target(a, pool.endTo), id: end, start: false });
    } else if (pool.end === 'terminate') {
      last = place({ kind: 'task', writes: [] }, last);
      nodes[a].push(`<bpmn:endEvent id="${end}"><bpmn:terminateEventDefinition /></bpmn:endEvent>`);
    } else nodes[a].push(`<bpmn:endEvent id="${end}" />`);
    flow(last, end);
  });

  // pair the i-th send of a to b with the i-th receive of b from a; the start sends start their pools
  const messageFlows: string[] = [];
  let m = 0;
  for (const s of sends.filter((x) => x.start)) messageFlows.push(`<bpmn:messageFlow id="mf${++m}" name="启动 ${s.to}" sourceRef="${s.id}" targetRef="${startIds[s.to]}" />`);
  for (let a = 0; a < spec.pools.length; a++) {
    for (let b = 0; b < spec.pools.length; b++) {
      if (a === b) continue;
      const out = sends.filter((x) => !x.start && x.pool === a && x.to === b);
      const into = recvs.filter((x) => x.pool === b && x.from === a);
      for (let i = 0; i < Math.min(out.length, into.length); i++) messageFlows.push(`<bpmn:messageFlow id="mf${++m}" name="Message ${m}" sourceRef="${out[i].id}" targetRef="${into[i].id}" />`);
    }
  }
  const bpmn = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:cf="http://chainflow.studio/schema/bpmn/1.0" id="Defs" targetNamespace="http://example.com/random">
<bpmn:collaboration id="RandomCollaboration" name="Random collaboration">
${spec.pools.map((_, a) => `<bpmn:participant id="Pool${a}" name="${POOL_NAMES[a]}" processRef="Process${a}" cf:role="${ROLES[a]}" />`).join('\n')}
${messageFlows.join('\n')}
</bpmn:collaboration>
${spec.pools.map((_, a) => `<bpmn:process id="Process${a}" isExecutable="true">\n${nodes[a].join('\n')}\n${flows[a].join('\n')}\n</bpmn:process>`).join('\n')}
</bpmn:definitions>`;
  const workspace: Workspace = {
    schemaVersion: 1, name: 'Random collaboration', organizations: [{ id: 'org', name: 'Org' }],
    roles: ROLES.map((r) => ({ id: r, name: r })),
    participants: [
      ...ROLES.map((r, i) => ({ id: `p${i}`, name: `${r} one`, kind: 'person' as const, organization: 'org', roles: [r] })),
      { id: 'both', name: 'Maker and carrier', kind: 'person' as const, organization: 'org', roles: ['Maker', 'Carrier'] },
    ],
    processes: [{ id: 'collab', name: 'Random collaboration', bpmn }],
  };
  return { spec, bpmn, workspace };
}
