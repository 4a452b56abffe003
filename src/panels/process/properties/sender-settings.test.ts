import { describe, expect, it } from 'vitest';
import type { Shape } from './panel-services.js';
import { fallbackSender, messageFlowSenders, takesSenderRole } from './sender-settings.js';
import { readProcess } from './test-process.js';

describe('sender settings', () => {
  it('applies to message catch and message boundary events only', async () => {
    const els = await readProcess(`
      <bpmn:userTask id="T" />
      <bpmn:intermediateCatchEvent id="Msg"><bpmn:messageEventDefinition /></bpmn:intermediateCatchEvent>
      <bpmn:intermediateCatchEvent id="Timer"><bpmn:timerEventDefinition /></bpmn:intermediateCatchEvent>
      <bpmn:boundaryEvent id="B" attachedToRef="T"><bpmn:messageEventDefinition /></bpmn:boundaryEvent>`);
    expect(['Msg', 'B', 'Timer', 'T'].map((id) => takesSenderRole(els.get(id)!))).toEqual([true, true, false, false]);
  });

  it('falls back to the lane (of the host task for a boundary event), else nothing', async () => {
    // given a lane "Supplier" holding the task and the catch event, and a catch event outside any lane
    const els = await readProcess(`
      <bpmn:laneSet><bpmn:lane id="L" name="Supplier"><bpmn:flowNodeRef>T</bpmn:flowNodeRef><bpmn:flowNodeRef>Msg</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>
      <bpmn:userTask id="T" />
      <bpmn:intermediateCatchEvent id="Msg"><bpmn:messageEventDefinition /></bpmn:intermediateCatchEvent>
      <bpmn:intermediateCatchEvent id="Alone"><bpmn:messageEventDefinition /></bpmn:intermediateCatchEvent>
      <bpmn:boundaryEvent id="B" attachedToRef="T"><bpmn:messageEventDefinition /></bpmn:boundaryEvent>`);
    expect(fallbackSender(els.get('Msg')!)).toBe('Supplier');
    expect(fallbackSender(els.get('B')!)).toBe('Supplier');
    expect(fallbackSender(els.get('Alone')!)).toBeUndefined();
  });

  it('names the sources of incoming message flows, not of sequence flows', async () => {
    const els = await readProcess('<bpmn:task id="X" name="Ship" /><bpmn:startEvent id="S" />');
    const pool = { get: (k: string) => (k === 'cf:role' ? 'supplier' : undefined), name: 'Supplier Co', id: 'P1' };
    const shape = (bo: unknown) => ({ businessObject: bo }) as Shape;
    const target = {
      incoming: [
        { type: 'bpmn:MessageFlow', source: shape(pool) },
        { type: 'bpmn:MessageFlow', source: shape(els.get('X')) },
        { type: 'bpmn:SequenceFlow', source: shape(els.get('S')) },
      ],
    } as unknown as Shape;
    expect(messageFlowSenders(target)).toEqual(['supplier', 'Ship']);
    expect(messageFlowSenders({} as Shape)).toEqual([]);
  });
});
