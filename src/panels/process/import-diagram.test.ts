import { describe, expect, it } from 'vitest';
import { importDiagram, needsLayout } from './import-diagram.js';

const withDi = '<bpmn:definitions><bpmndi:BPMNDiagram><bpmndi:BPMNPlane><bpmndi:BPMNShape id="s" /></bpmndi:BPMNPlane></bpmndi:BPMNDiagram></bpmn:definitions>';
const withoutDi = '<bpmn:definitions><bpmn:process id="p"><bpmn:task id="t"/></bpmn:process></bpmn:definitions>';

describe('importDiagram', () => {
  it('tells files with and without layout apart', () => {
    expect(needsLayout(withDi)).toBe(false);
    expect(needsLayout(withoutDi)).toBe(true);
    expect(needsLayout('<BPMNShape id="x"></BPMNShape>')).toBe(false);
  });

  it('lays out a file without diagram shapes before importing it', async () => {
    const imported: string[] = [];
    const outcome = await importDiagram(
      { importXML: async (xml) => (imported.push(xml), { warnings: [] }) },
      withoutDi,
      'order.bpmn',
      async (xml) => xml.replace('</bpmn:definitions>', '<bpmndi:BPMNShape id="auto"/></bpmn:definitions>'),
    );
    expect(outcome).toMatchObject({ ok: true, laidOut: true });
    expect(imported).toEqual([outcome.xml]);
    expect(needsLayout(outcome.xml)).toBe(false);
  });

  it('turns import warnings into located problems', async () => {
    const outcome = await importDiagram(
      { importXML: async () => ({ warnings: [{ message: 'unresolved reference <Flow_9>', element: { id: 'Task_Ship' } }] }) },
      withDi,
      'order.bpmn',
    );
    expect(outcome.problems).toEqual([
      { severity: 'warning', message: 'unresolved reference <Flow_9>', file: 'order.bpmn', elementId: 'Task_Ship' },
    ]);
  });

  it('reports a failed import as an error with its warnings', async () => {
    const outcome = await importDiagram(
      {
        importXML: async () => {
          throw Object.assign(new Error('unparsable content <bpmn:foo> detected'), { warnings: [{ message: 'line 3' }] });
        },
      },
      withDi,
      'order.bpmn',
    );
    expect(outcome.ok).toBe(false);
    expect(outcome.problems.map((p) => p.severity)).toEqual(['error', 'warning']);
    expect(outcome.problems[0].message).toContain('unparsable content');
  });
});

describe('importDiagram with bpmn-auto-layout', () => {
  it('produces diagram shapes for a process that had none', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x">
  <bpmn:process id="P" isExecutable="true">
    <bpmn:startEvent id="S"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="T" name="发货"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:userTask>
    <bpmn:endEvent id="E"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="T" />
    <bpmn:sequenceFlow id="f2" sourceRef="T" targetRef="E" />
  </bpmn:process>
</bpmn:definitions>`;
    const outcome = await importDiagram({ importXML: async () => ({ warnings: [] }) }, xml, 'p.bpmn');
    expect(outcome.laidOut).toBe(true);
    expect(outcome.xml).toMatch(/BPMNShape[^>]*bpmnElement="T"/);
    expect(outcome.xml).toContain('发货');
  });
});
