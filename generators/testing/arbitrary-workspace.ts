/**
 * Test support: a fast-check arbitrary of random WORKSPACES of 2-3 processes that call each other
 * through call activities (docs/call-activities.md). Process k may call only processes after it, so
 * there is no recursion; the first process is the one the differential test deploys and drives.
 * - All processes share roles, field names and types (fields are shared by name across a call), so a
 *   condition of a caller may read a field only a called process writes.
 * - A called process starts with a task (a call must wait for someone), nominates no one at its start
 *   (refused for a called start) and may end in a process-level error end, which an error boundary on
 *   a call activity catches by name or any; a call activity may also have a timer boundary.
 * - The fields a called start declares are the call's inputs: every caller's start declares them too.
 * The callees' own blocks are drawn without role bindings, the caller's with every feature.
 */
import fc from 'fast-check';
import type { Workspace } from '../model/workspace.js';
import { ALL_FEATURES, buildModel, declaredFields, modelSpecWith, type Block, type CalleeRef, type ModelSpec } from './arbitrary-process.js';

export interface WorkspaceSpec {
  /** processes[0] is the caller the tests drive; each calls only the ones after it. */
  processes: ModelSpec[];
}

export interface RandomWorkspace {
  spec: WorkspaceSpec;
  workspace: Workspace;
  /** BPMN of each process, in workspace order. */
  bpmn: string[];
}

export const processIdOf = (k: number) => (k === 0 ? 'Caller' : `Called${k}`);
const errorCodeOf = (k: number) => `E_CALLED${k}`;

/** Makes the drawn specs one workspace: shared roles and fields, callee rules (see the header). */
export function normaliseWorkspace(caller: ModelSpec, callees: ModelSpec[], throws: (number | null)[]): WorkspaceSpec {
  const shared = { roles: caller.roles, chinese: caller.chinese, fields: caller.fields };
  // a called process is inlined in every caller (nested: twice), so it keeps at most two top-level blocks (compile time)
  const small = (body: Block): Block => (body.kind === 'seq' ? { kind: 'seq', items: body.items.slice(0, 2) } : body);
  const called = callees.map((c, i): ModelSpec => ({
    ...shared, startRole: c.startRole, startWrites: c.startWrites,
    // a first task, so every path through the call waits for someone; a callee with callees after it calls one (nested calls)
    body: { kind: 'seq', items: [{ kind: 'task', role: c.startRole ?? 0, writes: [], name: 3 }, i < callees.length - 1 ? withCall(small(c.body)) : small(c.body)] },
    ...(throws[i] !== null ? { throws: { role: throws[i]! } } : {}),
  }));
  // the inputs of every process a process may call (directly or not) are declared at its start
  const inputs = (k: number) => [...new Set(called.slice(k).flatMap((c) => c.startWrites))];
  const withInputs = (s: ModelSpec, k: number): ModelSpec => ({ ...s, startWrites: [...new Set([...s.startWrites, ...inputs(k)])] });
  // the caller calls at least once
  return { processes: [withInputs({ ...caller, body: withCall(caller.body) }, 0), ...called.map((c, i) => withInputs(c, i + 1))] };
}

/** `body`, or `body` then a call when it calls no one (the first callable process, no boundaries). */
const withCall = (body: Block): Block => (hasCall(body) ? body : { kind: 'seq', items: [body, { kind: 'call', callee: 0 }] });

function hasCall(b: Block): boolean {
  switch (b.kind) {
    case 'call': return true;
    case 'seq': return b.items.some(hasCall);
    case 'xor': case 'and': case 'or': return b.branches.some((x) => hasCall(x.body));
    case 'race': return b.branches.some((x) => hasCall(x.body));
    case 'loop': case 'sub': return hasCall(b.body);
    default: return false;
  }
}

/** Prints every process of `spec` into one workspace (roles and participants of the first). */
export function buildWorkspace(spec: WorkspaceSpec): RandomWorkspace {
  const refs: CalleeRef[] = [];
  const built: { bpmn: string; workspace: Workspace }[] = [];
  // last first: a caller's conditions may read what its callees declare
  for (let k = spec.processes.length - 1; k >= 0; k--) {
    const s = spec.processes[k];
    const model = buildModel(s, { processId: processIdOf(k), processName: k === 0 ? 'Caller' : `Called ${k}`, callees: refs.slice(), errorCode: errorCodeOf(k) });
    built.unshift(model);
    refs.unshift({ processId: processIdOf(k), errorCode: s.throws ? errorCodeOf(k) : undefined, declares: [...declaredFields(s, refs)] });
  }
  const workspace: Workspace = {
    ...built[0].workspace, name: 'Random calls',
    processes: built.map((b, k) => ({ id: processIdOf(k).toLowerCase(), name: k === 0 ? 'Caller' : `Called ${k}`, bpmn: b.bpmn })),
  };
  return { spec, workspace, bpmn: built.map((b) => b.bpmn) };
}

/** Random workspaces of 2-3 processes calling each other, each printed as its BPMN when fast-check reports it. */
export function randomWorkspace(): fc.Arbitrary<RandomWorkspace> {
  const calleeSpec = modelSpecWith({ ...ALL_FEATURES, bindings: false, calls: true });
  return fc.record({
    caller: modelSpecWith({ ...ALL_FEATURES, calls: true }),
    // as many workspaces of two processes as of three (an array would mostly be short)
    count: fc.constantFrom(1, 2),
    callees: fc.tuple(calleeSpec, calleeSpec),
    // the role of a callee's error-throwing task, or none
    throws: fc.tuple(fc.option(fc.nat(7), { nil: null, freq: 2 }), fc.option(fc.nat(7), { nil: null, freq: 2 })),
  }).map(({ caller, count, callees, throws }) => {
    const random = buildWorkspace(normaliseWorkspace(caller, callees.slice(0, count), throws));
    return Object.assign(random, { [fc.toStringMethod]: () => random.bpmn.map((b, k) => `\n--- ${processIdOf(k)} ---\n${b}`).join('') });
  });
}
