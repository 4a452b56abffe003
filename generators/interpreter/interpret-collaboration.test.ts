/**
 * A collaboration of executable pools, run by the reference interpreter and checked against the
 * compiled contract: a message sent before its receiver waits is buffered and received as the
 * receiver's token arrives; a message to a pool's start starts the pool; a second message while the
 * first is still buffered reverts MessagePending; the instance ends when no pool has a token left.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateWorkspace } from '../generate-workspace.js';
import type { ProcessIR } from '../ir/process-ir.js';
import { collaborationWorkspace, flow, mflow, MSG, shippingXml } from '../testing/collaboration-fixture.js';
import { complete, createInstance, enabled, start, type InstanceState, type StepResult } from './interpret-process.js';
import { deployProcess } from '../testing/process-on-evm.js';
import { traceIntents } from '../testing/random-trace.js';
import { runDifferential } from '../testing/run-differential.js';

const manufacturer = { roles: ['Manufacturer'], member: true };
const carrier = { roles: ['Carrier'], member: true };
const ok = (r: StepResult): InstanceState => {
  if (!r.ok) throw new Error(`${r.error}: ${r.message}`);
  return r.state;
};
const build = async (xml: string) => (await generateWorkspace(collaborationWorkspace(xml))).processes[0].ir;

describe('a collaboration of executable pools in the interpreter', () => {
  let ir: ProcessIR;
  beforeAll(async () => {
    ir = await build(shippingXml());
  });
  const names = (s: InstanceState) => enabled(s).map((i) => ir.tasks[i].name);

  it('the order starts the carrier\'s pool; its notice completes the manufacturer\'s receive task; then the instance ends', () => {
    let s = ok(start(createInstance(ir), manufacturer, {}));
    expect(names(s)).toEqual(['下单']);
    s = ok(complete(s, 0, manufacturer, { weight: 12n }));
    // the send started the carrier's pool in the same step; the manufacturer waits for the notice
    expect(names(s)).toEqual(['运输']);
    expect(s.marking).not.toBe(0n);
    // only the carrier ships, and its message end delivers the notice: nothing is left anywhere
    expect(complete(s, 1, manufacturer, {}).ok).toBe(false);
    s = ok(complete(s, 1, carrier, { tracking: 'SF-1' }));
    expect(s.marking).toBe(0n);
  });

  it('a message sent before its receiver waits is kept, and a second one meanwhile reverts MessagePending', async () => {
    // the carrier ships twice in a loop, the manufacturer receives the notice only after its own check
    const m = `<bpmn:startEvent id="S" /><bpmn:userTask id="Order" name="Order" /><bpmn:sendTask id="SendOrder" name="Send order" />
      <bpmn:userTask id="Check" name="Check" /><bpmn:receiveTask id="Notice" name="Notice" /><bpmn:endEvent id="E1" />
      ${flow('a1', 'S', 'Order')}${flow('a2', 'Order', 'SendOrder')}${flow('a3', 'SendOrder', 'Check')}${flow('a4', 'Check', 'Notice')}${flow('a5', 'Notice', 'E1')}`;
    const c = `<bpmn:startEvent id="CS">${MSG}</bpmn:startEvent><bpmn:exclusiveGateway id="G" /><bpmn:userTask id="Ship" name="Ship" />
      <bpmn:intermediateThrowEvent id="Tell" name="Tell">${MSG}</bpmn:intermediateThrowEvent><bpmn:userTask id="Again" name="Again" />
      <bpmn:exclusiveGateway id="X" /><bpmn:endEvent id="CE" />
      ${flow('c1', 'CS', 'G')}${flow('c2', 'G', 'Ship')}${flow('c3', 'Ship', 'Tell')}${flow('c4', 'Tell', 'Again')}${flow('c5', 'Again', 'X')}${flow('c6', 'X', 'G')}${flow('c7', 'X', 'CE')}`;
    const loop = await build(shippingXml({ manufacturer: m, carrier: c, flows: `${mflow('M1', 'SendOrder', 'CS')}${mflow('M2', 'Tell', 'Notice')}` }));
    const task = (name: string) => loop.tasks.findIndex((t) => t.name === name);
    let s = ok(start(createInstance(loop), manufacturer, {}));
    s = ok(complete(s, task('Order'), manufacturer, {}));
    s = ok(complete(s, task('Ship'), carrier, {}));
    // the notice waits in the buffer; shipping again would send a second one
    s = ok(complete(s, task('Again'), carrier, {}, 1));
    const second = complete(s, task('Ship'), carrier, {});
    expect(second.ok ? 'ok' : second.error).toBe('MessagePending');
    // the manufacturer's check brings its token to the receiver: the buffered notice is received at once
    s = ok(complete(s, task('Check'), manufacturer, {}));
    expect(enabled(s).map((i) => loop.tasks[i].name)).toEqual(['Ship']);
    s = ok(complete(s, task('Ship'), carrier, {}));
    // the carrier ends; its second notice is left buffered for no one and goes with the collaboration
    s = ok(complete(s, task('Again'), carrier, {}, 2));
    expect(s.marking).toBe(0n);
  });

  it('a terminate end ends only its own pool; the instance ends once the other pool has too', async () => {
    // the carrier works in parallel, then terminates its pool; the manufacturer still waits for the notice
    const c = `<bpmn:startEvent id="CS">${MSG}</bpmn:startEvent><bpmn:parallelGateway id="P" /><bpmn:userTask id="Ship" name="Ship" /><bpmn:userTask id="Bill" name="Bill" />
      <bpmn:intermediateThrowEvent id="Tell" name="Tell">${MSG}</bpmn:intermediateThrowEvent><bpmn:endEvent id="Stop"><bpmn:terminateEventDefinition /></bpmn:endEvent><bpmn:endEvent id="CE" />
      ${flow('c1', 'CS', 'P')}${flow('c2', 'P', 'Ship')}${flow('c3', 'P', 'Bill')}${flow('c4', 'Ship', 'Tell')}${flow('c5', 'Tell', 'Stop')}${flow('c6', 'Bill', 'CE')}`;
    const t = await build(shippingXml({ carrier: c, flows: `${mflow('M1', 'SendOrder', 'CS')}${mflow('M2', 'Tell', 'Notice')}` }));
    const task = (name: string) => t.tasks.findIndex((x) => x.name === name);
    let s = ok(start(createInstance(t), manufacturer, {}));
    s = ok(complete(s, task('下单'), manufacturer, { weight: 1n }));
    expect(enabled(s).map((i) => t.tasks[i].name)).toEqual(['Ship', 'Bill']);
    // shipping tells the manufacturer (its pool ends too) and terminates the carrier's pool: "Bill" goes with it
    s = ok(complete(s, task('Ship'), carrier, {}));
    expect(enabled(s)).toEqual([]);
    expect(s.marking).toBe(0n);
  });

  it('a terminate end in the carrier\'s pool leaves the manufacturer\'s pool running', async () => {
    const c = `<bpmn:startEvent id="CS">${MSG}</bpmn:startEvent><bpmn:userTask id="Ship" name="Ship" /><bpmn:endEvent id="Stop"><bpmn:terminateEventDefinition /></bpmn:endEvent>
      ${flow('c1', 'CS', 'Ship')}${flow('c2', 'Ship', 'Stop')}`;
    const m = `<bpmn:startEvent id="S" /><bpmn:userTask id="Order" name="Order" /><bpmn:sendTask id="SendOrder" name="Send" /><bpmn:userTask id="Pay" name="Pay" /><bpmn:endEvent id="E1" />
      ${flow('a1', 'S', 'Order')}${flow('a2', 'Order', 'SendOrder')}${flow('a3', 'SendOrder', 'Pay')}${flow('a4', 'Pay', 'E1')}`;
    const t = await build(shippingXml({ manufacturer: m, carrier: c, flows: mflow('M1', 'SendOrder', 'CS') }));
    const task = (name: string) => t.tasks.findIndex((x) => x.name === name);
    let s = ok(complete(ok(start(createInstance(t), manufacturer, {})), task('Order'), manufacturer, {}));
    s = ok(complete(s, task('Ship'), carrier, {}));
    expect(enabled(s).map((i) => t.tasks[i].name)).toEqual(['Pay']);
    s = ok(complete(s, task('Pay'), manufacturer, {}));
    expect(s.marking).toBe(0n);
  });

  it('a pool may end in the step that starts it: the initiator only sends, the carrier\'s pool works on', async () => {
    const m = `<bpmn:startEvent id="S"><bpmn:extensionElements><cf:field name="weight" type="int" /></bpmn:extensionElements></bpmn:startEvent>
      <bpmn:sendTask id="SendOrder" name="Send" cf:payload="weight" /><bpmn:endEvent id="E1" />${flow('a1', 'S', 'SendOrder')}${flow('a2', 'SendOrder', 'E1')}`;
    const c = `<bpmn:startEvent id="CS">${MSG}</bpmn:startEvent><bpmn:userTask id="Ship" name="Ship" /><bpmn:endEvent id="CE" />${flow('c1', 'CS', 'Ship')}${flow('c2', 'Ship', 'CE')}`;
    const xml = shippingXml({ manufacturer: m, carrier: c, flows: mflow('M1', 'SendOrder', 'CS') });
    const t = await build(xml);
    let s = ok(start(createInstance(t), manufacturer, { weight: 3n }));
    // the manufacturer's pool has ended already; the carrier's runs
    expect(s.marking & (1n << BigInt(t.subprocesses.find((x) => x.elementId === 'PoolM')!.bit))).toBe(0n);
    expect(enabled(s).map((i) => t.tasks[i].name)).toEqual(['Ship']);
    s = ok(complete(s, 0, carrier, {}));
    expect(s.marking).toBe(0n);
    // and the contract agrees, the start included
    const workspace = collaborationWorkspace(xml);
    const deployed = await deployProcess(workspace);
    await fc.assert(fc.asyncProperty(traceIntents(), (intents) => runDifferential(deployed, workspace.participants.map((p) => ({ id: p.id, roles: p.roles })), intents)), { numRuns: 10, seed: 7 });
  }, 60_000);

  it('agrees with the compiled contract on random traces', async () => {
    const workspace = collaborationWorkspace(shippingXml());
    const deployed = await deployProcess(workspace);
    const participants = workspace.participants.map((p) => ({ id: p.id, roles: p.roles }));
    await fc.assert(fc.asyncProperty(traceIntents(), (intents) => runDifferential(deployed, participants, intents)), { numRuns: 30, seed: 42 });
  }, 120_000);
});
