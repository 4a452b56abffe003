/**
 * Moves a token along a flow until it rests, exactly as the generated routing code does
 * (generators/solidity/add-gateway-routing.ts), so the two can be compared bit for bit:
 * - a task sets its bit and the bits of its boundary events (a second token on an enabled task is absorbed);
 *   a service task that was not enabled yet records its request (`<Name>Requested`);
 * - an event-based gateway arms every target, as a parallel split routes its branches;
 * - a message sender (ScriptIR.sends) on a flow records its payload (`<Name>Sent`) as the token passes;
 * - an intermediate timer sets its bit (its deadline is set by the step, for every timer bit it newly set);
 * - a none end event consumes the token, a terminate end event clears the WHOLE marking, also
 *   the bits that branches routed before it in the same step had set; branches routed after it
 *   set theirs again;
 * - a parallel join sets its input bit, and fires only once all its input bits are set, clearing
 *   them (a second token on the same input is absorbed);
 * - a parallel split routes its outgoing flows one after the other, in `branches` order;
 * - exclusive gateways: conditions in order, then the default; or the caller's choice (1..n,
 *   0 = default); or pass-through;
 * - an inclusive split routes every branch whose condition holds (all conditions evaluated first),
 *   a branch without condition always, else the default (NoBranchMatches without one); a token
 *   reaching an inclusive join only sets its input bit: `settleJoins` fires joins after the routing;
 * - script tasks on a flow (FlowTarget.scripts) run first, in order: each assignment is evaluated
 *   on the current values (earlier assignments included) and written, and the run is recorded, as
 *   the contract's `_run<Script>` stores the field and emits `<Script>Completed`.
 * Reverts are thrown as RoutingRevert and become the step's rejection.
 */
import type { FlowTarget, GatewayIR, ProcessIR } from '../ir/process-ir.js';
import { bitsArmedWith, subprocessArmedBits, subprocessBits } from '../ir/timer-bits.js';
import { FeelRuntimeError, evaluateCondition, evaluateIn, type FeelValue } from '../feel/evaluate-feel.js';
import { numericDomain } from '../feel/numeric-domain.js';
import { inclusiveJoins, joinMayFire } from '../ir/inclusive-join.js';

export type RoutingErrorName = 'InvalidChoice' | 'NoBranchMatches' | 'ValueOutOfRange' | 'Panic' | 'NegativeValue' | 'MessagePending';

/** A script task the token ran through: the values it assigned, by field name (its `<Script>Completed` event). */
export interface ScriptRun {
  elementId: string;
  data: Record<string, FeelValue>;
}

/** What routing changes besides the marking: field values (scripts write them) and the scripts that ran. */
export interface RouteEffects {
  values: FeelValue[];
  scripts: ScriptRun[];
  /** When present, every sequence flow (`flow:<id>`) and end event (`end:<id>`) the token passed, in order. */
  passed?: string[];
  /** When present, the service tasks the routing newly enabled, in order, with their request payloads (`<Name>Requested`). */
  requests?: ScriptRun[];
  /** Errors caught by error boundaries during the routing, in order (the contract's `ErrorCaught` events). */
  errors?: CaughtError[];
}

/** An error end's error caught by an error boundary: `boundary` indexes `ProcessIR.errorBoundaries`. */
export interface CaughtError {
  boundary: number;
  code: string;
}

export class RoutingRevert extends Error {
  constructor(readonly errorName: RoutingErrorName, readonly elementId: string, message: string) {
    super(message);
  }
}

const bit = (n: number) => 1n << BigInt(n);
const withoutBits = (m: bigint, bits: number[]) => bits.reduce((acc, b) => acc & ~bit(b), m);

/** The marking after a token moves to `target` from marking `m`. `choice` reaches a caller-decided gateway only. Scripts run on a copy of `values`. */
export function routeToken(ir: ProcessIR, values: readonly FeelValue[], target: FlowTarget, m: bigint, choice: number): bigint {
  return route(ir, { values: [...values], scripts: [] }, target, m, choice);
}

/** routeToken that keeps what the scripts on the way did in `effects` (its values are updated in place). */
export function routeTokenWithEffects(ir: ProcessIR, effects: RouteEffects, target: FlowTarget, m: bigint, choice: number): bigint {
  return route(ir, effects, target, m, choice);
}

function route(ir: ProcessIR, fx: RouteEffects, target: FlowTarget, m: bigint, choice: number): bigint {
  if (target.scripts?.length) {
    const x = ir.scripts[target.scripts[0]];
    // a message to another pool is refused while the one before is still buffered, or while the pool it starts runs
    for (const k of x.delivers ?? []) {
      const f = ir.messageFlows![k];
      if (m & bit(f.bit)) throw new RoutingRevert('MessagePending', x.elementId, `message "${f.name}" (${f.flowId}) ${f.startsPool ? 'starts a pool that still runs' : 'is still waiting to be received'}`);
    }
    runScript(ir, fx, target.scripts[0]);
    return route(ir, fx, x.next, m, choice);
  }
  switch (target.kind) {
    case 'task': {
      const task = ir.tasks[target.index];
      // a service task newly enabled asks for its service (`<Name>Requested`); a second token is absorbed
      if (task.kind === 'service' && (m & bit(task.bit)) === 0n) fx.requests?.push({ elementId: task.elementId, data: payload(ir, fx, task.requests ?? []) });
      return bitsArmedWith(ir, target.index).reduce((acc, b) => acc | bit(b), m | bit(task.bit));
    }
    case 'timer':
      return m | bit(ir.timers[target.index].bit);
    case 'end': {
      const end = ir.ends[target.index];
      fx.passed?.push(`end:${end.elementId}`);
      if (end.throws !== undefined) {
        // the catching subprocess is withdrawn at once and the token leaves by the boundary
        const b = ir.errorBoundaries[end.throws];
        fx.errors?.push({ boundary: end.throws, code: end.errorCode! });
        return route(ir, fx, b.next, withoutBits(m, subprocessBits(ir, b.attachedTo)), 0);
      }
      if (!end.terminate) return m;
      // a terminate end ends its own scope: the process, or the subprocess holding it
      return end.scope === undefined ? 0n : withoutBits(m, ir.subprocesses[end.scope].inner);
    }
    case 'subprocess': {
      const s = ir.subprocesses[target.index];
      if (m & bit(s.bit)) return m; // running already: the token is absorbed, as at an enabled task
      // its boundary timers start and its message boundaries are armed with it
      const entered = subprocessArmedBits(ir, target.index).reduce((acc, b) => acc | bit(b), m | bit(s.bit));
      return route(ir, fx, s.entry, entered, 0);
    }
    case 'gateway': {
      const marking = target.inputBit === undefined ? m : m | bit(target.inputBit);
      if (ir.gateways[target.index].kind === 'inclusive' && target.inputBit !== undefined) return marking; // waits for the settling
      return fireGateway(ir, fx, ir.gateways[target.index], marking, choice);
    }
  }
}

function runScript(ir: ProcessIR, fx: RouteEffects, k: number) {
  const x = ir.scripts[k];
  if (x.sends) {
    // a message sender assigns nothing: it tells the payload as the instance data has it now
    fx.scripts.push({ elementId: x.elementId, data: payload(ir, fx, x.sends) });
    return;
  }
  const data: Record<string, FeelValue> = {};
  for (const a of x.assignments) {
    const f = ir.fields[a.field];
    let value: FeelValue;
    try {
      if (a.expr.type !== 'number') value = evaluateIn(a.expr, fx.values, 'uint256');
      else {
        // an int field computes in int256; else the expression's own domain, and an int256 result must not be negative
        const domain = f.type === 'int' ? 'int256' : numericDomain(a.expr);
        value = evaluateIn(a.expr, fx.values, domain);
        if (f.type !== 'int' && (value as bigint) < 0n) throw new RoutingRevert('NegativeValue', x.elementId, `"${x.name}": ${f.name} := ${a.text} is ${value}, but ${f.name} is ${f.type}`);
      }
    } catch (e) {
      if (e instanceof FeelRuntimeError) throw new RoutingRevert(e.errorName, x.elementId, `"${x.name}": ${f.name} := ${a.text}: ${e.message}`);
      throw e;
    }
    fx.values[a.field] = value;
    data[f.name] = value;
  }
  fx.scripts.push({ elementId: x.elementId, data });
}

/** Fields (indexes) by name, with their current values. */
function payload(ir: ProcessIR, fx: RouteEffects, fields: readonly number[]): Record<string, FeelValue> {
  return Object.fromEntries(fields.map((f) => [ir.fields[f].name, fx.values[f]]));
}

function fireGateway(ir: ProcessIR, fx: RouteEffects, g: GatewayIR, m: bigint, choice: number): bigint {
  const values = fx.values;
  // only a task hands a choice on
  const go = (b: { flowId: string; target: FlowTarget }) => {
    fx.passed?.push(`flow:${b.flowId}`);
    return route(ir, fx, b.target, m, 0);
  };
  if (g.kind === 'inclusive') return splitInclusive(ir, fx, g, m);
  if (g.kind === 'parallel' || g.kind === 'event') {
    if (g.inputBits.length > 0) {
      const mask = g.inputBits.reduce((acc, b) => acc | bit(b), 0n);
      if ((m & mask) !== mask) return m; // wait for the other inputs
      m &= ~mask;
    }
    for (const b of g.branches) {
      fx.passed?.push(`flow:${b.flowId}`);
      m = route(ir, fx, b.target, m, 0);
    }
    return m;
  }
  if (g.decision === 'caller') {
    if (choice === 0 && g.defaultBranch) return go(g.defaultBranch);
    if (choice >= 1 && choice <= g.branches.length) return go(g.branches[choice - 1]);
    throw new RoutingRevert('InvalidChoice', g.elementId, `choice ${choice} does not exist at "${g.name}"`);
  }
  if (g.decision === 'conditions') {
    for (const b of g.branches) {
      let holds: boolean;
      try {
        holds = evaluateCondition(b.condition!, values);
      } catch (e) {
        if (e instanceof FeelRuntimeError) throw new RoutingRevert(e.errorName, g.elementId, `condition "${b.conditionText}" at "${g.name}": ${e.message}`);
        throw e;
      }
      if (holds) return go(b);
    }
    if (g.defaultBranch) return go(g.defaultBranch);
    throw new RoutingRevert('NoBranchMatches', g.elementId, `no condition of "${g.name}" holds and it has no default flow`);
  }
  return go(g.branches[0]); // pass-through merge
}

/** The branches of inclusive gateway `g` whose conditions hold get a token; conditions are evaluated first, in order. */
function splitInclusive(ir: ProcessIR, fx: RouteEffects, g: GatewayIR, m: bigint): bigint {
  const take = g.branches.map((b) => {
    if (!b.condition) return true;
    try {
      return evaluateCondition(b.condition, fx.values);
    } catch (e) {
      if (e instanceof FeelRuntimeError) throw new RoutingRevert(e.errorName, g.elementId, `condition "${b.conditionText}" at "${g.name}": ${e.message}`);
      throw e;
    }
  });
  if (!take.some(Boolean)) {
    if (g.defaultBranch) {
      fx.passed?.push(`flow:${g.defaultBranch.flowId}`);
      return route(ir, fx, g.defaultBranch.target, m, 0);
    }
    throw new RoutingRevert('NoBranchMatches', g.elementId, `no condition of "${g.name}" holds and it has no default flow`);
  }
  g.branches.forEach((b, k) => {
    if (!take[k]) return;
    fx.passed?.push(`flow:${b.flowId}`);
    m = route(ir, fx, b.target, m, 0);
  });
  return m;
}

/**
 * After a step's routing: fires every inclusive join the rule (generators/ir/inclusive-join.ts)
 * lets fire, in gateway order, then completes every running subprocess with no token left inside,
 * innermost first (its bit and its boundary events' bits cleared, a token routed on by its outgoing flow),
 * round after round until a round changes nothing.
 */
export function settleJoins(ir: ProcessIR, fx: RouteEffects, m: bigint): bigint {
  const joins = inclusiveJoins(ir);
  for (;;) {
    const before = m;
    for (const j of joins) {
      if (!joinMayFire(ir, j, m)) continue;
      const g = ir.gateways[j];
      m = splitInclusive(ir, fx, g, g.inputBits.reduce((acc, b) => acc & ~bit(b), m));
    }
    for (let k = ir.subprocesses.length - 1; k >= 0; k--) {
      const s = ir.subprocesses[k];
      // messages buffered inside keep no one busy: it completes without them, and they go with it
      const buffers = s.buffers ?? [];
      if ((m & bit(s.bit)) === 0n || withoutBits(m, s.inner) !== withoutBits(m, buffers)) continue;
      fx.passed?.push(`sub:${s.elementId}`);
      m = route(ir, fx, s.next, withoutBits(m, [s.bit, ...buffers, ...subprocessArmedBits(ir, k)]), 0);
    }
    if (m === before) return m;
  }
}
