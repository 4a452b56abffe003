/**
 * Every task has a role: its own cf:role, else the innermost lane holding it (cf:role or lane
 * name), else the pool's cf:role — the order the generator resolves roles in
 * (docs/process-format.md, "Who performs a step"). Whether the role exists in the workspace is
 * the generator's check; this rule catches the task nobody performs while the user draws.
 */
import { label, type LintElement, type LintRule } from '../process-graph.js';

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

interface Lane extends LintElement {
  flowNodeRef?: LintElement[];
  childLaneSet?: { lanes?: Lane[] };
}

/** Element id -> role text of the innermost lane holding it ('' for a lane without role or name). */
export function laneRoles(process: LintElement): Map<string, string> {
  const roles = new Map<string, string>();
  const visit = (lanes: Lane[] | undefined) => {
    for (const lane of lanes ?? []) {
      const role = text(lane.get('cf:role')) || text(lane.name);
      for (const node of lane.flowNodeRef ?? []) roles.set(node.id, role);
      visit(lane.childLaneSet?.lanes); // inner lanes override
    }
  };
  for (const set of (process.get('laneSets') as { lanes?: Lane[] }[] | undefined) ?? []) visit(set.lanes);
  return roles;
}

/** The cf:role of the pool whose processRef is this process, or ''. */
export function poolRole(process: LintElement & { $parent?: LintElement }): string {
  const roots = (process.$parent?.get('rootElements') as LintElement[] | undefined) ?? [];
  for (const root of roots) {
    if (!root.$instanceOf('bpmn:Collaboration')) continue;
    for (const participant of (root.get('participants') as LintElement[] | undefined) ?? []) {
      if ((participant.get('processRef') as LintElement | undefined) === process) return text(participant.get('cf:role'));
    }
  }
  return '';
}

/** Ids of the elements message flows of the file end at. */
function messageTargets(process: LintElement & { $parent?: LintElement }): Set<string> {
  const roots = (process.$parent?.get('rootElements') as LintElement[] | undefined) ?? [];
  return new Set(roots.filter((r) => r.$instanceOf('bpmn:Collaboration')).flatMap((c) =>
    ((c.get('messageFlows') as LintElement[] | undefined) ?? []).map((mf) => (mf.get('targetRef') as LintElement | undefined)?.id ?? '')));
}

const taskRole: LintRule = () => ({
  check(node, reporter) {
    if (!node.$instanceOf('bpmn:Process')) return;
    const lanes = laneRoles(node);
    const pool = poolRole(node);
    for (const element of (node.get('flowElements') as LintElement[] | undefined) ?? []) {
      if (!element.$instanceOf('bpmn:Task')) continue;
      // a send task has no performer; a receive task's message flow names its sender (docs/process-format.md, "Messages")
      if (element.$instanceOf('bpmn:SendTask') || (element.$instanceOf('bpmn:ReceiveTask') && messageTargets(node).has(element.id))) continue;
      if (text(element.get('cf:role')) || lanes.get(element.id) || pool) continue;
      reporter.report(element.id, `task ${label(element)} has no role: put it in a lane or choose its role`);
    }
  },
});

export default taskRole;
