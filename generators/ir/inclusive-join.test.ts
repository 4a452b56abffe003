/**
 * The inclusive join rule (inclusive-join.ts) on its own: which tokens a join waits for, when it may
 * fire, and which steps must settle; then the interpreter playing it on the export-shipment sample.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateWorkspace } from '../generate-workspace.js';
import { loadWorkspace } from '../model/load-workspace.js';
import type { Workspace } from '../model/workspace.js';
import type { ProcessIR } from './process-ir.js';
import { inclusiveJoins, joinMayFire, joinWaitGroups, stepNeedsSettle } from './inclusive-join.js';
import { complete, createInstance, enabled, start, type InstanceState, type StepResult } from '../interpreter/interpret-process.js';

let ir: ProcessIR;
beforeAll(async () => {
  const ws = loadWorkspace(JSON.parse(readFileSync(new URL('../samples/export-shipment/workspace.json', import.meta.url), 'utf8'))).workspace!;
  ir = (await generateWorkspace(ws)).processes[0].ir;
});

const task = (name: string) => ir.tasks.findIndex((t) => t.name === name);
const bitOf = (name: string) => ir.tasks[task(name)].bit;
const marking = (...bits: number[]) => bits.reduce((m, b) => m | (1n << BigInt(b)), 0n);
const join = () => inclusiveJoins(ir)[0];
/** Join input bits of "Ready to ship", in the order of its incoming flows: insurance, customs (cleared), packing. */
const inputs = () => ir.gateways[join()].inputBits;

describe('the inclusive join rule', () => {
  it('groups each token by the join inputs it can still reach, past tasks and exclusive gateways', () => {
    const [insured, cleared, packed] = inputs();
    expect(joinWaitGroups(ir, join())).toEqual([
      { inputs: [insured, cleared, packed], upstream: [bitOf('Register order')] },
      { inputs: [insured], upstream: [bitOf('Insure cargo')] },
      { inputs: [cleared], upstream: [bitOf('Clear customs')] },
      { inputs: [packed], upstream: [bitOf('Pack goods')] },
    ]);
  });

  it('waits while a token can still arrive only on an empty input, fires once none can', () => {
    const [insured, , packed] = inputs();
    // nothing arrived: never fires
    expect(joinMayFire(ir, join(), marking(bitOf('Pack goods')))).toBe(false);
    // packed, insurance still running: waits
    expect(joinMayFire(ir, join(), marking(packed, bitOf('Insure cargo')))).toBe(false);
    // packed and insured, nothing else running (customs not taken, or refused): fires
    expect(joinMayFire(ir, join(), marking(packed, insured))).toBe(true);
    // a token elsewhere that cannot reach the join does not hold it back
    expect(joinMayFire(ir, join(), marking(packed, bitOf('Ship')))).toBe(true);
  });

  it('fires even with a token upstream when that token could also reach an input that has arrived (the BPMN 2.0 rule)', async () => {
    // given Register order (which reaches all three inputs) still enabled and packing arrived
    const [, , packed] = inputs();
    expect(joinMayFire(ir, join(), marking(packed, bitOf('Register order')))).toBe(true);
  });

  it('settles only after steps that can bring a token to the join or take one away it waits for', () => {
    expect(stepNeedsSettle(ir, { task: task('Pack goods') })).toBe(true);
    expect(stepNeedsSettle(ir, { task: task('Clear customs') })).toBe(true);
    expect(stepNeedsSettle(ir, { task: task('Ship') })).toBe(false);
    expect(stepNeedsSettle(ir, { start: true })).toBe(false);
  });
});

describe('the interpreter on inclusive gateways (export-shipment sample)', () => {
  const sales = { roles: ['Sales'], member: true };
  const [insurer, broker, warehouse] = [{ roles: ['Insurer'], member: true }, { roles: ['Broker'], member: true }, { roles: ['Warehouse'], member: true }];
  const ok = (r: StepResult): InstanceState => {
    if (!r.ok) throw new Error(`${r.error}: ${r.message}`);
    return r.state;
  };
  const names = (s: InstanceState) => enabled(s).map((i) => ir.tasks[i].name);
  const registered = (value: number, outsideUnion: boolean) =>
    ok(complete(ok(start(createInstance(ir), sales)), task('Register order'), sales, { value, outsideUnion }));

  it('splits into every branch whose condition holds, plus the unconditional one', () => {
    expect(names(registered(50_000, true))).toEqual(['Insure cargo', 'Clear customs', 'Pack goods']);
    expect(names(registered(500, false))).toEqual(['Pack goods']);
  });

  it('waits for the branches taken, not for the others', () => {
    // given a small order inside the union: packing alone, then shipping
    expect(names(ok(complete(registered(500, false), task('Pack goods'), warehouse)))).toEqual(['Ship']);
    // given an insured order: packing first waits for the insurance
    const packed = ok(complete(registered(50_000, false), task('Pack goods'), warehouse));
    expect(names(packed)).toEqual(['Insure cargo']);
    expect(names(ok(complete(packed, task('Insure cargo'), insurer, { policy: 'P-1' })))).toEqual(['Ship']);
  });

  it('stops waiting when a branch ends before the join (customs refuses): that step fires the join', () => {
    const packed = ok(complete(registered(500, true), task('Pack goods'), warehouse));
    expect(names(packed)).toEqual(['Clear customs']);
    const refused = ok(complete(packed, task('Clear customs'), broker, { cleared: false }));
    expect(names(refused)).toEqual(['Ship']);
  });
});

describe('inclusive gateways in the IR', () => {
  const bpmn = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xmlns:cf="http://chainflow.studio/schema/bpmn/1.0" id="Defs" targetNamespace="http://example.com/test">
  <bpmn:process id="P" name="Or" isExecutable="true">${body}</bpmn:process></bpmn:definitions>`;
  const workspace = (xml: string): Workspace => ({
    schemaVersion: 1, name: 'T', organizations: [{ id: 'o', name: 'O' }], roles: [{ id: 'R', name: 'R' }],
    participants: [{ id: 'p', name: 'P', kind: 'person', organization: 'o', roles: ['R'] }], processes: [{ id: 'p', name: 'Or', bpmn: xml }],
  });
  const flow = (id: string, from: string, to: string, cond?: string) =>
    `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}">${cond ? `<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${cond}</bpmn:conditionExpression>` : ''}</bpmn:sequenceFlow>`;

  it('refuses a terminate end straight after an inclusive split, and a bad condition, located', async () => {
    const xml = bpmn(`<bpmn:startEvent id="S" /><bpmn:userTask id="T" name="T" cf:role="R"><bpmn:extensionElements><cf:field name="n" type="uint" /></bpmn:extensionElements></bpmn:userTask>
      <bpmn:inclusiveGateway id="G" name="Split" /><bpmn:userTask id="A" name="A" cf:role="R" /><bpmn:endEvent id="X"><bpmn:terminateEventDefinition /></bpmn:endEvent><bpmn:endEvent id="E" />
      ${flow('F1', 'S', 'T')}${flow('F2', 'T', 'G')}${flow('F3', 'G', 'A', 'n &gt; 1')}${flow('F4', 'G', 'X', 'n &gt; "x"')}${flow('F5', 'A', 'E')}`);
    const errors = (await generateWorkspace(workspace(xml))).problems.filter((p) => p.severity === 'error').map((p) => `${p.elementId}: ${p.message}`);
    expect(errors).toEqual(['F4: condition "n > "x"" at column 5: ">" compares numbers, got string']);
    const fixed = (await generateWorkspace(workspace(xml.replace('n &gt; "x"', 'n &lt; 5')))).problems.filter((p) => p.severity === 'error').map((p) => `${p.elementId}: ${p.message}`);
    expect(fixed).toEqual(['X: terminate end "X" follows inclusive split "Split" with no task in between, so the other branches started in the same step would keep running; put a task before it or use a none end event']);
  });
});
