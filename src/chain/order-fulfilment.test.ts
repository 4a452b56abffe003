/**
 * The generated sample contracts executed on the in-process EVM through the chain API, the way
 * the app and the CLI drive them: every transaction signed by the participant who acts.
 */
import { readFileSync } from 'node:fs';
import { Contract, type BrowserProvider, type Signer } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppManifest, DeploymentRecord, Workspace } from '../../generators/index.js';
import type { LedgerEngine } from '../ledger/engine/index.js';
import { DEPLOYER_ID, devWallet } from '../cli/dev-keys.js';
import { parseTrace, runTrace } from '../cli/run-trace.js';
import type { ProcessClient } from './process-client.js';
import { sampleOnLedger } from './sample-on-ledger.js';

const PROCESS = 'order-fulfilment';
const OUTSIDER = 'outsider';
/** Who plays which role in the sample. */
const HOLDER: Record<string, string> = { Buyer: 'wang-fang', Sales: 'zhang-wei', Production: 'line-3', Carrier: 'li-wei' };
const NAME: Record<string, string> = { 'wang-fang': '王芳 Wang Fang', 'zhang-wei': '张伟 Zhang Wei', 'line-3': 'Assembly line 3', 'li-wei': '李伟 Li Wei' };
const ACCEPT = 1; // Confirm order's choice: 1 = "Accept", 0 = the default flow "Reject"

let workspace: Workspace;
let manifest: AppManifest;
let engine: LedgerEngine;
let provider: BrowserProvider;
let deployment: DeploymentRecord;
let client: ProcessClient;

const signer = (participantId: string): Signer => devWallet(participantId).connect(provider);

beforeAll(async () => {
  const ledger = await sampleOnLedger('order-fulfilment', { funded: [OUTSIDER, ...Object.values(HOLDER)] });
  expect(ledger.problems).toEqual([]);
  ({ workspace, manifest, engine, provider, deployment, client } = ledger);
}, 60_000);

afterAll(async () => {
  await engine?.idle();
});

// ---- helpers ------------------------------------------------------------------------------

async function start(as = HOLDER.Buyer, data: Record<string, unknown> = { item: 'Gearbox housing 齿轮箱壳体', quantity: 120 }): Promise<bigint> {
  return (await client.startInstance(PROCESS, signer(as), data)).instanceId;
}

const DATA: Record<string, Record<string, unknown>> = {
  'Confirm order': { unitPrice: 45000 },
  'Produce goods': { batchNo: 'B-7' },
  'Book transport': { pickupDate: '2026-12-01' },
  'Ship goods': { trackingNo: 'SF1234' },
  'Inspect delivery': { defects: 0 },
  'Rework goods': {},
};

function act(task: string, instance: bigint, as: string, data: Record<string, unknown> = DATA[task], choice?: number) {
  return client.completeTask(PROCESS, task, instance, signer(as), data, choice);
}

/** The revert of `action`, in words; fails the test when it does not revert. */
async function revertOf(action: Promise<unknown>): Promise<string> {
  try {
    await action;
  } catch (err) {
    return client.explainError(err);
  }
  throw new Error('expected the transaction to revert, but it succeeded');
}

async function enabled(instance: bigint): Promise<string[]> {
  return (await client.getInstance(PROCESS, instance)).enabledTasks.map((t) => t.name);
}

/** Runs an instance up to where "Ship goods" is enabled. */
async function readyToShip(): Promise<bigint> {
  const id = await start();
  await act('Confirm order', id, HOLDER.Sales, DATA['Confirm order'], ACCEPT);
  await act('Produce goods', id, HOLDER.Production);
  await act('Book transport', id, HOLDER.Carrier);
  return id;
}

// ---- tests --------------------------------------------------------------------------------

describe('the order-fulfilment contract on the EVM', () => {
  it('lets each task be done by its role only, and says which role in words', async () => {
    const forbidden = async (task: string, id: bigint, role: string, data?: Record<string, unknown>, choice?: number) => {
      // every participant without the role, and a non-member, is refused with the role named
      for (const who of [...Object.values(HOLDER).filter((p) => p !== HOLDER[role]), OUTSIDER]) {
        const why = await revertOf(act(task, id, who, data ?? DATA[task], choice));
        expect(why).toBe(`Only a participant with the role ${role} may do "${task}"; ${NAME[who] ?? devWallet(who).address} does not have it.`);
      }
      // and the holder of the role succeeds
      await act(task, id, HOLDER[role], data ?? DATA[task], choice);
    };

    // the start event lies in the Buyer lane: only buyers start instances
    for (const who of [HOLDER.Sales, HOLDER.Production, HOLDER.Carrier])
      expect(await revertOf(start(who))).toBe(`Only a participant with the role Buyer may do "Order placed"; ${NAME[who]} does not have it.`);
    const id = await start();
    await forbidden('Confirm order', id, 'Sales', undefined, ACCEPT);
    await forbidden('Produce goods', id, 'Production');
    await forbidden('Book transport', id, 'Carrier');
    await forbidden('Ship goods', id, 'Carrier');
    await forbidden('Inspect delivery', id, 'Buyer', { defects: 5 });
    await forbidden('Rework goods', id, 'Production');
    expect(await enabled(id)).toEqual(['Ship goods']);
  }, 60_000);

  it('refuses a task that is not enabled, naming the task', async () => {
    // given a fresh instance waiting for "Confirm order"
    const id = await start();
    expect(await enabled(id)).toEqual(['Confirm order']);
    // when the carrier tries to ship, then the revert names the task and the instance
    expect(await revertOf(act('Ship goods', id, HOLDER.Carrier))).toBe(`"Ship goods" cannot be done in instance #${id} now: it is not (or no longer) waiting for it.`);
    // and an instance that does not exist has nothing enabled either
    expect(await revertOf(act('Confirm order', 999n, HOLDER.Sales, DATA['Confirm order'], ACCEPT))).toContain('"Confirm order" cannot be done in instance #999 now');
  });

  it('takes the "Accept" branch of "Accept order?" when chosen', async () => {
    const id = await start();
    await act('Confirm order', id, HOLDER.Sales, DATA['Confirm order'], ACCEPT);
    expect(await enabled(id)).toEqual(['Produce goods', 'Book transport']);
  });

  it('takes the default "Reject" branch on choice 0, which ends the instance', async () => {
    const id = await start();
    await act('Confirm order', id, HOLDER.Sales, DATA['Confirm order'], 0);
    const state = await client.getInstance(PROCESS, id);
    expect(state.ended).toBe(true);
    expect(state.marking).toBe(0n);
    // and a task of the ended instance is no longer possible
    expect(await revertOf(act('Confirm order', id, HOLDER.Sales, DATA['Confirm order'], ACCEPT))).toContain('cannot be done in instance');
  });

  it('refuses a choice the gateway does not have', async () => {
    const id = await start();
    expect(await revertOf(act('Confirm order', id, HOLDER.Sales, DATA['Confirm order'], 2))).toBe(`Choice 2 does not exist at "Accept order?" (instance #${id}).`);
    expect(await enabled(id)).toEqual(['Confirm order']);
  });

  it('joins the parallel branches: "Ship goods" waits for both "Produce goods" and "Book transport"', async () => {
    for (const [first, second] of [['Produce goods', 'Book transport'], ['Book transport', 'Produce goods']]) {
      // given an accepted order
      const id = await start();
      await act('Confirm order', id, HOLDER.Sales, DATA['Confirm order'], ACCEPT);
      // when only one branch is done, then shipping is not possible yet
      await act(first, id, first === 'Produce goods' ? HOLDER.Production : HOLDER.Carrier);
      expect(await enabled(id)).toEqual([second]);
      expect(await revertOf(act('Ship goods', id, HOLDER.Carrier))).toContain('"Ship goods" cannot be done');
      // when the other one is done too, then it is
      await act(second, id, second === 'Produce goods' ? HOLDER.Production : HOLDER.Carrier);
      expect(await enabled(id)).toEqual(['Ship goods']);
    }
  });

  it('decides "Quality ok?" by `defects <= 2`, both ways', async () => {
    // given 2 defects, the instance ends
    const ok = await readyToShip();
    await act('Ship goods', ok, HOLDER.Carrier);
    await act('Inspect delivery', ok, HOLDER.Buyer, { defects: 2 });
    expect((await client.getInstance(PROCESS, ok)).ended).toBe(true);
    // given 3 defects, the goods go back for rework
    const bad = await readyToShip();
    await act('Ship goods', bad, HOLDER.Carrier);
    await act('Inspect delivery', bad, HOLDER.Buyer, { defects: 3 });
    expect(await enabled(bad)).toEqual(['Rework goods']);
  });

  it('goes round the rework loop twice, then ends, and history tells every step with data and who did it', async () => {
    const id = await readyToShip();
    for (const defects of [5, 4]) {
      await act('Ship goods', id, HOLDER.Carrier);
      await act('Inspect delivery', id, HOLDER.Buyer, { defects });
      expect(await enabled(id)).toEqual(['Rework goods']);
      await act('Rework goods', id, HOLDER.Production);
      expect(await enabled(id)).toEqual(['Ship goods']);
    }
    await act('Ship goods', id, HOLDER.Carrier, { trackingNo: 'SF-final' });
    await act('Inspect delivery', id, HOLDER.Buyer, { defects: 1 });
    expect((await client.getInstance(PROCESS, id)).ended).toBe(true);

    const history = await client.history(PROCESS, id);
    const address = (role: string) => devWallet(HOLDER[role]).address;
    expect(history.map((h) => `${h.kind} ${h.name}`)).toEqual([
      'started Order placed', 'completed Confirm order', 'completed Produce goods', 'completed Book transport',
      'completed Ship goods', 'completed Inspect delivery', 'completed Rework goods',
      'completed Ship goods', 'completed Inspect delivery', 'completed Rework goods',
      'completed Ship goods', 'completed Inspect delivery', 'ended Ended',
    ]);
    expect(history[0]).toMatchObject({ elementId: 'Start_OrderPlaced', by: address('Buyer'), data: { item: 'Gearbox housing 齿轮箱壳体', quantity: '120' } });
    expect(history[1]).toMatchObject({ elementId: 'Task_ConfirmOrder', by: address('Sales'), data: { unitPrice: '45000', choice: '1' } });
    expect(history[3]).toMatchObject({ by: address('Carrier'), data: { pickupDate: String(Date.parse('2026-12-01') / 1000) } });
    expect(history.filter((h) => h.name === 'Inspect delivery').map((h) => h.data.defects)).toEqual(['5', '4', '1']);
    expect(history[10]).toMatchObject({ by: address('Carrier'), data: { trackingNo: 'SF-final' } });
    // every entry names its transaction and block, in chain order
    for (const [k, h] of history.entries()) {
      expect(h.txHash).toMatch(/^0x[0-9a-f]{64}$/);
      if (k > 0) expect(h.blockNumber).toBeGreaterThanOrEqual(history[k - 1].blockNumber);
    }
  }, 60_000);

  it('refuses an empty required text field', async () => {
    const id = await start();
    await act('Confirm order', id, HOLDER.Sales, DATA['Confirm order'], ACCEPT);
    expect(await revertOf(act('Produce goods', id, HOLDER.Production, { batchNo: '' }))).toBe('"Batch number" is required.');
    expect(await revertOf(start(HOLDER.Buyer, { item: '', quantity: 1 }))).toBe('"Item" is required.');
    expect(await enabled(id)).toEqual(['Produce goods', 'Book transport']);
  });
});

describe('the consortium registry on the EVM', () => {
  const registry = (as: string) => new Contract(deployment.registry.address, manifest.registry.abi as never, signer(as));
  const bits = (...roles: string[]) => roles.reduce((b, r) => b | (1n << BigInt(manifest.roles.find((x) => x.id === r)!.bit)), 0n);
  const orgIndex = (org: string) => manifest.organizations.find((o) => o.id === org)!.index;

  it('pushes a role change into the attached process: a participant gains a role and can then act', async () => {
    // given an order waiting for "Book transport", which the sales clerk may not do
    const id = await start();
    await act('Confirm order', id, HOLDER.Sales, DATA['Confirm order'], ACCEPT);
    expect(await revertOf(act('Book transport', id, HOLDER.Sales))).toContain('Only a participant with the role Carrier');
    // when the operator gives the sales clerk the Carrier role too
    const tx = await registry(DEPLOYER_ID).setMembers([devWallet(HOLDER.Sales).address], [orgIndex('supplier')], [bits('Sales', 'Carrier')]);
    await tx.wait();
    // then the clerk can book transport in the running instance
    await act('Book transport', id, HOLDER.Sales);
    expect(await enabled(id)).toEqual(['Produce goods']);
    // and a newcomer made a Production member can produce
    await (await registry(DEPLOYER_ID).setMembers([devWallet(OUTSIDER).address], [orgIndex('supplier')], [bits('Production')])).wait();
    await act('Produce goods', id, OUTSIDER);
    expect(await enabled(id)).toEqual(['Ship goods']);
  });

  it('lets only the operator change members', async () => {
    const why = await revertOf(registry(HOLDER.Buyer).setMembers([devWallet(HOLDER.Buyer).address], [1], [bits('Buyer', 'Sales')]));
    expect(why).toBe(`Only the consortium operator may do this; ${NAME[HOLDER.Buyer]} is not the operator.`);
  });

  it('refuses syncRoles from any account but the registry', async () => {
    // given the process contract called directly, even by the operator
    const process = new Contract(deployment.processes[PROCESS].address, manifest.processes[0].abi as never, signer(DEPLOYER_ID));
    // when it tries to grant itself every role, then it is refused
    expect(await revertOf(process.syncRoles(devWallet(DEPLOYER_ID).address, bits('Buyer', 'Sales', 'Production', 'Carrier')))).toBe('Only the consortium registry may change roles.');
    expect(await revertOf(start(DEPLOYER_ID))).toContain('Only a participant with the role Buyer');
  });
});

describe('replaying traces (the CLI `run` command)', () => {
  it('replays the sample happy path: every step as expected, and the instance ends', async () => {
    const steps = parseTrace(JSON.parse(readFileSync(new URL('../../generators/samples/order-fulfilment/happy-path.trace.json', import.meta.url), 'utf8')));
    const result = await runTrace(workspace, manifest, steps);
    expect(result.steps.map((s) => `${s.index} ${s.status}${s.asExpected ? '' : ' UNEXPECTED'}`)).toEqual([
      '1 ok', '2 ok', '3 reverted', '4 reverted', '5 ok', '6 ok', '7 ok', '8 ok', '9 ok', '10 ok', '11 ok',
    ]);
    expect(result).toMatchObject({ ok: true, ended: true, instanceId: '1', enabled: [] });
    expect(result.deployGas).toBeGreaterThan(1_000_000);
    expect(result.steps[5].participant).toBe('李伟 Li Wei');
  }, 30_000);

  it('picks a default flow by name, and never counts a mistake in the trace as an expected revert', async () => {
    const result = await runTrace(workspace, manifest, parseTrace([
      { task: 'start', as: 'Buyer', data: { item: 'x', quantity: 1 } },
      { task: 'Confirm order', as: 'Sales', data: { unitPrice: 1 }, choose: 'Maybe', expect: 'revert' },
      { task: 'Confirm order', as: 'Sales', data: { unitPrice: 1 }, choose: 'Reject' },
    ]));
    expect(result.steps[1]).toMatchObject({ status: 'reverted', asExpected: false, reason: '"Maybe" is not an outgoing flow here (options: Accept, Reject)' });
    expect(result.steps[2]).toMatchObject({ status: 'ok', asExpected: true });
    expect(result).toMatchObject({ ok: false, ended: true });
  }, 30_000);

  it('refuses a malformed trace with the step number', () => {
    expect(() => parseTrace({ task: 'start' })).toThrow('a trace must be a JSON list of steps');
    expect(() => parseTrace([{ task: 'start', as: 'Buyer' }, { as: 'Buyer' }])).toThrow('step 2: "task" must be "start" or a task name or id');
    expect(() => parseTrace([{ task: 'start', as: 'Buyer', expect: 'fail' }])).toThrow('step 1: "expect" may only be "revert" or "ok"');
  });
});
