/**
 * buildProcessIR for a file that may hold call activities: expands them first (each becomes an
 * embedded subprocess holding the called process, see expand-call-activities.ts), builds, then
 * - puts every problem of an inlined element on the call activity in the caller's diagram (the
 *   inlined ids exist in no diagram), naming the element in the called process; warnings about
 *   inlined elements are dropped, as the called process reports them itself;
 * - checks the inputs of each call (the fields the called start event declares): the caller must
 *   have a field of that name and type, or the called process would read a value no one wrote;
 * - marks each call's scope with the process it calls (SubProcessIR.calledProcess).
 */
import { error, type Problem } from '../problems.js';
import type { BpmnDefinitions } from '../bpmn/moddle-types.js';
import { buildProcessIR, type BuildContext } from './build-process-ir.js';
import { CALL_ID_SEPARATOR, expandCallActivities, type CallExpansion, type CallRecord, type WorkspaceProcesses } from './expand-call-activities.js';
import type { ProcessIR } from './process-ir.js';
import { rewriteCollaboration } from './rewrite-collaboration.js';
import { attachMessageFlows } from './attach-message-flows.js';

/**
 * `stack`: the processes (indexes) calling this one, outermost first, when it is built as a called process.
 * `calls` lists every call inlined, nested ones too (their ids as in the expanded file: `Outer/Inner`).
 */
export async function buildProcessIRWithCalls(definitions: BpmnDefinitions, ctx: BuildContext, workspace: WorkspaceProcesses, stack: number[] = []): Promise<{ ir?: ProcessIR; problems: Problem[]; calls: CallRecord[] }> {
  // a collaboration of several executable pools becomes one process first (rewrite-collaboration.ts)
  const refused: Problem[] = [];
  const plan = rewriteCollaboration(definitions, (kind, id) => ({ file: ctx.file, elementId: id, path: `processes[${ctx.index}].${kind}.${id}` }), refused);
  if (refused.length) return { problems: refused, calls: [] };
  if (plan && stack.length) return { problems: [error('a collaboration of several executable pools cannot be called yet; call one pool\'s process, or model the collaboration in the calling file', { file: ctx.file, path: `processes[${ctx.index}]`, elementId: plan.collaborationScope.replace(/_instance$/, '') })], calls: [] };
  if (plan) ctx = { ...ctx, collaboration: { messageJoins: plan.messageJoins, messageFlowIds: new Set(plan.flows.map((f) => f.flowId)), scopes: new Set([plan.collaborationScope, ...plan.pools.map((x) => x.scopeId)]) } };
  const calls = await expandCallActivities(definitions, ctx, workspace, stack);
  const built = buildProcessIR(definitions, ctx);
  if (built.ir && plan) attachMessageFlows(built.ir, plan);
  const problems = [...calls.problems, ...relocate(plan ? onDiagram(built.problems, plan.madeFor) : built.problems, calls, ctx)];
  if (!built.ir || calls.calls.length === 0) return { ir: calls.refused.size ? undefined : built.ir, problems, calls: calls.calls };
  const ir = built.ir;
  for (const call of calls.calls) {
    const scope = ir.subprocesses.find((s) => s.elementId === call.callId);
    if (scope) scope.calledProcess = { documentId: call.documentId, processId: call.processId, name: call.processName };
    for (const input of call.inputs) {
      const field = ir.fields.find((f) => f.name === input.name);
      if (!field) problems.push(error(`call activity "${call.name}": the called process "${call.processName}" takes field "${input.name}" (${input.type}) at its start, but no task or start event of this process writes a field of that name; declare it (cf:field) on one before the call`, where(ctx, call.callId)));
      else if (field.type !== input.type) problems.push(error(`call activity "${call.name}": the called process "${call.processName}" takes field "${input.name}" as ${input.type}, but here it is ${field.type}; use one type`, where(ctx, call.callId)));
    }
  }
  return problems.some((p) => p.severity === 'error') ? { problems, calls: calls.calls } : { ir, problems, calls: calls.calls };
}

const where = (ctx: BuildContext, id: string) => ({ file: ctx.file, elementId: id, path: `processes[${ctx.index}].callActivities.${id}` });

function relocate(problems: Problem[], calls: CallExpansion, ctx: BuildContext): Problem[] {
  return problems.flatMap((p) => {
    // a refused call activity stays a bpmn:CallActivity, which the builder refuses again in general words
    if (p.elementId && calls.refused.has(p.elementId)) return [];
    const from = p.elementId ? calls.origin.get(p.elementId) : undefined;
    if (!from) return [p];
    if (p.severity === 'warning') return [];
    const call = calls.calls.find((c) => c.callId === from.callId);
    return [{ ...p, ...where(ctx, from.callId), message: `in the called process "${call?.processName ?? from.documentId}", at ${from.elementId}: ${p.message.replaceAll(`${from.callId}${CALL_ID_SEPARATOR}`, '')}` }];
  });
}

/** A problem on an element a collaboration's rewrite made goes to the element of the diagram it was made for. */
function onDiagram(problems: Problem[], madeFor: ReadonlyMap<string, string>): Problem[] {
  return problems.map((p) => {
    const real = p.elementId !== undefined ? madeFor.get(p.elementId) : undefined;
    return real === undefined ? p : { ...p, elementId: real, ...(p.path ? { path: p.path.replace(/[^.]+$/, real) } : {}) };
  });
}
