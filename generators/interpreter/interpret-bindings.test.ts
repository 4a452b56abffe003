/**
 * The reference interpreter's role bindings, on the carrier-binding sample: the buyer nominates the
 * manufacturer at the start (once), the manufacturer nominates the carrier in "Plan shipment"
 * (sameTask, so again after a send-back).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateWorkspace } from '../generate-workspace.js';
import { loadWorkspace } from '../model/load-workspace.js';
import type { ProcessIR } from '../ir/process-ir.js';
import { complete, createInstance, start, type Caller, type InstanceState, type StepResult } from './interpret-process.js';

let ir: ProcessIR;
const account = (n: number) => `0x${n.toString(16).padStart(40, '0')}`;
const who = (n: number, role: string): Caller => ({ roles: [role], member: true, account: account(n) });
const buyer = who(1, 'Buyer');
const [chen, anna] = [who(2, 'Manufacturer'), who(3, 'Manufacturer')];
const [liWei, tom] = [who(4, 'Carrier'), who(5, 'Carrier')];
const members = new Map([buyer, chen, anna, liWei, tom].map((c) => [c.account!.toUpperCase().replace('0X', '0x'), c.roles]));

beforeAll(async () => {
  const loaded = loadWorkspace(JSON.parse(readFileSync(new URL('../samples/carrier-binding/workspace.json', import.meta.url), 'utf8')));
  ir = (await generateWorkspace(loaded.workspace!)).processes[0].ir;
});

const ok = (r: StepResult): InstanceState => {
  if (!r.ok) throw new Error(`${r.error}: ${r.message}`);
  return r.state;
};
const task = (name: string) => ir.tasks.findIndex((t) => t.name === name);
const errorOf = (r: StepResult) => (r.ok ? 'ok' : r.error);

describe('interpreter role bindings', () => {
  it('binds the nominee at the start; then only that manufacturer may plan, while an unbound role is open to every holder', () => {
    // given an order placed with Chen Jing as manufacturer
    const s = ok(start(createInstance(ir, members), buyer, { item: 'gearbox', manufacturer: chen.account! }));
    expect(s.bound).toEqual([chen.account, account(0)]);
    // then Anna, also a manufacturer, is refused; the bound one is not
    expect(errorOf(complete(s, task('Plan shipment'), anna, { carrier: liWei.account! }))).toBe('NotBoundParticipant');
    const planned = ok(complete(s, task('Plan shipment'), chen, { carrier: liWei.account! }));
    expect(planned.bound).toEqual([chen.account, liWei.account]);
    // and the carrier's tasks now accept Li Wei only
    expect(errorOf(complete(planned, task('Pick up goods'), tom))).toBe('NotBoundParticipant');
    expect(errorOf(complete(planned, task('Pick up goods'), liWei))).toBe('ok');
  });

  it('checks the role before the binding, and the nominee against the members', () => {
    const s = ok(start(createInstance(ir, members), buyer, { item: 'gearbox', manufacturer: chen.account! }));
    // a buyer lacks the role: CallerLacksRole wins over the binding
    expect(errorOf(complete(s, task('Plan shipment'), { ...buyer, roles: ['Buyer'] }, { carrier: liWei.account! }))).toBe('CallerLacksRole');
    // nominating a manufacturer as carrier, or someone outside the registry, is refused; nobody at all is a missing field
    expect(errorOf(complete(s, task('Plan shipment'), chen, { carrier: anna.account! }))).toBe('NomineeLacksRole');
    expect(errorOf(complete(s, task('Plan shipment'), chen, { carrier: account(99) }))).toBe('NomineeLacksRole');
    expect(errorOf(complete(s, task('Plan shipment'), chen, { carrier: account(0) }))).toBe('RequiredFieldMissing');
    // a caller without an account cannot prove to be the bound participant
    expect(errorOf(complete(s, task('Plan shipment'), { roles: ['Manufacturer'], member: true }, { carrier: liWei.account! }))).toBe('NotBoundParticipant');
  });

  it('lets "Plan shipment" (sameTask) pick another carrier after a send-back', () => {
    let s = ok(start(createInstance(ir, members), buyer, { item: 'gearbox', manufacturer: chen.account! }));
    s = ok(complete(s, task('Plan shipment'), chen, { carrier: liWei.account! }));
    s = ok(complete(s, task('Pick up goods'), liWei));
    s = ok(complete(s, task('Deliver goods'), liWei, { waybill: 'SF-1' }));
    s = ok(complete(s, task('Confirm delivery'), buyer, {}, 1)); // send back
    s = ok(complete(s, task('Plan shipment'), chen, { carrier: tom.account! }));
    expect(s.bound).toEqual([chen.account, tom.account]);
    expect(errorOf(complete(s, task('Pick up goods'), liWei))).toBe('NotBoundParticipant');
  });

  it('refuses a "once" binding naming someone else, but accepts the participant bound already', () => {
    // given the sample's carrier binding made a "once" binding
    const once: ProcessIR = { ...ir, bindings: ir.bindings.map((b) => ({ ...b, rebind: 'once' })) };
    let s = ok(start(createInstance(once, members), buyer, { item: 'gearbox', manufacturer: chen.account! }));
    s = ok(complete(s, task('Plan shipment'), chen, { carrier: liWei.account! }));
    s = ok(complete(s, task('Pick up goods'), liWei));
    s = ok(complete(s, task('Deliver goods'), liWei, { waybill: 'SF-1' }));
    s = ok(complete(s, task('Confirm delivery'), buyer, {}, 1));
    // when planned again, then only the same carrier may be named
    expect(errorOf(complete(s, task('Plan shipment'), chen, { carrier: tom.account! }))).toBe('RoleAlreadyBound');
    expect(ok(complete(s, task('Plan shipment'), chen, { carrier: liWei.account! })).bound).toEqual([chen.account, liWei.account]);
  });
});
