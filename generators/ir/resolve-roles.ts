/**
 * Who performs a node: the node's own cf:role, else the innermost lane holding it (its cf:role,
 * else its name: in a plain .bpmn every lane is a role), else the pool's cf:role.
 * Role references are matched against the workspace's roles by id, then by name.
 */
import type { Role } from '../model/workspace.js';
import type { BpmnFlowNode, BpmnLane, BpmnParticipant, BpmnProcess } from '../bpmn/moddle-types.js';

export interface RoleReference {
  /** The text the model used (a role id or name, or a lane name). */
  text: string;
  /** Where the reference comes from, for messages: "lane Carrier", "cf:role". */
  source: string;
}

export function laneIndex(process: BpmnProcess): Map<string, BpmnLane> {
  const byNode = new Map<string, BpmnLane>();
  const visit = (lanes: BpmnLane[] | undefined) => {
    for (const lane of lanes ?? []) {
      for (const node of lane.flowNodeRef ?? []) byNode.set(node.id, lane); // deeper lanes overwrite below
      visit(lane.childLaneSet?.lanes);
    }
  };
  for (const set of process.laneSets ?? []) visit(set.lanes);
  return byNode;
}

export function roleReferenceOf(
  node: BpmnFlowNode,
  lanes: Map<string, BpmnLane>,
  pool: BpmnParticipant | undefined,
): RoleReference | undefined {
  if (node.role?.trim()) return { text: node.role.trim(), source: 'its cf:role' };
  const lane = lanes.get(node.id);
  if (lane?.role?.trim()) return { text: lane.role.trim(), source: `the cf:role of lane "${lane.name ?? lane.id}"` };
  if (lane?.name?.trim()) return { text: lane.name.trim(), source: `lane "${lane.name.trim()}"` };
  if (pool?.role?.trim()) return { text: pool.role.trim(), source: `the cf:role of pool "${pool.name ?? pool.id}"` };
  return undefined;
}

export function findRole(roles: readonly Role[], text: string): Role | undefined {
  return roles.find((r) => r.id === text) ?? roles.find((r) => r.name === text);
}
