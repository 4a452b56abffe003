/**
 * A large workspace for the designer benchmark: `blocks` blocks of five flow nodes (a task, an
 * exclusive split on a field, two branch tasks, a join) in four lanes, between a start and an
 * end event, with diagram layout; and `participants` participants in five organizations.
 * Valid for the generator: every lane has a role, every split has a condition and a default.
 */
import type { Workspace } from '../generators/index.js';

const ROLES = ['Planner', 'Supplier', 'Carrier', 'Inspector'];
const LANE_H = 150;
const TOP = 60;
const LEFT = 160;
const COL = 130;

interface Node {
  id: string;
  kind: 'startEvent' | 'endEvent' | 'userTask' | 'exclusiveGateway';
  name: string;
  lane: number;
  col: number;
  /** Extra row inside the lane (branch tasks sit lower). */
  row: number;
  default?: string;
}

interface Flow {
  id: string;
  from: string;
  to: string;
  condition?: string;
  name?: string;
}

function size(kind: Node['kind']) {
  if (kind === 'userTask') return { w: 100, h: 60 };
  if (kind === 'exclusiveGateway') return { w: 50, h: 50 };
  return { w: 36, h: 36 };
}

function bounds(n: Node) {
  const { w, h } = size(n.kind);
  const cx = LEFT + 60 + n.col * COL;
  const cy = TOP + n.lane * LANE_H + 45 + n.row * 60;
  return { x: cx - w / 2, y: cy - h / 2, w, h, cx, cy };
}

export function designerModel(blocks = 40): { bpmn: string; flowNodes: number } {
  const nodes: Node[] = [{ id: 'Start', kind: 'startEvent', name: '开始 Start', lane: 0, col: 0, row: 0 }];
  const flows: Flow[] = [];
  let prev = 'Start';
  for (let i = 0; i < blocks; i++) {
    const lane = i % ROLES.length;
    const col = 1 + i * 4;
    const a = `Task_${i}_a`, s = `Split_${i}`, b = `Task_${i}_b`, c = `Task_${i}_c`, j = `Join_${i}`;
    nodes.push(
      { id: a, kind: 'userTask', name: `审核 Review ${i}`, lane, col, row: 0 },
      { id: s, kind: 'exclusiveGateway', name: `金额 ${i}?`, lane, col: col + 1, row: 0, default: `Flow_${i}_sc` },
      { id: b, kind: 'userTask', name: `批准 Approve ${i}`, lane: (lane + 1) % ROLES.length, col: col + 2, row: 0 },
      { id: c, kind: 'userTask', name: `退回 Return ${i}`, lane: (lane + 2) % ROLES.length, col: col + 2, row: 1 },
      { id: j, kind: 'exclusiveGateway', name: '', lane, col: col + 3, row: 0 },
    );
    flows.push(
      { id: `Flow_${i}_in`, from: prev, to: a },
      { id: `Flow_${i}_as`, from: a, to: s },
      { id: `Flow_${i}_sb`, from: s, to: b, condition: `amount > ${i * 10}`, name: `> ${i * 10}` },
      { id: `Flow_${i}_sc`, from: s, to: c, name: '否 otherwise' },
      { id: `Flow_${i}_bj`, from: b, to: j },
      { id: `Flow_${i}_cj`, from: c, to: j },
    );
    prev = j;
  }
  nodes.push({ id: 'End', kind: 'endEvent', name: '结束 End', lane: 0, col: 1 + blocks * 4, row: 0 });
  flows.push({ id: 'Flow_end', from: prev, to: 'End' });

  const byId = new Map(nodes.map((n) => [n.id, n]));
  const width = LEFT + 60 + (2 + blocks * 4) * COL;
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const xml: string[] = [];
  xml.push(`<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:cf="http://chainflow.studio/schema/bpmn/1.0" id="Definitions_Bench" targetNamespace="http://chainflow.studio/bench">
  <bpmn:collaboration id="Collaboration_Bench"><bpmn:participant id="Pool_Bench" name="大型流程 Large process" processRef="Bench" /></bpmn:collaboration>
  <bpmn:process id="Bench" name="大型流程 Large process" isExecutable="true">
    <bpmn:laneSet id="LaneSet_Bench">`);
  ROLES.forEach((role, lane) => {
    xml.push(`      <bpmn:lane id="Lane_${role}" name="${role}" cf:role="${role}">`);
    for (const n of nodes) if (n.lane === lane) xml.push(`        <bpmn:flowNodeRef>${n.id}</bpmn:flowNodeRef>`);
    xml.push('      </bpmn:lane>');
  });
  xml.push('    </bpmn:laneSet>');
  for (const n of nodes) {
    const incoming = flows.filter((f) => f.to === n.id).map((f) => `<bpmn:incoming>${f.id}</bpmn:incoming>`);
    const outgoing = flows.filter((f) => f.from === n.id).map((f) => `<bpmn:outgoing>${f.id}</bpmn:outgoing>`);
    const fields = n.kind === 'startEvent' ? '<bpmn:extensionElements><cf:field name="amount" type="uint" label="Amount" required="true" /></bpmn:extensionElements>' : '';
    const def = n.default ? ` default="${n.default}"` : '';
    xml.push(`    <bpmn:${n.kind} id="${n.id}" name="${esc(n.name)}"${def}>${fields}${incoming.join('')}${outgoing.join('')}</bpmn:${n.kind}>`);
  }
  for (const f of flows) {
    const cond = f.condition
      ? `<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="feel">${esc(f.condition)}</bpmn:conditionExpression>`
      : '';
    const name = f.name ? ` name="${esc(f.name)}"` : '';
    xml.push(`    <bpmn:sequenceFlow id="${f.id}"${name} sourceRef="${f.from}" targetRef="${f.to}">${cond}</bpmn:sequenceFlow>`);
  }
  xml.push(`  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_Bench">
    <bpmndi:BPMNPlane id="BPMNPlane_Bench" bpmnElement="Collaboration_Bench">
      <bpmndi:BPMNShape id="Pool_Bench_di" bpmnElement="Pool_Bench" isHorizontal="true"><dc:Bounds x="${LEFT - 60}" y="${TOP}" width="${width}" height="${ROLES.length * LANE_H}" /></bpmndi:BPMNShape>`);
  ROLES.forEach((role, lane) =>
    xml.push(`      <bpmndi:BPMNShape id="Lane_${role}_di" bpmnElement="Lane_${role}" isHorizontal="true"><dc:Bounds x="${LEFT - 30}" y="${TOP + lane * LANE_H}" width="${width - 30}" height="${LANE_H}" /></bpmndi:BPMNShape>`),
  );
  for (const n of nodes) {
    const b = bounds(n);
    const marker = n.kind === 'exclusiveGateway' ? ' isMarkerVisible="true"' : '';
    xml.push(`      <bpmndi:BPMNShape id="${n.id}_di" bpmnElement="${n.id}"${marker}><dc:Bounds x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" /></bpmndi:BPMNShape>`);
  }
  for (const f of flows) {
    const s = bounds(byId.get(f.from)!);
    const t = bounds(byId.get(f.to)!);
    const points = s.cy === t.cy
      ? [[s.x + s.w, s.cy], [t.x, t.cy]]
      : [[s.x + s.w, s.cy], [(s.x + s.w + t.x) / 2, s.cy], [(s.x + s.w + t.x) / 2, t.cy], [t.x, t.cy]];
    xml.push(`      <bpmndi:BPMNEdge id="${f.id}_di" bpmnElement="${f.id}">${points.map(([x, y]) => `<di:waypoint x="${x}" y="${y}" />`).join('')}</bpmndi:BPMNEdge>`);
  }
  xml.push('    </bpmndi:BPMNPlane>\n  </bpmndi:BPMNDiagram>\n</bpmn:definitions>\n');
  return { bpmn: xml.join('\n'), flowNodes: nodes.length };
}

export function designerWorkspace(options: { blocks?: number; participants?: number } = {}): { workspace: Workspace; flowNodes: number } {
  const { bpmn, flowNodes } = designerModel(options.blocks ?? 40);
  const organizations = ['制造商 Maker', '供应商 Supplier', '承运商 Carrier', '银行 Bank', '监管 Regulator'].map((name, i) => ({ id: `org-${i}`, name }));
  const participants = Array.from({ length: options.participants ?? 100 }, (_, i) => ({
    id: `p-${i}`,
    name: `参与方 ${i} Member`,
    kind: 'person' as const,
    organization: organizations[i % organizations.length].id,
    roles: [ROLES[i % ROLES.length]],
  }));
  return {
    flowNodes,
    workspace: {
      schemaVersion: 1,
      name: '大型模型 Bench',
      organizations,
      roles: ROLES.map((id) => ({ id, name: id })),
      participants,
      processes: [{ id: 'bench', name: '大型流程 Large process', bpmn }],
    },
  };
}
