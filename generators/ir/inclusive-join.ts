/**
 * The inclusive (OR) join rule, shared by the contract generator and the reference interpreter so
 * both decide alike (docs/process-format.md, "Inclusive gateways"). It is the BPMN 2.0 rule
 * (section 13.4.3), decided on the diagram's paths:
 *
 *   an inclusive join fires once at least one of its incoming flows holds a token, and for every
 *   other token of the instance that could still reach an EMPTY incoming flow of the join without
 *   passing through the join, that token could also reach an incoming flow that HOLDS a token.
 *
 * "Could reach" follows sequence flows through every branch of every gateway, conditions not
 * evaluated, and past tasks and timers (a token waiting there will move on one day). Tokens are
 * the marking bits: enabled tasks, waiting timers, tokens waiting at join inputs.
 *
 * Statically, each marking bit b gets R(b), the join inputs reachable from b; bits with the same
 * R form a group. The join waits while some group has a token (m & upstream != 0) and none of its
 * inputs has arrived (arrived & inputs == 0); such a group's inputs are empty, so the token may
 * still arrive there and nowhere filled.
 *
 * When: a token reaching the join only sets its input bit. After the routing of every step, the
 * joins are settled: each inclusive join, in gateway order, fires if the rule allows, and passes
 * repeat until one fires nothing (at most one pass per join: a join cannot fire twice in a step,
 * as a cycle made of gateways only is refused). Settling after the whole routing means the tokens
 * the same step is still placing are seen.
 */
import { targetsOf } from './check-structure.js';
import { mayEndAtOnce } from './check-subprocesses.js';
import { bitsConsumedBy, boundaryNexts, subprocessBoundaryNexts } from './timer-bits.js';
import type { FlowTarget, ProcessIR } from './process-ir.js';

/** A group of the rule: `upstream` marking bits whose tokens can reach exactly the join inputs `inputs` (bit numbers). */
export interface JoinWaitGroup {
  inputs: number[];
  upstream: number[];
}

/** Indexes of the inclusive gateways that join (have input bits), in settle order. */
export function inclusiveJoins(ir: ProcessIR): number[] {
  return ir.gateways.flatMap((g, i) => (g.kind === 'inclusive' && g.inputBits.length > 0 ? [i] : []));
}

/** Where a token at marking bit `bit` goes when it moves on. */
function continuation(ir: ProcessIR, bit: number): FlowTarget[] {
  const task = ir.tasks.findIndex((t) => t.bit === bit);
  if (task >= 0) return [ir.tasks[task].next, ...boundaryNexts(ir, task)];
  const timer = ir.timers.find((t) => t.bit === bit);
  if (timer) return [timer.next];
  const join = ir.gateways.find((g) => g.inputBits.includes(bit));
  if (join) return targetsOf(join);
  const sub = ir.subprocesses.findIndex((s) => s.bit === bit);
  return sub >= 0 ? [ir.subprocesses[sub].next, ...subprocessBoundaryNexts(ir, sub)] : [];
}

/** Inputs of join `j` (bit numbers) reachable from `from` without passing through `j`. */
function reachableInputs(ir: ProcessIR, j: number, from: FlowTarget[]): Set<number> {
  const found = new Set<number>();
  const seen = new Set<string>();
  const stack = [...from];
  while (stack.length) {
    const t = stack.pop()!;
    if (t.kind === 'gateway' && t.index === j) {
      if (t.inputBit !== undefined) found.add(t.inputBit);
      continue;
    }
    const key = `${t.kind}${t.index}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (t.kind === 'gateway') stack.push(...targetsOf(ir.gateways[t.index]));
    else if (t.kind === 'task') stack.push(ir.tasks[t.index].next, ...boundaryNexts(ir, t.index));
    else if (t.kind === 'timer') stack.push(ir.timers[t.index].next);
    else if (t.kind === 'subprocess') stack.push(ir.subprocesses[t.index].entry, ...subprocessBoundaryNexts(ir, t.index));
    else if (t.kind === 'end') {
      // a token ending inside a subprocess goes on by its outgoing flow, or by the boundary catching its error
      const end = ir.ends[t.index];
      if (end.throws !== undefined) stack.push(ir.errorBoundaries[end.throws].next);
      else if (end.scope !== undefined) stack.push(ir.subprocesses[end.scope].next);
    }
  }
  return found;
}

const groupCache = new WeakMap<ProcessIR, Map<number, JoinWaitGroup[]>>();

/** The wait groups of inclusive join `j` (gateway index), in order of their first bit. */
export function joinWaitGroups(ir: ProcessIR, j: number): JoinWaitGroup[] {
  let cache = groupCache.get(ir);
  if (!cache) groupCache.set(ir, (cache = new Map()));
  let groups = cache.get(j);
  if (!groups) cache.set(j, (groups = computeGroups(ir, j)));
  return groups;
}

function computeGroups(ir: ProcessIR, j: number): JoinWaitGroup[] {
  const own = new Set(ir.gateways[j].inputBits);
  const groups = new Map<string, JoinWaitGroup>();
  for (let bit = 0; bit < ir.bitCount; bit++) {
    if (own.has(bit)) continue;
    const inputs = [...reachableInputs(ir, j, continuation(ir, bit))].sort((a, b) => a - b);
    if (inputs.length === 0) continue;
    const key = inputs.join(',');
    const group = groups.get(key) ?? { inputs, upstream: [] };
    group.upstream.push(bit);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** Whether the join may fire in marking `m` (the rule above). */
export function joinMayFire(ir: ProcessIR, j: number, m: bigint): boolean {
  const mask = (bits: number[]) => bits.reduce((acc, b) => acc | (1n << BigInt(b)), 0n);
  const arrived = m & mask(ir.gateways[j].inputBits);
  if (arrived === 0n) return false;
  return joinWaitGroups(ir, j).every((g) => (m & mask(g.upstream)) === 0n || (arrived & mask(g.inputs)) !== 0n);
}

/** Whether routing a token to `target` (through gateways and scripts, resting at tasks and timers) can put a token on an inclusive join's input. */
function reachesInclusiveJoin(ir: ProcessIR, target: FlowTarget, seen = new Set<number>()): boolean {
  if (target.kind === 'subprocess') return reachesInclusiveJoin(ir, ir.subprocesses[target.index].entry, seen);
  if (target.kind === 'end' && ir.ends[target.index].throws !== undefined) return reachesInclusiveJoin(ir, ir.errorBoundaries[ir.ends[target.index].throws!].next, seen);
  if (target.kind !== 'gateway') return false;
  const g = ir.gateways[target.index];
  if (g.kind === 'inclusive' && target.inputBit !== undefined) return true;
  if (seen.has(target.index)) return false;
  seen.add(target.index);
  return targetsOf(g).some((t) => reachesInclusiveJoin(ir, t, seen));
}

/**
 * Whether a step that clears `consumed` (marking bits) and routes a token to `next` can make an
 * inclusive join ready to fire: its routing can bring a token to one, or it takes away a token a
 * join waits for. Otherwise no join's decision can change (adding tokens elsewhere only makes a
 * join wait longer), so the contract skips settling there; the reference interpreter always settles.
 */
export function needsSettle(ir: ProcessIR, consumed: readonly number[], next: FlowTarget): boolean {
  const joins = inclusiveJoins(ir);
  if (joins.length === 0) return false;
  if (reachesInclusiveJoin(ir, next)) return true;
  const waitedFor = new Set(joins.flatMap((j) => joinWaitGroups(ir, j).flatMap((g) => g.upstream)));
  return consumed.some((b) => waitedFor.has(b));
}

/** `needsSettle` for the three kinds of step. */
export function stepNeedsSettle(ir: ProcessIR, step: { start: true } | { task: number } | { timer: number }): boolean {
  // a collaboration's pool may end in the step that starts it (check-subprocesses.ts lets pools end without waiting)
  if ('start' in step) return ir.subprocesses.some((s, k) => s.pool !== undefined && mayEndAtOnce(ir, k)) || needsSettle(ir, [], ir.start.next);
  // a step inside a subprocess may take its last token: it settles so the subprocess can complete
  const own = 'task' in step ? ir.tasks[step.task].bit : ir.timers[step.timer].bit;
  if (ir.subprocesses.some((s) => s.inner.includes(own))) return true;
  if ('task' in step) return needsSettle(ir, bitsConsumedBy(ir, step), ir.tasks[step.task].next);
  return needsSettle(ir, bitsConsumedBy(ir, step), ir.timers[step.timer].next);
}
