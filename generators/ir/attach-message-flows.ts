/**
 * After a rewritten collaboration (rewrite-collaboration.ts) is built: each message flow between
 * executable pools gets the bit a send checks (MessageFlowIR.bit), each sender the flows it delivers,
 * each scope the message buffers inside it and, for the pools and the collaboration, what it is.
 */
import type { CollaborationPlan } from './rewrite-collaboration.js';
import type { MessageFlowIR, ProcessIR } from './process-ir.js';

export function attachMessageFlows(ir: ProcessIR, plan: CollaborationPlan): void {
  const flows: MessageFlowIR[] = plan.flows.map((f) => {
    const bit = f.startsPool !== undefined
      ? ir.subprocesses.find((s) => s.elementId === f.startsPool)!.bit
      // the join's inputs are the receiver's token, then the message (rewrite-collaboration.ts)
      : ir.gateways.find((g) => g.elementId === f.to)!.inputBits[1];
    return { flowId: f.flowId, name: f.name, from: f.from, to: f.to, bit, startsPool: f.startsPool !== undefined };
  });
  ir.messageFlows = flows;
  for (const x of ir.scripts) {
    const delivers = flows.flatMap((f, k) => (f.from === x.elementId ? [k] : []));
    if (delivers.length) x.delivers = delivers;
  }
  const buffers = flows.filter((f) => !f.startsPool).map((f) => f.bit);
  for (const s of ir.subprocesses) {
    const inside = buffers.filter((b) => s.inner.includes(b));
    if (inside.length) s.buffers = inside;
    const pool = plan.pools.find((p) => p.scopeId === s.elementId);
    if (pool) s.pool = { processId: pool.processId, initiator: pool.initiator };
    else if (s.elementId === plan.collaborationScope) s.pool = { collaboration: true };
  }
}
