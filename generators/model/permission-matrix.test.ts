import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { permissionMatrix, readProcesses, tasksOfRole } from './permission-matrix.js';
import type { Workspace } from './workspace.js';

const sample = () =>
  JSON.parse(readFileSync(new URL('../samples/order-fulfilment/workspace.json', import.meta.url), 'utf8')) as Workspace;

const bpmn = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:cf="http://chainflow.studio/schema/bpmn/1.0" id="D" targetNamespace="t">
  <bpmn:process id="P" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>`;

const withProcess = (xml: string): Workspace => ({
  ...sample(),
  processes: [{ id: 'p1', name: '采购 Purchase', bpmn: xml }],
});

async function matrixOf(ws: Workspace) {
  return permissionMatrix(ws, await readProcesses(ws));
}

describe('permissionMatrix', () => {
  it('gives each task of the sample the role of its lane, and the start event to the buyer', async () => {
    // given the sample workspace, when its matrix is derived
    const matrix = await matrixOf(sample());
    const [process] = matrix.processes;
    // then every role of the consortium is a row and every task says who performs it and why
    expect(matrix.roles.map((r) => r.id)).toEqual(['Buyer', 'Sales', 'Production', 'Carrier', 'Regulator']);
    expect(process.problems).toEqual([]);
    expect(process.tasks[0]).toEqual({ elementId: 'Start_OrderPlaced', name: 'Order placed', kind: 'start', role: 'Buyer', roleText: 'Buyer', source: 'lane' });
    expect(process.tasks.find((t) => t.elementId === 'Task_ConfirmOrder')).toMatchObject({ role: 'Sales', source: 'lane' });
    expect(tasksOfRole(matrix, 'Carrier').map((t) => t.task.elementId)).toEqual(['Task_BookTransport', 'Task_Ship']);
    // and the regulator performs nothing
    expect(tasksOfRole(matrix, 'Regulator')).toEqual([]);
  });

  it('says which role writes a field and which role evaluates a condition reading it', async () => {
    // given the sample: the buyer's inspection writes "defects", and the gateway after it reads them
    const [process] = (await matrixOf(sample())).processes;
    // then the buyer both writes and reads defects; the buyer writes item and quantity at the start
    expect(process.access.Buyer).toEqual({ item: 'write', quantity: 'write', defects: 'read-write' });
    expect(process.access.Sales).toEqual({ unitPrice: 'write' });
    expect(process.fields.map((f) => f.name)).toEqual(['item', 'quantity', 'unitPrice', 'batchNo', 'pickupDate', 'trackingNo', 'defects']);
  });

  it('follows a token through several gateways and credits the reader, not the writer', async () => {
    // given Sales writes a price and Buyer's approval routes on it through a merge and a split
    const ws = withProcess(
      bpmn(`<bpmn:startEvent id="S" cf:role="Buyer" /><bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="Quote" />
        <bpmn:userTask id="Quote" name="报价 Quote" cf:role="Sales"><bpmn:extensionElements><cf:field name="价格" type="uint" /></bpmn:extensionElements></bpmn:userTask>
        <bpmn:sequenceFlow id="f2" sourceRef="Quote" targetRef="Approve" />
        <bpmn:userTask id="Approve" name="批准" cf:role="Buyer" /><bpmn:sequenceFlow id="f3" sourceRef="Approve" targetRef="Merge" />
        <bpmn:exclusiveGateway id="Merge" /><bpmn:sequenceFlow id="f4" sourceRef="Merge" targetRef="Split" />
        <bpmn:exclusiveGateway id="Split" default="f6" />
        <bpmn:sequenceFlow id="f5" sourceRef="Split" targetRef="E"><bpmn:conditionExpression>价格 &gt; 100 and ghost</bpmn:conditionExpression></bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="f6" sourceRef="Split" targetRef="E" /><bpmn:endEvent id="E" />`),
    );
    const [process] = (await matrixOf(ws)).processes;
    // then Sales writes 价格, Buyer reads it (its approval evaluates the condition); "ghost" is no field
    expect(process.access).toEqual({ Sales: { 价格: 'write' }, Buyer: { 价格: 'read' } });
    // and own cf:roles are marked as such
    expect(process.tasks.map((t) => [t.elementId, t.role, t.source])).toEqual([
      ['S', 'Buyer', 'own'],
      ['Quote', 'Sales', 'own'],
      ['Approve', 'Buyer', 'own'],
    ]);
  });

  it('lists a service task as performed by its role, and follows a token past a send task to the conditions after it', async () => {
    const ws = withProcess(
      bpmn(`<bpmn:startEvent id="S" cf:role="Buyer" /><bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="Check" />
        <bpmn:serviceTask id="Check" name="Check stock" cf:role="Sales"><bpmn:extensionElements><cf:field name="stock" type="uint" /></bpmn:extensionElements></bpmn:serviceTask>
        <bpmn:sequenceFlow id="f2" sourceRef="Check" targetRef="Tell" /><bpmn:sendTask id="Tell" /><bpmn:sequenceFlow id="f3" sourceRef="Tell" targetRef="G" />
        <bpmn:exclusiveGateway id="G" default="f5" /><bpmn:sequenceFlow id="f4" sourceRef="G" targetRef="E"><bpmn:conditionExpression>stock &gt; 0</bpmn:conditionExpression></bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="f5" sourceRef="G" targetRef="E" /><bpmn:endEvent id="E" />`),
    );
    const [process] = (await matrixOf(ws)).processes;
    expect(process.tasks.map((t) => [t.elementId, t.role])).toEqual([['S', 'Buyer'], ['Check', 'Sales']]);
    expect(process.access).toEqual({ Sales: { stock: 'read-write' } });
  });

  it('keeps a reference to a role the consortium lacks, without a role id', async () => {
    // given a task whose cf:role names no role of the workspace
    const ws = withProcess(bpmn('<bpmn:startEvent id="S" /><bpmn:userTask id="T" name="Audit" cf:role="Auditor" />'));
    const [process] = (await matrixOf(ws)).processes;
    // then the start event has no role (any member) and the task shows the unknown text
    expect(process.tasks).toEqual([
      { elementId: 'S', name: 'S', kind: 'start' },
      { elementId: 'T', name: 'Audit', kind: 'task', roleText: 'Auditor', source: 'own' },
    ]);
  });

  it('reports an unreadable process file as a problem of that process and still lists the others', async () => {
    // given a workspace with a broken file beside the sample
    const ws = sample();
    ws.processes.push({ id: 'broken', name: 'Broken', bpmn: '<bpmn:definitions' });
    const matrix = await matrixOf(ws);
    // then the broken process has no tasks and an error naming its file; the sample is intact
    expect(matrix.processes[1].tasks).toEqual([]);
    expect(matrix.processes[1].problems[0]).toMatchObject({ severity: 'error', file: 'Broken' });
    expect(matrix.processes[0].tasks.length).toBeGreaterThan(5);
  });
});
