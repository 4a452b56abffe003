/**
 * Running the exported app on a copy of the bundled ledger, in this browser: the ledger worker
 * (loaded on demand, never at start) keeps the chain in the app's own IndexedDB store, so work
 * done in the app survives a reload. The first start imports the chain file shipped in the zip
 * (or one the user picks); the ledger checks its checksum and re-executes every block. After
 * that the stored chain is reopened as it is; only a new import replaces it.
 * Then the same checks as for a node: chain id, genesis block, the registry's code.
 */
import type { JsonRpcApiProvider } from 'ethers';
import type { AppConfig } from './app-config.js';
import { checksumMatches, parseChainFile, parseChainHeader, sameGenesis, type ChainFileInfo } from './chain-file.js';
import { compareChain, type Connection, type ConnectionProblem } from './chain-connection.js';
import { detectGasMode } from './free-gas.js';
import { deploymentKey, storage, type Storage } from './settings.js';

/** Shown where a node's URL would be. */
export const LEDGER_COPY_LABEL = 'ledger copy';

export interface OpenedLedger {
  provider: JsonRpcApiProvider;
  /** Sends a ledger request (eth_*, ledger_importChain). */
  request(method: string, params?: unknown[]): Promise<unknown>;
  close(): void;
}

export interface LedgerCopyDeps {
  open(settings: { chainId: number; blockGasLimit: bigint; alloc: Record<string, bigint>; storeName: string }): Promise<OpenedLedger>;
  deleteStore(storeName: string): Promise<void>;
  /** The text of a file of the app folder (the shipped chain file). */
  fetchText(path: string): Promise<string>;
  storage?: Storage;
}

/** Where the copy's chain comes from: the stored copy (else the shipped file), or a file the user picked. */
export type LedgerCopySource = { kind: 'stored' } | { kind: 'file'; text: string } | { kind: 'shipped' };

const headerKey = (config: AppConfig) => `chainflow.app.ledgerGenesis:${deploymentKey(config)}`;
/** One IndexedDB store per deployment (the ledger prefixes it). */
export const ledgerCopyStore = (config: AppConfig) => `app-copy-${deploymentKey(config).replace(':', '-')}`;

const message = (e: unknown) => (e as { shortMessage?: string })?.shortMessage ?? (e instanceof Error ? e.message : String(e));
const failed = (detail: string): Connection => ({ ok: false, problem: { kind: 'ledger-copy', detail } });

/**
 * Opens the ledger copy. `file`: imports that chain (replacing this browser's copy); `shipped`:
 * starts again from the zip's chain file; `stored`: the copy as this browser keeps it, created
 * from the shipped file on first use.
 */
export async function connectToLedgerCopy(config: AppConfig, source: LedgerCopySource, deps: LedgerCopyDeps): Promise<Connection> {
  const store = deps.storage ?? storage();
  const storeName = ledgerCopyStore(config);
  const remembered = store?.getItem(headerKey(config));
  const rememberedInfo = remembered ? parseChainHeader(remembered) : undefined;

  let text: string | undefined;
  if (source.kind === 'file') text = source.text;
  else if (source.kind === 'shipped' || !rememberedInfo?.ok) {
    if (!config.ledgerCopy) return failed('this app was exported without a ledger copy: import a chain file of this chain (the ledger/chain.ndjson of an app exported with a ledger copy), or use a JSON-RPC node');
    try {
      text = await deps.fetchText(config.ledgerCopy.file);
    } catch (e) {
      return failed(`the ledger copy ${config.ledgerCopy.file} could not be read: ${message(e)}`);
    }
  }

  let genesis: Omit<ChainFileInfo, 'sha256'>;
  if (text !== undefined) {
    const parsed = parseChainFile(text);
    if (!parsed.ok) return failed(`the chain file cannot be used: ${parsed.problem}`);
    if (parsed.info.chainId !== config.chainId) return failed(`the chain file is of chain ${parsed.info.chainId}, but this app’s contracts are on chain ${config.chainId}`);
    genesis = parsed.info;
  } else genesis = (rememberedInfo as { ok: true; info: Omit<ChainFileInfo, 'sha256'> }).info;

  // an explicit import replaces the chain (the ledger swaps it only once the file re-executed)
  const replacing = text !== undefined && source.kind !== 'stored';
  const settings = { chainId: genesis.chainId, blockGasLimit: genesis.blockGasLimit, alloc: genesis.alloc, storeName };
  // a chain of another genesis cannot go into the same store: the store starts again for it,
  // but only for a file whose checksum holds (this browser's copy is given up for it)
  const freshStore = async () => {
    if (!(await checksumMatches(text!))) throw new Error('checksum mismatch: the file is damaged or was edited; this browser’s copy was kept');
    await deps.deleteStore(storeName);
  };
  let ledger: OpenedLedger;
  try {
    if (replacing && rememberedInfo?.ok && !sameGenesis(rememberedInfo.info, genesis)) await freshStore();
    ledger = await deps.open(settings).catch(async (e: unknown) => {
      if (!replacing) throw e;
      await freshStore(); // the store holds a chain of another genesis
      return deps.open(settings);
    });
  } catch (e) {
    return failed(`the ledger copy could not be opened: ${message(e)}`);
  }
  const fail = (problem: ConnectionProblem | string): Connection => {
    ledger.close();
    return typeof problem === 'string' ? failed(problem) : { ok: false, problem };
  };
  try {
    const head = Number(BigInt((await ledger.request('eth_blockNumber')) as string));
    if (text !== undefined && (replacing || head === 0)) await ledger.request('ledger_importChain', [text]);
    // the store opened with these settings: they reopen it after a reload, without the file
    if (text !== undefined) store?.setItem(headerKey(config), genesis.headerLine);
  } catch (e) {
    return fail(`the chain file was not imported: ${message(e)}`);
  }
  try {
    const mismatch = compareChain(config, LEDGER_COPY_LABEL, { chainId: config.chainId, genesisHash: (await ledger.provider.getBlock(0))?.hash });
    if (mismatch) return fail(mismatch);
    const address = config.deployment.registry.address;
    if ((await ledger.provider.getCode(address)) === '0x') return fail({ kind: 'no-contracts', url: LEDGER_COPY_LABEL, address, networkName: config.networkName });
    return { ok: true, provider: ledger.provider, gasMode: await detectGasMode(ledger.provider), url: LEDGER_COPY_LABEL, close: () => ledger.close() };
  } catch (e) {
    return fail(`the ledger copy does not answer: ${message(e)}`);
  }
}

interface LockManagerLike {
  request(name: string, options: { signal: AbortSignal }, callback: () => Promise<void>): Promise<void>;
}

/** How long a copy waits for the store's lock (a connection of this page closing, a tab reloading). */
export const STORE_LOCK_WAIT_MS = 5000;

/**
 * Holds the store's lock until `release` is called; false when another tab keeps it beyond
 * `waitMs`. Two ledgers mining on one store would each overwrite the other's blocks, so only one
 * tab runs a copy. Without the Web Locks API (old browsers) nothing is locked.
 */
export async function lockStore(
  name: string,
  waitMs = STORE_LOCK_WAIT_MS,
  locks: LockManagerLike | undefined = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks,
): Promise<{ release(): void } | false> {
  if (!locks) return { release: () => undefined };
  return new Promise((resolve) => {
    locks
      .request(`chainflow-ledger:${name}`, { signal: AbortSignal.timeout(waitMs) }, () => new Promise<void>((release) => resolve({ release: () => release() })))
      .catch(() => resolve(false)); // not granted in time: another tab has it
  });
}

/** The real ledger: the bundled ledger's worker and its IndexedDB store, loaded on first use. */
export const browserLedgerDeps = (baseUri: string): LedgerCopyDeps => ({
  async open(settings) {
    const lock = await lockStore(settings.storeName);
    if (!lock) throw new Error('it is open in another tab or window of this browser: use it there, or close it there and try again');
    const [{ createLedgerClient }, { createEthersProvider }] = await Promise.all([import('../ledger/client/create-ledger-client.js'), import('../ledger/client/ethers-provider.js')]);
    // per-request durability: a step is answered only once stored, so a reload right after keeps it
    const client = createLedgerClient({ ...settings, durability: 'per-request' });
    try {
      await client.ready();
    } catch (e) {
      client.terminate();
      lock.release();
      throw e;
    }
    const provider = createEthersProvider(client.provider, settings.chainId, { pollingInterval: 500 });
    return {
      provider,
      request: (method, params) => client.provider.request({ method, params }),
      close() {
        provider.destroy();
        client.terminate();
        lock.release();
      },
    };
  },
  async deleteStore(name) {
    const { deleteIndexedDbLedgerStore } = await import('../ledger/store/indexeddb-store.js');
    await deleteIndexedDbLedgerStore(name);
  },
  async fetchText(path) {
    const res = await fetch(new URL(path, baseUri), { cache: 'no-cache' });
    if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`);
    return res.text();
  },
});
