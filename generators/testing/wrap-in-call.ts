/**
 * Test support: a workspace whose first process calls a random model through a call activity
 * (start -> call -> one task -> end), so the differential test runs random called processes inlined
 * as scopes. The caller's start takes the fields the called start takes (the call's inputs, shared
 * by name) and is done by the same role.
 */
import type { Workspace } from '../model/workspace.js';
import type { RandomModel } from './arbitrary-process.js';

export function wrapInCall(model: RandomModel): Workspace {
  const called = model.workspace.processes[0];
  const processId = /<bpmn:process id="([^"]+)"/.exec(model.bpmn)?.[1];
  const start = /<bpmn:startEvent id="([^"]+)"[^>]*>([\s\S]*?)<\/bpmn:startEvent>/.exec(model.bpmn);
  if (!processId || !start) throw new Error('wrapInCall: the random model has no process or start event');
  // the called start's role: the lane listing it, if any
  const lane = [...model.bpmn.matchAll(/<bpmn:lane id="[^"]+" name="([^"]+)">([\s\S]*?)<\/bpmn:lane>/g)].find((m) => m[2].includes(`>${start[1]}<`));
  const role = model.workspace.roles.find((r) => r.name === lane?.[1].replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
  const any = model.workspace.roles[0];
  const bpmn = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:cf="http://chainflow.studio/schema/bpmn/1.0" id="Defs_Caller" targetNamespace="http://chainflow.studio/test/caller">
  <bpmn:process id="Caller" name="Caller" isExecutable="true">
    <bpmn:startEvent id="Caller_Start" name="Start"${role ? ` cf:role="${role.id}"` : ''}>${start[2]}</bpmn:startEvent>
    <bpmn:callActivity id="Caller_Call" name="Call" calledElement="${processId}" />
    <bpmn:userTask id="Caller_After" name="After the call" cf:role="${any.id}" />
    <bpmn:endEvent id="Caller_End" />
    <bpmn:sequenceFlow id="Caller_F1" sourceRef="Caller_Start" targetRef="Caller_Call" />
    <bpmn:sequenceFlow id="Caller_F2" sourceRef="Caller_Call" targetRef="Caller_After" />
    <bpmn:sequenceFlow id="Caller_F3" sourceRef="Caller_After" targetRef="Caller_End" />
  </bpmn:process>
</bpmn:definitions>`;
  return { ...model.workspace, processes: [{ id: 'caller', name: 'Caller', bpmn }, called] };
}
