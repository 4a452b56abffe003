import { describe, expect, it } from 'vitest';
import { carriesPayload, declaredFieldNames, parsePayload, payloadProblems, serializePayload, togglePayload } from './payload-settings.js';
import { readProcess } from './test-process.js';

describe('payload settings', () => {
  it('parses and serializes as the generator splits (commas or spaces, order kept)', () => {
    expect(parsePayload('machineId, 故障码  vibration,,')).toEqual(['machineId', '故障码', 'vibration']);
    expect(parsePayload(undefined)).toEqual([]);
    expect(serializePayload(['a', 'b'])).toBe('a, b');
    expect(serializePayload([])).toBeUndefined();
  });

  it('toggles one field, keeping the others (undeclared ones too) as written', () => {
    expect(togglePayload('a, zz', 'b', true)).toBe('a, zz, b');
    expect(togglePayload('a, b', 'a', false)).toBe('b');
    expect(togglePayload('a', 'a', false)).toBeUndefined();
    expect(togglePayload('a, b', 'a', true)).toBe('b, a');
  });

  it('reports undeclared and repeated names', () => {
    expect(payloadProblems('a, b', ['a', 'b'])).toEqual([]);
    expect(payloadProblems('a, x, a', ['a'])).toEqual([
      'cf:payload names field "x", which no start event or task declares (cf:field)',
      'cf:payload names field "a" twice',
    ]);
  });

  it('finds the declared fields of the whole process, subprocesses included, and which elements carry a payload', async () => {
    // given fields on the start event and on a task inside a subprocess
    const els = await readProcess(`
      <bpmn:startEvent id="S"><bpmn:extensionElements><cf:field name="machineId" type="string" /></bpmn:extensionElements></bpmn:startEvent>
      <bpmn:subProcess id="Sub"><bpmn:userTask id="T"><bpmn:extensionElements><cf:field name="温度" type="uint" /></bpmn:extensionElements></bpmn:userTask>
        <bpmn:sendTask id="Send" cf:payload="machineId" /></bpmn:subProcess>
      <bpmn:intermediateThrowEvent id="Throw"><bpmn:messageEventDefinition /></bpmn:intermediateThrowEvent>
      <bpmn:intermediateThrowEvent id="NoneThrow" />
      <bpmn:endEvent id="End"><bpmn:messageEventDefinition /></bpmn:endEvent>
      <bpmn:serviceTask id="Svc" />`);
    // then a send task inside the subprocess sees both
    expect(declaredFieldNames(els.get('Send')!)).toEqual(['machineId', '温度']);
    expect(els.get('Send')!.get('cf:payload')).toBe('machineId');
    expect(['Send', 'Throw', 'End', 'Svc'].map((id) => carriesPayload(els.get(id)!))).toEqual([true, true, true, true]);
    expect(['NoneThrow', 'T', 'S'].map((id) => carriesPayload(els.get(id)!))).toEqual([false, false, false]);
  });
});
