import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEthersProvider } from '../ledger/client/ethers-provider.js';
import { createInProcessProvider } from '../ledger/client/in-process-provider.js';
import { createLedgerEngine } from '../ledger/engine/create-ledger-engine.js';
import type { LedgerEngine } from '../ledger/engine/ledger-types.js';
import { MemoryLedgerStore } from '../ledger/store/memory-store.js';
import { createProcessClient } from '../chain/process-client.js';
import { sampleOnLedger } from '../chain/sample-on-ledger.js';
import { devWallet } from '../cli/dev-keys.js';
import { appConfigFor, type AppConfig } from './app-config.js';
import { withExtras } from './export-app-zip.js';
import { connectToLedgerCopy, ledgerCopyStore, lockStore, type LedgerCopyDeps } from './ledger-copy.js';

const PROCESS = 'order-fulfilment';
let chainFile: string;
let config: AppConfig;
let sample: Awaited<ReturnType<typeof sampleOnLedger>>;

beforeAll(async () => {
  // given the sample deployed on a bundled ledger, and that ledger's chain export shipped with the app
  sample = await sampleOnLedger('order-fulfilment', { funded: ['wang-fang'] });
  chainFile = (await sample.engine.request({ method: 'ledger_exportChain' })) as string;
  config = withExtras(appConfigFor(sample.manifest, sample.deployment, {}), { chainFile });
}, 60_000);

afterAll(async () => {
  await sample?.engine.idle();
});

/** A browser: named ledger stores that outlive the page (IndexedDB), localStorage, the app folder. */
function browser() {
  const stores = new Map<string, MemoryLedgerStore>();
  const local = new Map<string, string>();
  const engines: LedgerEngine[] = [];
  const fetched: string[] = [];
  const deps: LedgerCopyDeps = {
    async open({ storeName, ...settings }) {
      if (!stores.has(storeName)) stores.set(storeName, new MemoryLedgerStore(storeName));
      const engine = await createLedgerEngine({ ...settings, store: stores.get(storeName), durability: 'per-request' });
      engines.push(engine);
      const eip1193 = createInProcessProvider(engine);
      const provider = createEthersProvider(eip1193, settings.chainId);
      return { provider, request: (method, params) => eip1193.request({ method, params }), close: () => provider.destroy() };
    },
    deleteStore: async (name) => void stores.delete(name),
    fetchText: async (path) => {
      fetched.push(path);
      if (path !== config.ledgerCopy?.file) throw new Error('HTTP 404 Not Found');
      return chainFile;
    },
    storage: { getItem: (k) => local.get(k) ?? null, setItem: (k, v) => void local.set(k, v), removeItem: (k) => void local.delete(k) },
  };
  return { deps, stores, fetched, idle: () => Promise.all(engines.map((e) => e.idle())) };
}

describe('connectToLedgerCopy', () => {
  it('imports the shipped copy on first start, then reopens the stored chain with the steps done on it', async () => {
    const b = browser();
    // when the app starts for the first time on the ledger copy
    const first = await connectToLedgerCopy(config, { kind: 'stored' }, b.deps);
    if (!first.ok) throw new Error(JSON.stringify(first.problem));
    // then the shipped file was imported into this deployment's store, on a free-gas chain
    expect(b.fetched).toEqual(['ledger/chain.ndjson']);
    expect(b.stores.has(ledgerCopyStore(config))).toBe(true);
    expect(first.gasMode).toBe('free');
    // and a participant starts an order on the copy
    const client = createProcessClient(config.manifest, config.deployment, first.provider);
    const started = await client.startInstance(PROCESS, devWallet('wang-fang').connect(first.provider), { item: '齿轮箱 copy', quantity: 3 });
    const head = await first.provider.getBlockNumber();
    first.close();
    await b.idle();

    // when the page reloads: the stored chain is opened as it is, the shipped file is not read again
    const again = await connectToLedgerCopy(config, { kind: 'stored' }, b.deps);
    if (!again.ok) throw new Error(JSON.stringify(again.problem));
    expect(b.fetched).toHaveLength(1);
    expect(await again.provider.getBlockNumber()).toBe(head);
    const reread = await createProcessClient(config.manifest, config.deployment, again.provider).getInstance(PROCESS, started.instanceId);
    expect(reread.enabledTasks.map((t) => t.name)).toEqual(['Confirm order']);

    // when the user starts again from the shipped copy, the step is gone
    again.close();
    const restarted = await connectToLedgerCopy(config, { kind: 'shipped' }, b.deps);
    if (!restarted.ok) throw new Error(JSON.stringify(restarted.problem));
    expect(await restarted.provider.getBlockNumber()).toBe(head - 1);
    restarted.close();
  }, 60_000);

  it('refuses a damaged chain file in words and keeps this browser’s copy', async () => {
    const b = browser();
    const first = await connectToLedgerCopy(config, { kind: 'stored' }, b.deps);
    if (!first.ok) throw new Error(JSON.stringify(first.problem));
    const head = await first.provider.getBlockNumber();
    first.close();
    // given a chain file with one byte changed in a block line
    const lines = chainFile.split('\n');
    lines[1] = lines[1].replace(/"timestamp":(\d)/, (_m, d: string) => `"timestamp":${(Number(d) + 1) % 10}`);
    const tampered = lines.join('\n');
    // when it is imported
    const imported = await connectToLedgerCopy(config, { kind: 'file', text: tampered }, b.deps);
    // then it is refused with the checksum as the reason, and the stored copy still opens
    expect(imported).toMatchObject({ ok: false, problem: { kind: 'ledger-copy', detail: expect.stringContaining('checksum mismatch') } });
    const kept = await connectToLedgerCopy(config, { kind: 'stored' }, b.deps);
    if (!kept.ok) throw new Error(JSON.stringify(kept.problem));
    expect(await kept.provider.getBlockNumber()).toBe(head);
    kept.close();
  }, 60_000);

  it('says what is wrong when there is no copy, or the file is of another chain', async () => {
    const b = browser();
    const { ledgerCopy: _none, ...withoutCopy } = config;
    expect(await connectToLedgerCopy(withoutCopy, { kind: 'stored' }, b.deps)).toMatchObject({
      ok: false,
      problem: { kind: 'ledger-copy', detail: expect.stringContaining('exported without a ledger copy') },
    });
    const otherChain = chainFile.replace('"chainId":1337', '"chainId":99');
    expect(await connectToLedgerCopy(config, { kind: 'file', text: otherChain }, b.deps)).toMatchObject({
      ok: false,
      problem: { kind: 'ledger-copy', detail: 'the chain file is of chain 99, but this app’s contracts are on chain 1337' },
    });
    expect(await connectToLedgerCopy(config, { kind: 'file', text: 'hello' }, b.deps)).toMatchObject({ ok: false, problem: { detail: expect.stringContaining('too short') } });
  });
});

/** An exclusive lock manager as the Web Locks API behaves (a queue per name; a request may be aborted). */
function fakeLocks() {
  const held = new Map<string, Promise<void>>();
  return {
    async request(name: string, { signal }: { signal: AbortSignal }, callback: () => Promise<void>): Promise<void> {
      while (held.has(name)) {
        await Promise.race([held.get(name), new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('AbortError'))))]);
      }
      const running = callback();
      held.set(name, running.then(() => void held.delete(name)));
      return running;
    },
  };
}

describe('lockStore', () => {
  it('lets one holder run a copy at a time, and the next one in once it is released', async () => {
    const locks = fakeLocks();
    const first = await lockStore('test-store', 50, locks);
    expect(first).not.toBe(false);
    // when another tab asks while it is held, it is refused after the wait
    expect(await lockStore('test-store', 50, locks)).toBe(false);
    // a waiting request gets it as soon as the holder releases (a reconnect in the same page)
    const waiting = lockStore('test-store', 1000, locks);
    if (first) first.release();
    const second = await waiting;
    expect(second).not.toBe(false);
    if (second) second.release();
  });
});
