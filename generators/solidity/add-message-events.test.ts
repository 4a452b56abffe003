/**
 * Message payloads of the typed fields (enum, decimal, participant): the request and Sent events
 * declare each field as the contract holds it (an enum as its Solidity enum, ABI uint8), so the
 * contract compiles, and the manifest describes the payload with the field's type settings.
 * (Found by the differential test once messages met the typed fields: an enum payload was declared
 * uint8 in the event, which solc refuses to take a stored enum for.)
 */
import { describe, expect, it } from 'vitest';
import { generateWorkspace } from '../generate-workspace.js';
import { compileSolidity } from '../compile/solc-node.js';
import { assembleManifest } from '../manifest/assemble-manifest.js';
import type { Workspace } from '../model/workspace.js';

const NS = `xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:cf="http://chainflow.studio/schema/bpmn/1.0" id="Defs" targetNamespace="http://example.com/test"`;
const flow = (id: string, from: string, to: string) => `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;
const TYPED = `<bpmn:extensionElements>
  <cf:field name="grade" type="enum"><cf:value>合格</cf:value><cf:value>返工</cf:value></cf:field>
  <cf:field name="weight" type="decimal" scale="3" unit="kg" />
  <cf:field name="inspector" type="participant" role="Inspector" /></bpmn:extensionElements>`;
// the start writes the three fields; a service task asks for them, a send task and a message end send them
const XML = `<?xml version="1.0" encoding="UTF-8"?><bpmn:definitions ${NS}><bpmn:process id="P" name="Typed messages" isExecutable="true">
  <bpmn:startEvent id="S" cf:role="Inspector">${TYPED}</bpmn:startEvent>
  <bpmn:serviceTask id="Svc" name="Weigh again" cf:role="Device" cf:payload="grade, weight, inspector" />
  <bpmn:sendTask id="Snd" name="Notify buyer" cf:payload="grade, weight" />
  <bpmn:endEvent id="E" name="Report" cf:payload="inspector, grade"><bpmn:messageEventDefinition /></bpmn:endEvent>
  ${flow('F1', 'S', 'Svc')}${flow('F2', 'Svc', 'Snd')}${flow('F3', 'Snd', 'E')}
</bpmn:process></bpmn:definitions>`;

const workspace: Workspace = {
  schemaVersion: 1, name: 'Typed messages', organizations: [{ id: 'org', name: 'Org' }],
  roles: [{ id: 'Inspector', name: 'Inspector' }, { id: 'Device', name: 'Device' }],
  participants: [
    { id: 'ins', name: 'Inspector', kind: 'person', organization: 'org', roles: ['Inspector'] },
    { id: 'dev', name: 'Scale', kind: 'person', organization: 'org', roles: ['Device'] },
  ],
  processes: [{ id: 'p1', name: 'Typed messages', bpmn: XML }],
};

describe('message payloads of typed fields', () => {
  it('compile, with an enum sent as its Solidity enum and the manifest carrying the type settings', async () => {
    // given a process sending an enum, a decimal and a participant in a request, a send task and a message end
    const generated = await generateWorkspace(workspace);
    expect(generated.problems.filter((p) => p.severity === 'error')).toEqual([]);
    // the printer breaks long declarations over lines: compare with single spaces
    const source = generated.sources.find((s) => s.content.includes('contract TypedMessages'))!.content.replace(/\s+/g, ' ').replace(/\( /g, '(').replace(/,? \)/g, ')');
    // when compiled
    const compiled = await compileSolidity(generated.sources);
    const { manifest, problems } = assembleManifest(workspace, generated, compiled);
    // then solc takes it and the events carry the enum as its type
    expect(problems).toEqual([]);
    expect(source).toMatch(/event WeighAgainRequested\(uint256 indexed instanceId, Grade grade, uint256 weight, address inspector\);/);
    expect(source).toMatch(/event NotifyBuyerSent\(uint256 indexed instanceId, Grade grade, uint256 weight\);/);
    const p = manifest!.processes[0];
    const abi = p.abi as { type: string; name?: string; inputs?: { type: string }[] }[];
    const sent = abi.find((x) => x.type === 'event' && x.name === 'NotifyBuyerSent');
    expect(sent?.inputs?.map((i) => i.type)).toEqual(['uint256', 'uint8', 'uint256']);
    const service = p.tasks.find((t) => t.elementId === 'Svc')!;
    expect(service.requestFields?.map((f) => [f.name, f.type])).toEqual([['grade', 'enum'], ['weight', 'decimal'], ['inspector', 'participant']]);
    expect(service.requestFields?.[0]).toMatchObject({ values: ['合格', '返工'] });
    expect(service.requestFields?.[1]).toMatchObject({ scale: 3, unit: 'kg' });
    expect(p.scripts?.find((x) => x.elementId === 'E')?.fields.map((f) => f.name)).toEqual(['inspector', 'grade']);
  }, 60_000);
});
