/**
 * Moves a token along a flow until it rests, exactly as the generated routing code does
 * (generators/solidity/add-gateway-routing.ts), so the two can be compared bit for bit:
 * - a task sets its bit and the bits of its boundary timers (a second token on an enabled task is absorbed);
 * - an intermediate timer sets its bit (its deadline is set by the step, for every timer bit it newly set);
 * - a none end event consumes the token, a terminate end event clears the WHOLE marking, also
 *   the bits that branches routed before it in the same step had set; branches routed after it
 *   set theirs again;
 * - a parallel join sets its input bit, and fires only once all its input bits are set, clearing
 *   them (a second token on the same input is absorbed);
 * - a parallel split routes its outgoing flows one after the other, in `branches` order;
 * - exclusive gateways: conditions in order, then the default; or the caller's choice (1..n,
 *   0 = default); or pass-through.
 * Reverts are thrown as RoutingRevert and become the step's rejection.
 */
import type { FlowTarget, GatewayIR, ProcessIR } from '../ir/process-ir.js';
import { boundaryTimersOf } from '../ir/timer-bits.js';
import { FeelRuntimeError, evaluateCondition, type FeelValue } from '../feel/evaluate-feel.js';

export type RoutingErrorName = 'InvalidChoice' | 'NoBranchMatches' | 'ValueOutOfRange' | 'Panic';

export class RoutingRevert extends Error {
  constructor(readonly errorName: RoutingErrorName, readonly elementId: string, message: string) {
    super(message);
  }
}

const bit = (n: number) => 1n << BigInt(n);

/** The marking after a token moves to `target` from marking `m`. `choice` reaches a caller-decided gateway only. */
export function routeToken(ir: ProcessIR, values: readonly FeelValue[], target: FlowTarget, m: bigint, choice: number): bigint {
  switch (target.kind) {
    case 'task':
      return boundaryTimersOf(ir, target.index).reduce((acc, k) => acc | bit(ir.timers[k].bit), m | bit(ir.tasks[target.index].bit));
    case 'timer':
      return m | bit(ir.timers[target.index].bit);
    case 'end':
      return ir.ends[target.index].terminate ? 0n : m;
    case 'gateway': {
      const marking = target.inputBit === undefined ? m : m | bit(target.inputBit);
      return fireGateway(ir, values, ir.gateways[target.index], marking, choice);
    }
  }
}

function fireGateway(ir: ProcessIR, values: readonly FeelValue[], g: GatewayIR, m: bigint, choice: number): bigint {
  const go = (t: FlowTarget) => routeToken(ir, values, t, m, 0); // only a task hands a choice on
  if (g.kind === 'parallel') {
    if (g.inputBits.length > 0) {
      const mask = g.inputBits.reduce((acc, b) => acc | bit(b), 0n);
      if ((m & mask) !== mask) return m; // wait for the other inputs
      m &= ~mask;
    }
    for (const b of g.branches) m = routeToken(ir, values, b.target, m, 0);
    return m;
  }
  if (g.decision === 'caller') {
    if (choice === 0 && g.defaultBranch) return go(g.defaultBranch.target);
    if (choice >= 1 && choice <= g.branches.length) return go(g.branches[choice - 1].target);
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
      if (holds) return go(b.target);
    }
    if (g.defaultBranch) return go(g.defaultBranch.target);
    throw new RoutingRevert('NoBranchMatches', g.elementId, `no condition of "${g.name}" holds and it has no default flow`);
  }
  return go(g.branches[0].target); // pass-through merge
}
