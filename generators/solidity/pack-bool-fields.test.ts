/**
 * Bool fields that conditions read are kept in the instance's state word, above the marking bits
 * (process-context.ts): recording one writes no extra slot, reading one reads no storage. These
 * tests pin the generated shape and run it on an EVM: set and clear both work, `marking(id)` never
 * shows a field bit, and an instance that ends (even right at its start) reads 0 again.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { generateWorkspace } from '../generate-workspace.js';
import type { Workspace } from '../model/workspace.js';
import { deployProcess, type DeployedProcess } from '../testing/process-on-evm.js';

const field = (name: string) => `<bpmn:extensionElements><cf:field name="${name}" type="bool" /></bpmn:extensionElements>`;
const cond = (id: string, from: string, to: string, expr: string) =>
  `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${expr}</bpmn:conditionExpression></bpmn:sequenceFlow>`;
const flow = (id: string, from: string, to: string) => `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;

/** Start (urgent?) -> Check (ok?) -> Confirm (still ok?) -> done; "not ok" loops through Redo or back to Check. */
const BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xmlns:cf="http://chainflow.studio/schema/bpmn/1.0" id="Defs" targetNamespace="http://example.com/test">
  <bpmn:process id="Checks" name="Checks" isExecutable="true">
    <bpmn:laneSet id="Lanes"><bpmn:lane id="Lane_Clerk" name="Clerk">${["Start", "T_Check", "T_Redo", "T_Confirm"].map((n) => `<bpmn:flowNodeRef>${n}</bpmn:flowNodeRef>`).join("")}</bpmn:lane></bpmn:laneSet>
    <bpmn:startEvent id="Start">${field('urgent')}</bpmn:startEvent>
    <bpmn:exclusiveGateway id="G_Urgent" name="Urgent?" default="F_Skip" />
    <bpmn:exclusiveGateway id="G_Merge" name="Merge" />
    <bpmn:userTask id="T_Check" name="Check">${field('ok')}</bpmn:userTask>
    <bpmn:exclusiveGateway id="G_Ok" name="Ok?" default="F_Redo" />
    <bpmn:userTask id="T_Redo" name="Redo" />
    <bpmn:userTask id="T_Confirm" name="Confirm">${field('ok')}</bpmn:userTask>
    <bpmn:exclusiveGateway id="G_StillOk" name="Still ok?" default="F_Again" />
    <bpmn:endEvent id="End_Done" />
    <bpmn:endEvent id="End_Skip" />
    ${flow('F_1', 'Start', 'G_Urgent')}
    ${cond('F_Urgent', 'G_Urgent', 'G_Merge', 'urgent')}
    ${flow('F_Skip', 'G_Urgent', 'End_Skip')}
    ${flow('F_2', 'G_Merge', 'T_Check')}
    ${flow('F_3', 'T_Check', 'G_Ok')}
    ${cond('F_Ok', 'G_Ok', 'T_Confirm', 'ok')}
    ${flow('F_Redo', 'G_Ok', 'T_Redo')}
    ${flow('F_4', 'T_Redo', 'G_Merge')}
    ${flow('F_5', 'T_Confirm', 'G_StillOk')}
    ${cond('F_Done', 'G_StillOk', 'End_Done', 'ok')}
    ${flow('F_Again', 'G_StillOk', 'G_Merge')}
  </bpmn:process>
</bpmn:definitions>`;

const WORKSPACE: Workspace = {
  schemaVersion: 1,
  name: 'Packed bools',
  organizations: [{ id: 'org', name: 'Org' }],
  roles: [{ id: 'Clerk', name: 'Clerk' }],
  participants: [{ id: 'clerk', name: 'Clerk', kind: 'person', organization: 'org', roles: ['Clerk'] }],
  processes: [{ id: 'checks', name: 'Checks', bpmn: BPMN }],
};

describe('bool fields packed beside the marking', () => {
  let source: string;
  let deployed: DeployedProcess;
  beforeAll(async () => {
    const generated = await generateWorkspace(WORKSPACE);
    expect(generated.problems).toEqual([]);
    source = generated.sources.find((s) => s.file === 'Checks.sol')!.content;
    deployed = await deployProcess(WORKSPACE);
  }, 60_000);

  it('generates bits above the marking instead of a Data struct, and a masking marking() getter', () => {
    // given two bool fields read by conditions and three tasks (bits 0..2)
    // then each field has its own high bit, nothing else is stored, and gateways read `m` only
    expect(source).toContain('uint256 private constant FIELD_URGENT = 1 << 255;');
    expect(source).toContain('uint256 private constant FIELD_OK = 1 << 254;');
    expect(source).toContain('uint256 private constant MARKING_MASK = (1 << 3) - 1;');
    expect(source).not.toContain('struct Data');
    expect(source).toContain('return _state[instanceId] & MARKING_MASK;');
    expect(source).toMatch(/function _routeOk\(uint256 m\) private pure returns \(uint256\)/);
    // and only the tasks whose token can reach an end event check for the end
    expect(source.match(/emit InstanceEnded/g)).toHaveLength(2); // startInstance and confirm
  });

  it('routes on values written in the same and in earlier transactions, clearing a bit set before', async () => {
    const values = (ok: boolean) => [false, ok];
    const [check, redo, confirm] = [0, 1, 2];
    const bits = (...tasks: number[]) => tasks.reduce((m, t) => m | (1n << BigInt(deployed.ir.tasks[t].bit)), 0n);
    // given an urgent instance
    const started = await deployed.start('clerk', [true, false]);
    const id = started.instanceId!;
    expect(await deployed.marking(id)).toBe(bits(check));
    // when Check says ok and Confirm then says not ok, the token goes back to Check (the bit was cleared)
    expect((await deployed.complete(id, check, 'clerk', values(true))).ok).toBe(true);
    expect(await deployed.marking(id)).toBe(bits(confirm));
    expect((await deployed.complete(id, confirm, 'clerk', values(false))).ok).toBe(true);
    expect(await deployed.marking(id)).toBe(bits(check));
    // and a failed check loops through Redo
    await deployed.complete(id, check, 'clerk', values(false));
    expect(await deployed.marking(id)).toBe(bits(redo));
    await deployed.complete(id, redo, 'clerk', values(false));
    await deployed.complete(id, check, 'clerk', values(true));
    // then a confirmed check ends the instance: marking 0, the end announced
    const last = await deployed.complete(id, confirm, 'clerk', values(true));
    expect(last.events.map((e) => e.name)).toEqual(['ConfirmCompleted', 'InstanceEnded']);
    expect(await deployed.marking(id)).toBe(0n);
  });

  it('ends an instance at its start when the first condition sends the token to an end', async () => {
    // given a start that is not urgent, then the instance ends in the same transaction
    const started = await deployed.start('clerk', [false, false]);
    expect(started.events.map((e) => e.name)).toEqual(['InstanceStarted', 'InstanceEnded']);
    expect(await deployed.marking(started.instanceId!)).toBe(0n);
    // and a task of the ended instance is refused
    expect((await deployed.complete(started.instanceId!, 0, 'clerk', [false, true])).error).toBe('TaskNotEnabled');
  });
});
