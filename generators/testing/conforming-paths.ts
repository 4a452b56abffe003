/**
 * Conforming paths: a small set of start-to-end runs of a process that together take every
 * sequence flow the model can take (every task, timer, gateway branch and end event), each step
 * with the role that acts, data that makes the intended conditions true and the choice where the
 * completer decides a gateway. Exported projects turn them into tests (generators/export), so a
 * developer gets a test suite that walks the whole model.
 *
 * How: a greedy search over the reference interpreter's states. From the start it looks
 * breadth-first for the nearest step that covers something not covered yet (and from which the
 * instance can still end), takes it, repeats, then takes the shortest way to the end. Loops unroll
 * only as often as that needs; the search is bounded (`maxStates` per search, `maxSteps` per path),
 * so a flow that needs data the candidate values do not hit is reported in `uncovered`, never
 * searched for forever. Data candidates: only fields that conditions read vary (FieldIR.stored),
 * over the literals of the conditions and their neighbours; other fields get one plain value.
 * Who acts: participants (by default one per role). A step is done by a holder of its role (of a
 * parallel multi-instance task: the first holder who has not done an instance of it yet), by the
 * participant bound to the role in this instance where the model binds it (cf:binds), and a
 * nominating step names a holder of the bound role: `nominees` says who, so an exporter can put in
 * that participant's real account (the path's own accounts are placeholders, see `accountOf`).
 * Pure and synchronous; every path is replayed on the interpreter before it is returned.
 */
import type { FeelValue } from '../feel/evaluate-feel.js';
import type { TypedExpr } from '../feel/feel-ast.js';
import type { FieldIR, FieldWrite, GatewayIR, ProcessIR } from '../ir/process-ir.js';
import { complete, createInstance, start, trigger, type Caller, type InstanceState, type StepResult } from '../interpreter/interpret-process.js';
import { completedBy } from '../interpreter/multi-instance.js';

/** Something a path can cover: an element that acts, a sequence flow out of a gateway, an end event. */
export interface CoverageTarget {
  /** `start:<id>`, `task:<id>`, `timer:<id>`, `flow:<id>` or `end:<id>` (BPMN element and flow ids). */
  key: string;
  kind: 'start' | 'task' | 'timer' | 'flow' | 'end';
  /** The element or flow name, for test titles and reports. */
  label: string;
}

/** Who may act in a path: an id (the workspace participant id) and the role ids held. */
export interface PathParticipant {
  id: string;
  roles: readonly string[];
}

interface StepBase {
  /** Marking after the step, as the contract's `marking(instanceId)` reads. */
  marking: bigint;
  /** The step emptied the marking: the instance ended (InstanceEnded). */
  ended: boolean;
  /** Coverage keys this step took. */
  covers: string[];
}

export type PathStep =
  /** `role`: the role the start event names (null: any member); `as`: the participant who acts. */
  | (StepBase & { kind: 'start'; elementId: string; name: string; role: string | null; as: string; data: Record<string, FeelValue>; nominees: Record<string, string>; choice?: number })
  | (StepBase & { kind: 'task'; task: number; elementId: string; name: string; role: string; as: string; data: Record<string, FeelValue>; nominees: Record<string, string>; choice?: number })
  /** Anyone may trigger; `waitSeconds` is the timer's duration: waiting that long from the step always makes it due. */
  | (StepBase & { kind: 'trigger'; timer: number; elementId: string; name: string; waitSeconds: number });

export interface ConformingPath {
  steps: PathStep[];
}

export interface ConformingPaths {
  paths: ConformingPath[];
  targets: CoverageTarget[];
  /** Targets no path takes: unreachable, or out of the search's bounds. */
  uncovered: CoverageTarget[];
}

export interface PathSearchOptions {
  /** Who acts (default: one participant per role the process uses, id `role:<role id>`). */
  participants?: readonly PathParticipant[];
  /** States one breadth-first search may visit (default 2,000). */
  maxStates?: number;
  /** Steps one path may take (default 8 per task and timer, at least 40). */
  maxSteps?: number;
}

/** Plain values for fields no condition reads, so required fields are always filled. */
const PLAIN: Record<FieldIR['type'], FeelValue> = {
  uint: 1n, int: 1n, timestamp: 1_700_000_000n, bool: true, string: 'sample',
  address: `0x${'11'.repeat(20)}`, bytes32: `0x${'ab'.repeat(32)}`,
  enum: 0n, decimal: 1n, participant: `0x${'11'.repeat(20)}`,
};

export function coverageTargets(ir: ProcessIR): CoverageTarget[] {
  const branchTargets = (g: GatewayIR) => [...g.branches, ...(g.defaultBranch ? [g.defaultBranch] : [])]
    .map((b): CoverageTarget => ({ key: `flow:${b.flowId}`, kind: 'flow', label: `${g.name || g.elementId}: ${b.name || b.flowId}` }));
  return [
    { key: `start:${ir.start.elementId}`, kind: 'start', label: ir.start.name || ir.start.elementId },
    ...ir.tasks.map((t): CoverageTarget => ({ key: `task:${t.elementId}`, kind: 'task', label: t.name || t.elementId })),
    ...ir.timers.map((t): CoverageTarget => ({ key: `timer:${t.elementId}`, kind: 'timer', label: t.name || t.elementId })),
    ...ir.gateways.flatMap(branchTargets),
    ...ir.ends.map((e): CoverageTarget => ({ key: `end:${e.elementId}`, kind: 'end', label: e.name || e.elementId })),
  ];
}

/**
 * The placeholder account of the participant at `index` in a path search: what nominations carry
 * in `PathStep.data` (`nominees` names the participant). Distinct from every plain field value.
 */
export function accountOf(index: number): string {
  return `0x${'c0'.repeat(18)}${(index + 1).toString(16).padStart(4, '0')}`;
}

function defaultParticipants(ir: ProcessIR): PathParticipant[] {
  const roles = new Set([...ir.start.roles, ...ir.tasks.map((t) => t.role), ...(ir.bindings ?? []).map((b) => b.role), ...ir.fields.flatMap((f) => (f.type === 'participant' && f.role !== undefined ? [f.role] : []))]);
  return [...roles].map((r) => ({ id: `role:${r}`, roles: [r] }));
}

export function findConformingPaths(ir: ProcessIR, options: PathSearchOptions = {}): ConformingPaths {
  const participants = options.participants ?? defaultParticipants(ir);
  const search = new PathSearch(ir, participants, options.maxStates ?? 2_000, options.maxSteps ?? Math.max(40, 8 * (ir.tasks.length + ir.timers.length)));
  const targets = coverageTargets(ir);
  const covered = new Set<string>();
  const paths: ConformingPath[] = [];
  for (;;) {
    const path = search.nextPath(covered);
    if (!path) break;
    const problem = replayPath(ir, path, participants);
    if (problem) throw new Error(`conforming path ${paths.length + 1} of "${ir.name}" does not replay: ${problem}`);
    paths.push(path);
  }
  return { paths, targets, uncovered: targets.filter((t) => !covered.has(t.key)) };
}

/** Replays `path` on the interpreter. Returns undefined when every step is accepted with the recorded marking and the last one ends the instance, else what went wrong. */
export function replayPath(ir: ProcessIR, path: ConformingPath, participants: readonly PathParticipant[] = defaultParticipants(ir)): string | undefined {
  const cast = new Cast(participants);
  let state = cast.newInstance(ir);
  let now = 0n;
  for (const [i, step] of path.steps.entries()) {
    const result = applyStep(cast, state, step, now);
    const where = `step ${i + 1} (${step.kind} "${step.name}")`;
    if (!result.ok) return `${where} was rejected: ${result.error} ${result.message}`;
    if (result.state.marking !== step.marking) return `${where} left marking ${result.state.marking}, the path says ${step.marking}`;
    state = result.state;
    now = nextTime(state, step, now);
  }
  return state.started && state.marking === 0n ? undefined : 'the path does not end the instance';
}

/** The participants with their placeholder accounts, as the registry would list them. */
class Cast {
  readonly byId: Map<string, { roles: readonly string[]; account: string }>;

  constructor(readonly participants: readonly PathParticipant[]) {
    this.byId = new Map(participants.map((p, i) => [p.id, { roles: p.roles, account: accountOf(i) }]));
  }

  newInstance(ir: ProcessIR): InstanceState {
    return createInstance(ir, new Map([...this.byId.values()].map((p) => [p.account, p.roles])));
  }

  caller(id: string): Caller {
    const p = this.byId.get(id);
    if (!p) throw new Error(`no participant "${id}" in this path search`);
    return { roles: p.roles, member: true, account: p.account };
  }

  holders(role: string): string[] {
    return this.participants.filter((p) => p.roles.includes(role)).map((p) => p.id);
  }

  idOf(account: string): string | undefined {
    for (const [id, p] of this.byId) if (p.account === account.toLowerCase()) return id;
    return undefined;
  }
}

/** A step before it is taken (Omit distributed over the union). */
type Move = PathStep extends infer S ? (S extends PathStep ? Omit<S, 'marking' | 'ended' | 'covers'> : never) : never;

function applyStep(cast: Cast, state: InstanceState, step: Move, now: bigint): StepResult {
  if (step.kind === 'start') return start(state, cast.caller(step.as), step.data, step.choice, now + 1n);
  if (step.kind === 'task') return complete(state, step.task, cast.caller(step.as), step.data, step.choice, now + 1n);
  return trigger(state, step.timer, triggerTime(state, step.timer, now));
}

/** A trigger happens as soon as the timer is due (and after the previous step). */
function triggerTime(state: InstanceState, timer: number, now: bigint): bigint {
  const due = state.dueAt[timer];
  return due > now + 1n ? due : now + 1n;
}

function nextTime(before: InstanceState, step: Move, now: bigint): bigint {
  return step.kind === 'trigger' ? triggerTime(before, step.timer, now) : now + 1n;
}

interface Node {
  state: InstanceState;
  now: bigint;
  parent?: Node;
  step?: PathStep;
  depth: number;
}

class PathSearch {
  private readonly candidates: FeelValue[][];
  /** Whether the instance can still end from a state (by key): asked for every candidate step, so remembered. */
  private readonly canEnd = new Map<string, boolean>();

  private readonly cast: Cast;

  constructor(private readonly ir: ProcessIR, participants: readonly PathParticipant[], private readonly maxStates: number, private readonly maxSteps: number) {
    this.candidates = candidateValues(ir);
    this.cast = new Cast(participants);
  }

  /** A path that covers at least one target not in `covered` (added to it), or undefined when none is found. */
  nextPath(covered: Set<string>): ConformingPath | undefined {
    let node: Node = { state: this.cast.newInstance(this.ir), now: 0n, depth: 0 };
    const before = covered.size;
    for (;;) {
      const found = this.search(node, (n) => n.step!.covers.some((k) => !covered.has(k)) && this.endsFrom(n));
      if (!found) break;
      node = found;
      for (const k of stepsOf(node).flatMap((s) => s.covers)) covered.add(k);
    }
    if (covered.size === before) return undefined;
    const end = node.state.started && node.state.marking === 0n ? node : this.toEnd(node);
    if (!end) return undefined; // cannot happen: every taken segment could still end
    const steps = stepsOf(end);
    for (const k of steps.flatMap((s) => s.covers)) covered.add(k);
    return { steps };
  }

  private endsFrom(n: Node): boolean {
    const key = this.key(n.state);
    let known = this.canEnd.get(key);
    if (known === undefined) {
      const end = this.toEnd(n);
      known = end !== undefined;
      // every state on the way to the end can end too
      for (let m = end; m && m !== n; m = m.parent) this.canEnd.set(this.key(m.state), true);
      this.canEnd.set(key, known);
    }
    return known;
  }

  private toEnd(from: Node): Node | undefined {
    if (from.state.started && from.state.marking === 0n) return from;
    return this.search(from, (n) => n.state.marking === 0n);
  }

  /** Breadth-first from `from` to the first node that `goal` accepts, within the bounds. */
  private search(from: Node, goal: (n: Node) => boolean): Node | undefined {
    const seen = new Set<string>([this.key(from.state)]);
    let frontier = [from];
    while (frontier.length && seen.size <= this.maxStates) {
      const next: Node[] = [];
      for (const node of frontier) {
        if (node.depth >= this.maxSteps) continue;
        for (const child of this.children(node)) {
          if (goal(child)) return child;
          const key = this.key(child.state);
          if (seen.has(key) || child.state.marking === 0n) continue;
          seen.add(key);
          next.push(child);
        }
      }
      frontier = next;
    }
    return undefined;
  }

  private key(s: InstanceState): string {
    const stored = this.ir.fields.flatMap((f, i) => (f.stored ? [String(s.values[i])] : []));
    // a multi-instance task with some instances done is another state than the same marking with none done
    const counts = this.ir.tasks.flatMap((t, i) => (t.multi ? [s.multi[i].completed] : []));
    return `${s.started ? 1 : 0}|${s.marking}|${stored.join('|')}|${(s.bound ?? []).join('|')}|${counts.join('|')}`;
  }

  private *children(node: Node): Generator<Node> {
    const { ir, cast } = this;
    const { state, now } = node;
    const moves: Move[] = [];
    if (!state.started) {
      const s = ir.start;
      const role = s.roles[0] ?? null;
      const as = role === null ? cast.participants[0]?.id : cast.holders(role)[0];
      if (as !== undefined) for (const [data, nominees] of this.dataFor(s.elementId, s.writes)) for (const choice of choicesAt(ir, s.choice))
        moves.push({ kind: 'start', elementId: s.elementId, name: s.name, role, as, data, nominees, ...(choice === undefined ? {} : { choice }) });
    } else {
      ir.tasks.forEach((t, i) => {
        if (((state.marking >> BigInt(t.bit)) & 1n) === 0n) return;
        const bound = t.binding === undefined ? undefined : cast.idOf(state.bound[t.binding]);
        // a parallel multi-instance task needs a holder who has not done an instance of it in this activation
        const fresh = (id: string) => !t.multi || t.multi.sequential || !completedBy(state.multi[i], cast.byId.get(id)!.account);
        const as = bound ?? cast.holders(t.role).find(fresh);
        if (as === undefined) return;
        for (const [data, nominees] of this.dataFor(t.elementId, t.writes)) for (const choice of choicesAt(ir, t.choice))
          moves.push({ kind: 'task', task: i, elementId: t.elementId, name: t.name, role: t.role, as, data, nominees, ...(choice === undefined ? {} : { choice }) });
      });
      ir.timers.forEach((t, k) => {
        if ((state.marking >> BigInt(t.bit)) & 1n) moves.push({ kind: 'trigger', timer: k, elementId: t.elementId, name: t.name, waitSeconds: t.seconds });
      });
    }
    for (const move of moves) {
      const result = applyStep(cast, state, move, now);
      if (!result.ok) continue;
      const covers = this.coverageOf(move, result.record.passed);
      const step = { ...move, marking: result.state.marking, ended: result.record.ended, covers } as PathStep;
      yield { state: result.state, now: nextTime(state, move, now), parent: node, step, depth: node.depth + 1 };
    }
  }

  /** What the step took: its element, then the flows and ends its tokens passed (as the interpreter routed them). */
  private coverageOf(move: Move, passed: readonly string[]): string[] {
    return [`${move.kind === 'trigger' ? 'timer' : move.kind}:${move.elementId}`, ...passed];
  }

  /** Data to try for a step that writes `writes`, each with the participants it nominates (field name -> participant id). */
  private dataFor(elementId: string, writes: FieldWrite[]): [Record<string, FeelValue>, Record<string, string>][] {
    const { ir, cast } = this;
    const lists = new Map<number, FeelValue[]>(writes.map((w) => [w.field, ir.fields[w.field].stored ? this.candidates[w.field] : this.candidates[w.field].slice(0, 1)]));
    const nominating = new Map<number, string>();
    for (const b of ir.bindings ?? []) {
      if (b.elementId !== elementId) continue;
      // a nominee must hold the role: try each holder (up to three), so bound tasks are done by different participants
      lists.set(b.field, cast.holders(b.role).slice(0, 3).map((id) => cast.byId.get(id)!.account));
      nominating.set(b.field, b.role);
    }
    for (const w of writes) {
      const f = ir.fields[w.field];
      if (f.type !== 'participant' || nominating.has(w.field)) continue;
      // a participant field names a participant (of its role): like a nominee, an exporter puts in their real account
      const ids = f.role !== undefined ? cast.holders(f.role) : [...cast.byId.keys()];
      lists.set(w.field, ids.slice(0, 1).map((id) => cast.byId.get(id)!.account));
      nominating.set(w.field, f.role ?? '');
    }
    const fields = [...lists.keys()];
    const product = fields.reduce((n, f) => n * Math.max(1, lists.get(f)!.length), 1);
    const base: Record<string, FeelValue> = {};
    for (const f of fields) base[ir.fields[f].name] = lists.get(f)![0] ?? this.candidates[f][0];
    let combos: Record<string, FeelValue>[] = [base];
    if (product <= 64) {
      for (const f of fields) combos = combos.flatMap((c) => (lists.get(f)!.length ? lists.get(f)! : [base[ir.fields[f].name]]).map((v) => ({ ...c, [ir.fields[f].name]: v })));
    } else {
      // too many combinations: vary one field at a time around the first candidates
      combos.push(...fields.flatMap((f) => lists.get(f)!.slice(1).map((v) => ({ ...base, [ir.fields[f].name]: v }))));
    }
    return combos.map((data) => {
      const nominees: Record<string, string> = {};
      for (const f of nominating.keys()) {
        const id = cast.idOf(String(data[ir.fields[f].name]));
        if (id !== undefined) nominees[ir.fields[f].name] = id;
      }
      return [data, nominees];
    });
  }
}

function stepsOf(node: Node): PathStep[] {
  const steps: PathStep[] = [];
  for (let n: Node | undefined = node; n?.step; n = n.parent) steps.unshift(n.step);
  return steps;
}

function choicesAt(ir: ProcessIR, gateway: number | undefined): (number | undefined)[] {
  if (gateway === undefined) return [undefined];
  const g = ir.gateways[gateway];
  return [...g.branches.map((_, k) => k + 1), ...(g.defaultBranch ? [0] : [])];
}

/** Per field, the values to try (first = the plain one): condition literals and their neighbours for fields conditions read. */
function candidateValues(ir: ProcessIR): FeelValue[][] {
  const numbers = new Set<bigint>([0n, 1n, 2n]);
  const strings = new Set<string>();
  const visit = (e: TypedExpr): void => {
    if (e.kind === 'number') for (const d of [-1n, 0n, 1n]) numbers.add(e.value + d);
    else if (e.kind === 'string') strings.add(e.value);
    else if (e.kind === 'not' || e.kind === 'neg') visit(e.arg);
    else if (e.kind === 'binary') { visit(e.left); visit(e.right); }
  };
  for (const g of ir.gateways) for (const b of g.branches) if (b.condition) visit(b.condition);
  return ir.fields.map((f) => {
    if (!f.stored) return [PLAIN[f.type]];
    switch (f.type) {
      case 'bool': return [true, false];
      case 'string': return [...new Set(['sample', ...strings, ''])];
      case 'address': return [PLAIN.address, `0x${'0'.repeat(40)}`];
      case 'bytes32': return [PLAIN.bytes32, `0x${'0'.repeat(64)}`];
      case 'int': return [...new Set([...numbers].flatMap((n) => [n, -n]))].sort(byValue).slice(0, 16);
      case 'enum': return (f.values ?? []).map((_, i) => BigInt(i)); // every value: conditions name them
      case 'participant': return [PLAIN.participant]; // replaced by a participant of its role (dataFor)
      default: return [...numbers].filter((n) => n >= 0n).sort(byValue).slice(0, 16);
    }
  });
}

const byValue = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);
