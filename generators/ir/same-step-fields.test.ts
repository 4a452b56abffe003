/**
 * Payload fields without storage (same-step-fields.ts): only a field every payload of which is sent
 * (or requested) straight after the plain user task that writes it leaves storage; every other read
 * keeps it. Checked on the IR built from BPMN, and on the Solidity it prints.
 */
import { describe, expect, it } from 'vitest';
import { generateWorkspace } from '../generate-workspace.js';
import type { Workspace } from '../model/workspace.js';
import { deployProcess } from '../testing/process-on-evm.js';

const NS = `xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:cf="http://chainflow.studio/schema/bpmn/1.0" id="Defs" targetNamespace="http://example.com/test"`;
const bpmn = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NS}><bpmn:process id="P" name="Payloads" isExecutable="true">${body}</bpmn:process></bpmn:definitions>`;
const flow = (id: string, from: string, to: string, extra = '') => `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"${extra} />`;
const fields = (...f: string[]) => `<bpmn:extensionElements>${f.join('')}</bpmn:extensionElements>`;
const field = (name: string, required = true, type = 'string') => `<cf:field name="${name}" type="${type}" required="${required}" />`;
const task = (id: string, ...f: string[]) => `<bpmn:userTask id="${id}" cf:role="Buyer">${fields(...f)}</bpmn:userTask>`;
const send = (id: string, payload: string) => `<bpmn:sendTask id="${id}" name="${id}" cf:payload="${payload}" />`;
const START_END = '<bpmn:startEvent id="S" cf:role="Buyer" /><bpmn:endEvent id="E" />';

function workspace(xml: string): Workspace {
  const roles = ['Buyer', 'Supplier', 'Device'];
  return {
    schemaVersion: 1, name: 'Test', organizations: [{ id: 'org', name: 'Org' }], roles: roles.map((r) => ({ id: r, name: r })),
    participants: roles.map((r) => ({ id: r.toLowerCase(), name: r, kind: 'person' as const, organization: 'org', roles: [r] })),
    processes: [{ id: 'p1', name: 'Payloads', bpmn: xml }],
  };
}
/** Builds the process; returns the stored flag by field name and the contract source. */
async function build(body: string) {
  const out = await generateWorkspace(workspace(bpmn(body)));
  expect(out.problems.filter((p) => p.severity === 'error')).toEqual([]);
  const ir = out.processes[0].ir!;
  return { stored: Object.fromEntries(ir.fields.map((f) => [f.name, f.stored])), source: out.sources.map((x) => x.content).join('\n') };
}

describe('payload fields passed within the step that writes them', () => {
  it('a send straight after the task that writes the field needs no storage; the task passes the value', async () => {
    // given A writes note (required) and the send task follows it directly
    const { stored, source } = await build(`${START_END}${task('A', field('note'))}${send('Tell', 'note')}
      ${flow('F1', 'S', 'A')}${flow('F2', 'A', 'Tell')}${flow('F3', 'Tell', 'E')}`);
    // then note is not stored: the sender takes it from A's calldata
    expect(stored).toEqual({ note: false });
    expect(source).not.toContain('struct Data');
    expect(source).toMatch(/string calldata note\s*\) private/);
    expect(source).toContain('emit TellSent(instanceId, note);');
  });

  it('an optional field too: an empty one is written as empty today, so the passed value is the stored one', async () => {
    const { stored } = await build(`${START_END}${task('A', field('note', false))}${send('Tell', 'note')}
      ${flow('F1', 'S', 'A')}${flow('F2', 'A', 'Tell')}${flow('F3', 'Tell', 'E')}`);
    expect(stored).toEqual({ note: false });
  });

  it('a service request straight after the writer needs no storage; one of a field the start wrote keeps it', async () => {
    const { stored, source } = await build(`<bpmn:startEvent id="S" cf:role="Buyer">${fields(field('machine'))}</bpmn:startEvent><bpmn:endEvent id="E" />
      ${task('A', field('fault'))}<bpmn:serviceTask id="D" name="Diagnose" cf:role="Device" cf:payload="machine, fault" />
      ${flow('F1', 'S', 'A')}${flow('F2', 'A', 'D')}${flow('F3', 'D', 'E')}`);
    expect(stored).toEqual({ machine: true, fault: false });
    expect(source).toContain('emit DiagnoseRequested(instanceId, d.machine, fault);');
  });

  it('keeps storage for a field the start event writes, even when the send follows the start', async () => {
    const { stored } = await build(`<bpmn:startEvent id="S" cf:role="Buyer">${fields(field('note'))}</bpmn:startEvent><bpmn:endEvent id="E" />
      ${send('Tell', 'note')}${flow('F1', 'S', 'Tell')}${flow('F2', 'Tell', 'E')}`);
    expect(stored).toEqual({ note: true });
  });

  it('keeps storage when a gateway or a script stands between the writer and the send', async () => {
    const viaGateway = await build(`${START_END}${task('A', field('note'))}<bpmn:exclusiveGateway id="X" />${send('Tell', 'note')}
      ${flow('F1', 'S', 'A')}${flow('F2', 'A', 'X')}${flow('F3', 'X', 'Tell')}${flow('F4', 'Tell', 'E')}`);
    expect(viaGateway.stored).toEqual({ note: true });
    const viaScript = await build(`${START_END}${task('A', field('note'), field('n', true, 'uint'))}
      <bpmn:scriptTask id="Calc">${fields(field('n', true, 'uint'))}<bpmn:script>n := 1</bpmn:script></bpmn:scriptTask>${send('Tell', 'note')}
      ${flow('F1', 'S', 'A')}${flow('F2', 'A', 'Calc')}${flow('F3', 'Calc', 'Tell')}${flow('F4', 'Tell', 'E')}`);
    expect(viaScript.stored.note).toBe(true);
  });

  it('keeps storage for a field a condition reads', async () => {
    const { stored } = await build(`${START_END}<bpmn:endEvent id="E2" />${task('A', field('note'))}${send('Tell', 'note')}<bpmn:exclusiveGateway id="X" default="F5" />
      ${flow('F1', 'S', 'A')}${flow('F2', 'A', 'Tell')}${flow('F3', 'Tell', 'X')}
      <bpmn:sequenceFlow id="F4" sourceRef="X" targetRef="E"><bpmn:conditionExpression>note = "x"</bpmn:conditionExpression></bpmn:sequenceFlow>${flow('F5', 'X', 'E2')}`);
    expect(stored).toEqual({ note: true });
  });

  it('keeps storage when the field is also sent in a later step', async () => {
    const { stored } = await build(`${START_END}${task('A', field('note'))}${send('Tell', 'note')}${task('B', field('ok'))}${send('Again', 'note')}
      ${flow('F1', 'S', 'A')}${flow('F2', 'A', 'Tell')}${flow('F3', 'Tell', 'B')}${flow('F4', 'B', 'Again')}${flow('F5', 'Again', 'E')}`);
    expect(stored).toEqual({ note: true, ok: false });
  });

  it('keeps storage when the send is reached from two places: two writers, or a loop that skips the writer', async () => {
    const twoWriters = await build(`${START_END}<bpmn:parallelGateway id="Split" />${task('A', field('note'))}${task('B', field('note'))}${send('Tell', 'note')}
      ${flow('F1', 'S', 'Split')}${flow('F2', 'Split', 'A')}${flow('F3', 'Split', 'B')}${flow('F4', 'A', 'Tell')}${flow('F5', 'B', 'Tell')}${flow('F6', 'Tell', 'E')}`);
    expect(twoWriters.stored).toEqual({ note: true });
    const loop = await build(`${START_END}${task('A', field('note'))}${send('Tell', 'note')}${task('B', field('again', true, 'bool'))}<bpmn:exclusiveGateway id="X" default="F6" />
      ${flow('F1', 'S', 'A')}${flow('F2', 'A', 'Tell')}${flow('F3', 'Tell', 'B')}${flow('F4', 'B', 'X')}
      <bpmn:sequenceFlow id="F5" sourceRef="X" targetRef="Tell"><bpmn:conditionExpression>again</bpmn:conditionExpression></bpmn:sequenceFlow>${flow('F6', 'X', 'E')}`);
    expect(loop.stored.note).toBe(true);
  });

  it('keeps storage for a field a receive task writes', async () => {
    const { stored } = await build(`${START_END}<bpmn:receiveTask id="R" cf:role="Supplier">${fields(field('note'))}</bpmn:receiveTask>${send('Tell', 'note')}
      ${flow('F1', 'S', 'R')}${flow('F2', 'R', 'Tell')}${flow('F3', 'Tell', 'E')}`);
    expect(stored).toEqual({ note: true });
  });
});

describe('passed payload fields on the EVM', () => {
  it('the send and the request carry the values the task wrote, an optional one left empty as empty', async () => {
    // given A writes note (optional) and sends it, B writes fault and requests machine, fault
    const xml = bpmn(`<bpmn:startEvent id="S" cf:role="Buyer">${fields(field('machine'))}</bpmn:startEvent><bpmn:endEvent id="E" />
      ${task('A', field('note', false))}${send('Tell', 'note')}${task('B', field('fault'))}<bpmn:serviceTask id="D" name="Diagnose" cf:role="Device" cf:payload="machine, fault" />
      ${flow('F1', 'S', 'A')}${flow('F2', 'A', 'Tell')}${flow('F3', 'Tell', 'B')}${flow('F4', 'B', 'D')}${flow('F5', 'D', 'E')}`);
    const deployed = await deployProcess(workspace(xml));
    expect(deployed.ir.fields.map((f) => [f.name, f.stored])).toEqual([['machine', true], ['note', false], ['fault', false]]);
    const first = (await deployed.start('buyer', ['M-1'])).instanceId!;
    const second = (await deployed.start('buyer', ['M-2'])).instanceId!;
    // when the buyer completes A with no note in one instance and with a note in the other
    // (values by field index: machine, note, fault)
    const empty = await deployed.complete(first, 0, 'buyer', ['', '', '']);
    const noted = await deployed.complete(second, 0, 'buyer', ['', 'loose belt', '']);
    // then each send carries what its own step wrote
    expect(empty.events.map((e) => e.name)).toEqual(['ACompleted', 'TellSent']);
    expect(empty.events[1].args).toMatchObject({ note: '' });
    expect(noted.events[1].args).toMatchObject({ note: 'loose belt' });
    // and B's request carries the start's stored machine and B's passed fault
    const requested = await deployed.complete(first, 1, 'buyer', ['', '', 'F-17']);
    expect(requested.events.map((e) => e.name)).toEqual(['BCompleted', 'DiagnoseRequested']);
    expect(requested.events[1].args).toMatchObject({ machine: 'M-1', fault: 'F-17' });
  });
});
