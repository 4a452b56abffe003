/**
 * Dynamic role binding (`cf:binds`, docs/process-format.md "Roles bound per instance"): which
 * element nominates the participant of which role, under which rebinding rule, and which tasks
 * the binding then restricts. One element binds a role per process, so "may rebind by the same
 * task" has exactly one task to mean.
 */
import { error, warning, type Problem } from '../problems.js';
import type { Role } from '../model/workspace.js';
import type { BpmnFlowNode, CfBinds } from '../bpmn/moddle-types.js';
import { REBIND_RULES, type RebindRule, type RoleBindingIR, type TaskIR } from './process-ir.js';
import { findRole } from './resolve-roles.js';

type Where = (node: BpmnFlowNode) => Omit<Problem, 'severity' | 'message'>;

const label = (n: BpmnFlowNode) => (n.name?.trim() ? `"${n.name.trim()}"` : n.id);

/**
 * Reads the bindings of `writers` (start event first, then tasks in document order), whose nominee
 * fields collect-fields.ts resolved (`bindsOf`), and sets `binding` on every task of a bound role.
 * Elements that cannot nominate (gateways, events other than the start, script tasks) are refused.
 */
export function readBindings(
  nodes: readonly BpmnFlowNode[], writers: readonly BpmnFlowNode[], bindsOf: Map<string, { decl: CfBinds; field: number }[]>,
  roles: readonly Role[], tasks: TaskIR[], taskIndex: Map<string, number>, where: Where, problems: Problem[],
): RoleBindingIR[] {
  const bindings: RoleBindingIR[] = [];
  const boundBy = new Map<string, BpmnFlowNode>();
  for (const node of nodes) {
    if (writers.includes(node)) continue;
    if ((node.extensionElements?.values ?? []).some((e) => e.$type === 'cf:Binds'))
      problems.push(error(`${label(node)} has a cf:binds, but only the start event and user tasks nominate participants (someone must be there to choose)`, where(node)));
  }
  for (const node of writers) {
    for (const ext of node.extensionElements?.values ?? []) {
      if (ext.$type !== 'cf:Binds') continue;
      const decl = ext as CfBinds;
      const text = (decl.role ?? '').trim();
      if (!text) {
        problems.push(error(`cf:binds on ${label(node)} has no role; write role="…" with the role whose participant this step nominates`, where(node)));
        continue;
      }
      const role = findRole(roles, text);
      if (!role) {
        problems.push(error(`role "${text}" (from cf:binds) is not defined`, where(node)));
        continue;
      }
      const rebind = (decl.rebind ?? 'once').trim() as RebindRule;
      if (!REBIND_RULES.includes(rebind)) {
        problems.push(error(`cf:binds of role "${role.name}": rebind="${decl.rebind}" is not a rule; use ${REBIND_RULES.map((r) => `"${r}"`).join(' or ')}`, where(node)));
        continue;
      }
      const earlier = boundBy.get(role.id);
      if (earlier) {
        problems.push(error(`role "${role.name}" is already bound by ${label(earlier)}; one element binds a role (rebind="sameTask" lets that element bind it again)`, where(node)));
        continue;
      }
      const field = bindsOf.get(node.id)?.find((b) => b.decl === decl)?.field;
      if (field === undefined) continue; // its field was refused (collect-fields.ts)
      boundBy.set(role.id, node);
      const task = taskIndex.get(node.id);
      bindings.push({ role: role.id, elementId: node.id, ...(task !== undefined ? { task } : {}), field, rebind });
    }
  }
  bindings.forEach((b, k) => {
    const restricted = tasks.filter((t) => t.role === b.role);
    for (const t of restricted) t.binding = k;
    if (restricted.length === 0) {
      const node = writers.find((n) => n.id === b.elementId)!;
      const role = roles.find((r) => r.id === b.role)!;
      problems.push(warning(`${label(node)} binds role "${role.name}", but no task of this process is performed by that role: the binding restricts nothing`, where(node)));
    }
  });
  return bindings;
}
