/**
 * The field-types sample executed: a decimal, an enum with Chinese values and a participant go
 * through the process client to the compiled contract and back, the gateway reads them as the
 * reference interpreter does, and a participant without the field's role is refused in words,
 * by the contract and by the interpreter alike.
 */
import type { Signer } from 'ethers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppManifest } from '../../generators/index.js';
import { generateWorkspace } from '../../generators/generate-workspace.js';
import { complete, createInstance, start, type InstanceState } from '../../generators/interpreter/interpret-process.js';
import type { ProcessIR } from '../../generators/ir/process-ir.js';
import { devWallet } from '../cli/dev-keys.js';
import { describeSteps } from '../panels/app/describe-steps.js';
import type { ProcessClient } from './process-client.js';
import { sampleOnLedger } from './sample-on-ledger.js';

let manifest: AppManifest;
let client: ProcessClient;
let signer: (id: string) => Signer;
let ir: ProcessIR;
const address = (id: string) => devWallet(id).address;
const PEOPLE = ['zhang-wei', 'li-na', 'chen-jing', 'liu-yang'];

beforeAll(async () => {
  const ledger = await sampleOnLedger('quality-inspection', { funded: PEOPLE });
  expect(ledger.problems.filter((p) => p.severity === 'error')).toEqual([]);
  ({ manifest, client, signer } = ledger);
  ir = (await generateWorkspace(ledger.workspace)).processes[0].ir;
}, 90_000);

/** The interpreter's instance with the sample's members (liu-yang is a member without roles). */
const fresh = (): InstanceState =>
  createInstance(ir, new Map([['zhang-wei', ['Manufacturer']], ['li-na', ['Inspector']], ['chen-jing', ['Inspector']], ['liu-yang', []]].map(([id, roles]) => [address(id as string), roles as string[]])));
const as = (roles: string[]) => ({ roles, member: true });

describe('the quality-inspection sample on the ledger', () => {
  it('carries a decimal, an enum and a participant to the contract and routes on them like the interpreter', async () => {
    const p = manifest.processes[0];
    // the manifest tells the app each field's values, scale, unit and role filter
    expect(p.start.fields.map(({ name, type, scale, unit, role }) => ({ name, type, scale, unit, role }))).toEqual([
      { name: 'weight', type: 'decimal', scale: 3, unit: 'kg', role: undefined },
      { name: 'unitPrice', type: 'decimal', scale: 2, unit: 'CNY', role: undefined },
      { name: 'inspector', type: 'participant', scale: undefined, unit: undefined, role: 'Inspector' },
    ]);
    expect(p.tasks[0].fields[0]).toMatchObject({ name: '质量等级', type: 'enum', values: ['合格', '返工', '报废'], required: true });
    // given a batch declared at 12.5 kg, to be inspected by 李娜
    const data = { weight: '12.5', unitPrice: '3.20', inspector: address('li-na') };
    const started = await client.startInstance(p.id, signer('zhang-wei'), data);
    let model = start(fresh(), as(['Manufacturer']), { weight: '12.5', unitPrice: '3.20', inspector: address('li-na') });
    expect(model.ok).toBe(true);
    // when she grades it 合格 with a measured weight of 12.9 kg (within 0.5 kg)
    await client.completeTask(p.id, 'Task_Inspect', started.instanceId, signer('li-na'), { 质量等级: '合格', measured: '12.9' });
    if (model.ok) model = complete(model.state, 0, as(['Inspector']), { 质量等级: '合格', measured: '12.9' });
    // then both ship the batch: the contract and the interpreter agree on the marking
    const after = await client.getInstance(p.id, started.instanceId);
    expect(after.enabledTasks.map((t) => t.elementId)).toEqual(['Task_Ship']);
    expect(model.ok && model.state.marking).toBe(after.marking);
    // and the history reads in words: exact decimals with units, the grade's text, the inspector's name
    const history = await client.history(p.id, started.instanceId);
    const steps = describeSteps(manifest, p, history, {});
    const text = Object.fromEntries(steps.flatMap((s) => s.values.map((v) => [v.field, v.text ?? v.raw])));
    expect(text).toMatchObject({ weight: '12.5 kg', unitPrice: '3.2 CNY', inspector: '李娜 Li Na', 质量等级: '合格', measured: '12.9 kg', batchValue: '41.28 CNY' });
  }, 60_000);

  it('refuses an inspector without the role, and a non-participant, as the interpreter does', async () => {
    const p = manifest.processes[0];
    for (const [who, error, words] of [
      ['liu-yang', 'ParticipantLacksRole', /"Inspector" must name a participant with the role Inspector; 刘洋 Liu Yang does not have it/],
      ['zhang-wei', 'ParticipantLacksRole', /张伟 Zhang Wei does not have it/],
    ] as const) {
      const refused = await client.startInstance(p.id, signer('zhang-wei'), { weight: '1', inspector: address(who) }).then(() => undefined, (e: unknown) => e);
      expect(client.explainError(refused)).toMatch(words);
      const model = start(fresh(), as(['Manufacturer']), { weight: '1', inspector: address(who) });
      expect(model.ok ? 'ok' : model.error).toBe(error);
    }
  }, 60_000);
});
