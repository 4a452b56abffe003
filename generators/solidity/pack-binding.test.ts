/**
 * One role bound per instance is kept in the state word, above the marking (pack-binding.ts):
 * these tests pin the generated shape and run it on an EVM: nominating anew replaces the bound
 * participant, only the bound one passes, boundTo keeps the mapping getter's behaviour (zero
 * while unbound, a panic out of range, the participant still named after the end, a terminate
 * end included), and marking() never shows the participant's bits.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { generateWorkspace } from '../generate-workspace.js';
import type { Workspace } from '../model/workspace.js';
import type { FeelValue } from '../feel/evaluate-feel.js';
import { deployProcess, type DeployedProcess } from '../testing/process-on-evm.js';

const flow = (id: string, from: string, to: string) => `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;
const cond = (id: string, from: string, to: string, expr: string) =>
  `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${expr}</bpmn:conditionExpression></bpmn:sequenceFlow>`;
const lane = (id: string, name: string, nodes: string[]) => `<bpmn:lane id="${id}" name="${name}" cf:role="${name}">${nodes.map((n) => `<bpmn:flowNodeRef>${n}</bpmn:flowNodeRef>`).join('')}</bpmn:lane>`;

/** Plan (binds the carrier anew each time) -> Haul (lost?) -> lost: terminate | Confirm (again?) -> again: back to Plan | done. */
const BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xmlns:cf="http://chainflow.studio/schema/bpmn/1.0" id="Defs" targetNamespace="http://example.com/test">
  <bpmn:process id="Hauls" name="Hauls" isExecutable="true">
    <bpmn:laneSet id="Lanes">
      ${lane('Lane_Buyer', 'Buyer', ['Start', 'T_Plan', 'T_Confirm', 'G_Lost', 'G_Again', 'G_Merge', 'End_Lost', 'End_Done'])}
      ${lane('Lane_Carrier', 'Carrier', ['T_Haul'])}
    </bpmn:laneSet>
    <bpmn:startEvent id="Start" />
    <bpmn:exclusiveGateway id="G_Merge" />
    <bpmn:userTask id="T_Plan" name="Plan"><bpmn:extensionElements><cf:field name="carrier" type="address" /><cf:binds role="Carrier" field="carrier" rebind="sameTask" /></bpmn:extensionElements></bpmn:userTask>
    <bpmn:userTask id="T_Haul" name="Haul"><bpmn:extensionElements><cf:field name="lost" type="bool" /></bpmn:extensionElements></bpmn:userTask>
    <bpmn:exclusiveGateway id="G_Lost" name="Lost?" default="F_Arrived" />
    <bpmn:userTask id="T_Confirm" name="Confirm"><bpmn:extensionElements><cf:field name="again" type="bool" /></bpmn:extensionElements></bpmn:userTask>
    <bpmn:exclusiveGateway id="G_Again" name="Again?" default="F_Done" />
    <bpmn:endEvent id="End_Lost"><bpmn:terminateEventDefinition id="Terminate" /></bpmn:endEvent>
    <bpmn:endEvent id="End_Done" />
    ${flow('F_1', 'Start', 'G_Merge')}
    ${flow('F_2', 'G_Merge', 'T_Plan')}
    ${flow('F_3', 'T_Plan', 'T_Haul')}
    ${flow('F_4', 'T_Haul', 'G_Lost')}
    ${cond('F_Lost', 'G_Lost', 'End_Lost', 'lost')}
    ${flow('F_Arrived', 'G_Lost', 'T_Confirm')}
    ${flow('F_5', 'T_Confirm', 'G_Again')}
    ${cond('F_Again', 'G_Again', 'G_Merge', 'again')}
    ${flow('F_Done', 'G_Again', 'End_Done')}
  </bpmn:process>
</bpmn:definitions>`;

const WORKSPACE: Workspace = {
  schemaVersion: 1,
  name: 'Bound in the word',
  organizations: [{ id: 'org', name: 'Org' }],
  roles: [{ id: 'Buyer', name: 'Buyer' }, { id: 'Carrier', name: 'Carrier' }],
  participants: [
    { id: 'buyer', name: 'Buyer', kind: 'person', organization: 'org', roles: ['Buyer'] },
    { id: 'carrierA', name: 'Carrier A', kind: 'person', organization: 'org', roles: ['Carrier'] },
    { id: 'carrierB', name: 'Carrier B', kind: 'person', organization: 'org', roles: ['Carrier'] },
  ],
  processes: [{ id: 'hauls', name: 'Hauls', bpmn: BPMN }],
};

const ZERO = `0x${'0'.repeat(40)}`;

describe('one role bound per instance, kept in the state word', () => {
  let source: string;
  let deployed: DeployedProcess;
  let account: (participant: string) => string;
  let values: (set: Record<string, FeelValue>) => FeelValue[];
  const [plan, haul, confirm] = [0, 1, 2];
  beforeAll(async () => {
    const generated = await generateWorkspace(WORKSPACE);
    expect(generated.problems).toEqual([]);
    source = generated.sources.find((s) => s.file === 'Hauls.sol')!.content;
    deployed = await deployProcess(WORKSPACE);
    account = (p) => deployed.accountOf.get(p)!.toLowerCase();
    values = (set) => deployed.ir.fields.map((f) => set[f.name] ?? (f.type === 'bool' ? false : ZERO));
  }, 60_000);

  it('generates the participant above the marking and a boundTo view, and no mapping', () => {
    // given one binding, three tasks (bits 0..2) and two bool fields read by conditions
    // then the participant takes bits 3..162, the bools the top bits, and no slot of its own
    expect(source).toContain('uint256 private constant BOUND_SHIFT = 3;');
    expect(source).toContain('uint256 private constant FIELD_LOST = 1 << 255;');
    expect(source).not.toContain('address[1]) public boundTo');
    expect(source).toMatch(/function boundTo\(\s*uint256 instanceId,\s*uint256 index\s*\) external view returns \(address\)/);
    expect(source).toContain('address bound = address(uint160(m >> BOUND_SHIFT));');
    // and a nomination that replaces clears the former participant's bits first
    expect(source).toContain('m = (m & ~BOUND_MASK) | (uint256(uint160(carrier)) << BOUND_SHIFT);');
  });

  it('binds anew, lets only the bound participant work, and keeps the participant after a normal end', async () => {
    // given an instance, nobody bound yet
    const id = (await deployed.start('buyer', values({}))).instanceId!;
    expect(await deployed.boundTo(id)).toEqual([ZERO]);
    // when the buyer nominates carrier A
    expect((await deployed.complete(id, plan, 'buyer', values({ carrier: account('carrierA') }))).ok).toBe(true);
    // then only A may haul, and marking() shows only the task's bit
    expect(await deployed.boundTo(id)).toEqual([account('carrierA')]);
    expect(await deployed.marking(id)).toBe(1n << BigInt(deployed.ir.tasks[haul].bit));
    expect((await deployed.complete(id, haul, 'carrierB', values({}))).error).toBe('NotBoundParticipant');
    expect((await deployed.complete(id, haul, 'carrierA', values({}))).ok).toBe(true);
    // when the buyer sends it round again and nominates B instead
    expect((await deployed.complete(id, confirm, 'buyer', values({ again: true }))).ok).toBe(true);
    expect((await deployed.complete(id, plan, 'buyer', values({ carrier: account('carrierB') }))).ok).toBe(true);
    // then B replaced A (no bits of A left over)
    expect(await deployed.boundTo(id)).toEqual([account('carrierB')]);
    expect((await deployed.complete(id, haul, 'carrierA', values({}))).error).toBe('NotBoundParticipant');
    expect((await deployed.complete(id, haul, 'carrierB', values({}))).ok).toBe(true);
    // and when the instance ends, the marking is 0 and boundTo still names B
    const last = await deployed.complete(id, confirm, 'buyer', values({ again: false }));
    expect(last.events.map((e) => e.name)).toEqual(['ConfirmCompleted', 'InstanceEnded']);
    expect(await deployed.marking(id)).toBe(0n);
    expect(await deployed.boundTo(id)).toEqual([account('carrierB')]);
    expect((await deployed.complete(id, haul, 'carrierB', values({}))).error).toBe('TaskNotEnabled');
  });

  it('keeps the participant through a terminate end, and panics out of range like the mapping getter', async () => {
    // given a carrier bound in an instance
    const id = (await deployed.start('buyer', values({}))).instanceId!;
    await deployed.complete(id, plan, 'buyer', values({ carrier: account('carrierA') }));
    // when the goods are lost (a terminate end clears every token)
    const lost = await deployed.complete(id, haul, 'carrierA', values({ lost: true }));
    expect(lost.events.map((e) => e.name)).toEqual(['HaulCompleted', 'InstanceEnded']);
    // then the instance has ended and still names its carrier
    expect(await deployed.marking(id)).toBe(0n);
    expect(await deployed.boundTo(id)).toEqual([account('carrierA')]);
    // and index 1 does not exist
    expect((await deployed.view('boundTo', [id, 1])).error).toBe('Panic');
    expect((await deployed.view('boundTo', [id, 0])).result?.map((a) => String(a).toLowerCase())).toEqual([account('carrierA')]);
  });
});
