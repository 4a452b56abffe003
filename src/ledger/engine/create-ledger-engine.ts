/**
 * The ledger engine: pure TypeScript (no DOM, no worker globals), used in-process by the CLI and
 * the tests and inside the module worker by the IDE. It owns the chain, the serial request
 * queue, mining (automine or interval), the store writes and block notifications.
 */
import type { TypedTransaction } from '@ethereumjs/tx';
import { bytesToHex, type Address } from '@ethereumjs/util';
import type { LedgerStore, StoredChain, StoredSnapshots } from '../store/ledger-store.js';
import { MemoryLedgerStore } from '../store/memory-store.js';
import { exportChain, parseExport, rebuildFromExport } from './chain-export.js';
import { DEFAULT_BLOCK_GAS_LIMIT, normaliseAlloc, type GenesisSettings } from './chain-config.js';
import { ChainState, type MinedBlock } from './chain-state.js';
import { FilterRegistry } from './filters.js';
import { toQuantity } from './hex-codec.js';
import { ledgerCryptoSettled, letLedgerCryptoLoad } from './ledger-crypto.js';
import { LEDGER_METHODS, type Verification } from './ledger-methods.js';
import type { LedgerEngine, LedgerEngineOptions, NewBlockEvent, NewBlockListener, RpcRequest } from './ledger-types.js';
import { checkTransaction, decodeTransaction, mineBlock } from './mine-transaction.js';
import { LedgerRpcError, RPC_ERROR, serverError } from './rpc-error.js';
import { formatPendingTransaction } from './rpc-format.js';
import { RPC_METHODS, type MethodContext } from './rpc-methods.js';
import { SerialQueue } from './serial-queue.js';
import { NO_SNAPSHOTS, restoredSnapshots, snapshotInfo, takeSnapshot, useUpSnapshot } from './snapshots.js';
import { storageInfo } from './storage-info.js';
import { StoreWriter } from './store-writer.js';
import { describeMismatch, fromStoredGenesis, toStoredGenesis, toStoredRecords } from './stored-records.js';
import { signTransaction } from './transaction-signing.js';
import { notUnlocked, UnlockedAccounts } from './unlocked-accounts.js';
import { verifyChain } from './verify-chain.js';

export const DEFAULT_AUTO_VERIFY_MAX_BLOCKS = 2_000;
/** With batched durability, how long blocks are gathered into one store commit. */
export const BATCH_GATHER_MS = 20;

/**
 * Opens a ledger: restores the chain `store` holds (no re-execution), otherwise starts one at
 * genesis. A restored chain of up to `autoVerifyMaxBlocks` blocks is then verified in the background.
 * @throws Error when the options are invalid, or the store holds another chain, format or damage.
 */
export async function createLedgerEngine(options: LedgerEngineOptions): Promise<LedgerEngine> {
  const blockGasLimit = options.blockGasLimit ?? DEFAULT_BLOCK_GAS_LIMIT;
  if (blockGasLimit < 21_000n) throw new Error(`ledger blockGasLimit must be at least 21000, got ${blockGasLimit}`);
  const expected = { chainId: options.chainId, blockGasLimit, alloc: normaliseAlloc(options.alloc) };
  const store = options.store ?? new MemoryLedgerStore();
  const now = options.now ?? Date.now;
  const stored = await store.load();
  const engine = new Engine(store, now, expected, options.durability ?? 'batched');
  if (stored === undefined) {
    await engine.startAtGenesis();
  } else {
    const settings = fromStoredGenesis(stored.genesis);
    const mismatch = describeMismatch(settings, expected);
    if (mismatch !== undefined) {
      throw new Error(`${store.label} holds a chain with ${mismatch}: reset the ledger or open another store`);
    }
    await engine.restore(settings, stored, options.autoVerifyMaxBlocks ?? DEFAULT_AUTO_VERIFY_MAX_BLOCKS);
  }
  return engine;
}

class Engine implements LedgerEngine {
  private readonly queue = new SerialQueue();
  private readonly listeners = new Set<NewBlockListener>();
  private readonly writer: StoreWriter;
  private readonly filters = new FilterRegistry();
  private chain!: ChainState;
  private storeFailure: string | undefined;
  private verification: Verification = { state: 'not-run' };
  /** Stored with the chain (snapshots.ts): they outlive a reload or a restarted worker. */
  private snapshots: StoredSnapshots = NO_SNAPSHOTS;
  /** Interval mining: 0 = automine; otherwise transactions wait here for the timer's block. */
  private intervalMs = 0;
  private timer: ReturnType<typeof setInterval> | undefined;
  private mempool: { tx: TypedTransaction; hash: string; sender: string }[] = [];
  /** Keys eth_sendTransaction may sign with: memory only, kept across reset and import (unlocked-accounts.ts). */
  private readonly accounts = new UnlockedAccounts();
  /** Approximate bytes of the stored payload (headers, raw transactions, state nodes). */
  private recordBytes = 0;

  constructor(
    private readonly store: LedgerStore,
    private readonly now: () => number,
    private readonly settings: Omit<GenesisSettings, 'timestamp'>,
    private readonly durability: 'batched' | 'per-request',
  ) {
    // Batched: gather ~20 ms of blocks per IndexedDB transaction (the crash window stays tiny).
    this.writer = new StoreWriter(store, durability === 'batched' ? BATCH_GATHER_MS : 0);
  }

  get chainId(): number {
    return this.settings.chainId;
  }

  async startAtGenesis(): Promise<void> {
    const chain = await ChainState.create({ ...this.settings, timestamp: Math.floor(this.now() / 1000) });
    const records = toStoredRecords(chain.head, chain.nodeDb.drain());
    await this.store.commit({ clear: true, genesis: toStoredGenesis(chain.settings), blocks: [records], pendingEdits: [] });
    this.adopt(chain, records.state.nodes.length);
  }

  /** `autoVerifyMaxBlocks` undefined: leave the verification status as it is (evm_revert). */
  async restore(settings: GenesisSettings, stored: StoredChain, autoVerifyMaxBlocks?: number): Promise<void> {
    const chain = await ChainState.restore(settings, stored, this.store.label);
    const bytes = stored.blocks.reduce((sum, r) => sum + r.state.nodes.length + r.block.headerRlp.length, 0);
    this.adopt(chain, bytes);
    this.snapshots = restoredSnapshots(stored.snapshots, chain.head.number);
    if (autoVerifyMaxBlocks === undefined) return;
    if (stored.blocks.length <= autoVerifyMaxBlocks) this.verifyInBackground(stored);
    else this.verification = { state: 'skipped', reason: `more than ${autoVerifyMaxBlocks} blocks: run ledger_verify` };
  }

  async request(request: RpcRequest): Promise<unknown> {
    if (typeof request !== 'object' || request === null || typeof request.method !== 'string') {
      throw new LedgerRpcError(RPC_ERROR.invalidRequest, 'a request must be an object with a string "method"');
    }
    const { method } = request;
    const handler = Object.hasOwn(RPC_METHODS, method)
      ? RPC_METHODS[method]
      : Object.hasOwn(LEDGER_METHODS, method)
        ? LEDGER_METHODS[method]
        : undefined;
    if (handler === undefined) {
      throw new LedgerRpcError(RPC_ERROR.methodNotFound, `the method ${method} does not exist/is not available`);
    }
    const params = request.params ?? [];
    if (!Array.isArray(params)) throw new LedgerRpcError(RPC_ERROR.invalidParams, `${method}: params must be an array`);
    // Until the WASM keccak and recovery have loaded, a turn of the event loop per request, or a
    // caller that never yields would keep this chain on the JS paths for good (ledger-crypto.ts).
    if (!ledgerCryptoSettled()) await letLedgerCryptoLoad();
    // Verification re-executes the whole chain on its own copy: it must not hold the queue.
    if (method === 'ledger_verify') return this.verifyNow();
    if (method === 'ledger_flush') return this.flush();
    const writes: Promise<void>[] = [];
    const result = await this.queue.run(() => handler(this.contextFor(writes), params));
    if (this.durability === 'per-request') {
      await Promise.all(writes);
    } else {
      // A failed write is kept in storeFailure and refuses the next change; nobody awaits these.
      for (const write of writes) write.catch(() => undefined);
    }
    return result;
  }

  onNewBlock(listener: NewBlockListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  reset(): Promise<void> {
    return this.queue.run(async () => {
      await this.writer.idle();
      this.storeFailure = undefined;
      this.forgetSession();
      await this.startAtGenesis();
      this.verification = { state: 'not-run' };
    });
  }

  async idle(): Promise<void> {
    await this.queue.run(() => undefined);
    await this.writer.idle();
  }

  private adopt(chain: ChainState, bytes: number): void {
    this.chain = chain;
    this.recordBytes = bytes;
  }

  /** What a new chain starts without: filters, snapshots (the store is cleared with them), the mempool. */
  private forgetSession(): void {
    this.filters.clear();
    this.snapshots = NO_SNAPSHOTS;
    this.mempool = [];
  }

  private contextFor(writes: Promise<void>[]): MethodContext {
    const chain = this.chain;
    return {
      chain,
      filters: this.filters,
      nextTimestamp: () => this.nextTimestamp(),
      queuedFrom: (address) => this.mempool.filter((q) => q.sender === address).length,
      sendRawTransaction: async (raw) => {
        this.refuseWritesAfterStoreFailure();
        return this.submit(chain, decodeTransaction(chain, raw), writes);
      },
      sendTransaction: async (request) => {
        this.refuseWritesAfterStoreFailure();
        const from = request.from.toString();
        const account = this.accounts.get(from);
        if (account === undefined) throw notUnlocked(from);
        const queued = this.mempool.filter((q) => q.sender === from).length;
        const nonce = request.nonce ?? ((await chain.stateManager.getAccount(request.from))?.nonce ?? 0n) + BigInt(queued);
        const tx = signTransaction(chain, request, account, nonce, request.gas ?? chain.head.gasLimit);
        return this.submit(chain, tx, writes);
      },
      pendingTransaction: (hash) => {
        const queued = this.mempool.find((q) => q.hash === hash);
        return queued === undefined ? undefined : formatPendingTransaction(queued.tx, queued.hash, queued.sender);
      },
      accounts: () => this.accounts.addresses(),
      unlockAccount: (privateKey) => this.accounts.unlock(privateKey),
      lockAccount: (address) => this.accounts.lock(address?.toString()),
      setBalance: async (address: Address, wei: bigint) => {
        this.refuseWritesAfterStoreFailure();
        await chain.applyBalanceEdit({ address: address.toString(), balance: toQuantity(wei) });
        writes.push(this.persist({ pendingEdits: chain.pendingEdits }, 'balance edit'));
      },
      mine: async () => {
        this.refuseWritesAfterStoreFailure();
        const mined = await this.mineMempool();
        writes.push(this.persistBlock(mined));
        return mined;
      },
      setIntervalMining: (ms) => this.setIntervalMining(ms),
      snapshot: async (name) => {
        this.refuseWritesAfterStoreFailure();
        const { snapshots, taken } = takeSnapshot(this.snapshots, {
          name,
          blockNumber: chain.head.number,
          pendingEdits: chain.pendingEdits,
          now: this.now(),
        });
        this.snapshots = snapshots;
        // Answered once stored (a user's action, rare: "taken" means saved, even with batched
        // blocks). The writer is ordered, so its block is stored first: a stored snapshot always has its block.
        await this.persist({ snapshots }, `snapshot ${taken.id}`);
        return snapshotInfo(taken);
      },
      snapshots: () => this.snapshots.list.map(snapshotInfo),
      revert: async (id) => {
        const found = useUpSnapshot(this.snapshots, id);
        if (found === undefined) return false;
        this.refuseWritesAfterStoreFailure();
        const { snapshot, remaining } = found;
        this.mempool = [];
        // The store is the truth to go back to: truncate it (and drop the used-up snapshots in
        // the same commit), then restore from it as a reload would. (Rewinding in memory would
        // keep the dropped blocks' trie nodes in the node map, and a later block writing one of
        // them again would not store it.)
        await this.writer.idle();
        const number = snapshot.blockNumber;
        await this.persist({ truncateAbove: number, pendingEdits: snapshot.pendingEdits, snapshots: remaining }, `revert to block ${number}`);
        const stored = await this.store.load();
        if (stored === undefined) throw new Error(`${this.store.label} is empty after a revert`);
        await this.restore(chain.settings, stored);
        return true;
      },
      exportChain: () => exportChain(chain),
      importChain: async (text) => {
        // A bad file is the caller's error (-32602) with the reason, not an internal one.
        const { chain: imported, records } = await (async () => {
          const parsed = await parseExport(text);
          const mismatch = describeMismatch(parsed.genesis, this.settings);
          if (mismatch !== undefined) throw new Error(`ledger import: the file holds a chain with ${mismatch}`);
          return rebuildFromExport(parsed);
        })().catch((error: unknown) => {
          throw new LedgerRpcError(RPC_ERROR.invalidParams, error instanceof Error ? error.message : String(error));
        });
        await this.writer.idle();
        await this.store.commit({
          clear: true,
          genesis: toStoredGenesis(imported.settings),
          blocks: records,
          pendingEdits: imported.pendingEdits,
        });
        this.forgetSession();
        this.storeFailure = undefined;
        this.adopt(imported, records.reduce((sum, r) => sum + r.state.nodes.length + r.block.headerRlp.length, 0));
        this.verification = { state: 'not-run' };
        return { blocks: records.length, head: imported.head.hash };
      },
      lastVerification: () => this.verification,
      storageInfo: () => storageInfo(this.store, chain.blocks.length, this.recordBytes),
    };
  }

  /** Checks `tx` against the head, then mines it (automine) or queues it (interval mining); returns its hash. */
  private async submit(chain: ChainState, tx: TypedTransaction, writes: Promise<void>[]): Promise<string> {
    const hash = bytesToHex(tx.hash());
    if (this.mempool.some((q) => q.hash === hash)) throw serverError(`already known: ${hash}`);
    const sender = tx.getSenderAddress().toString();
    await checkTransaction(chain, tx, this.mempool.filter((q) => q.sender === sender).length);
    if (this.intervalMs > 0) {
      this.mempool.push({ tx, hash, sender });
      return hash;
    }
    const mined = await mineBlock(chain, [tx], this.nextTimestamp());
    writes.push(this.persistBlock(mined));
    return mined.transactions[0].hash;
  }

  /** Wall-clock seconds, but never before the head: block timestamps do not go backwards. */
  private nextTimestamp(): number {
    return Math.max(Math.floor(this.now() / 1000), this.chain.head.timestamp);
  }

  private async mineMempool(): Promise<MinedBlock> {
    const pending = this.mempool;
    this.mempool = [];
    // A queued transaction the block refuses (e.g. its value is no longer covered) is dropped.
    return mineBlock(
      this.chain,
      pending.map((q) => q.tx),
      this.nextTimestamp(),
      { dropRefused: () => undefined },
    );
  }

  private setIntervalMining(ms: number): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.intervalMs = ms;
    if (ms === 0) {
      // Back to automine: what was queued is mined now.
      if (this.mempool.length > 0) void this.queue.run(() => this.mineQueuedByTimer());
      return;
    }
    this.timer = setInterval(() => {
      if (this.mempool.length > 0) void this.queue.run(() => this.mineQueuedByTimer());
    }, ms);
    (this.timer as { unref?: () => void }).unref?.();
  }

  private async mineQueuedByTimer(): Promise<void> {
    if (this.mempool.length === 0 || this.storeFailure !== undefined) return;
    const mined = await this.mineMempool();
    await this.persistBlock(mined).catch(() => undefined); // the failure is kept in storeFailure
  }

  private persistBlock(mined: MinedBlock): Promise<void> {
    const records = toStoredRecords(mined, this.chain.nodeDb.drain());
    this.recordBytes += records.state.nodes.length + records.block.headerRlp.length;
    this.recordBytes += mined.transactions.reduce((sum, tx) => sum + tx.raw.length, 0);
    const write = this.persist({ blocks: [records], pendingEdits: [] }, `block ${mined.number}`);
    this.notify(mined);
    return write;
  }

  private persist(change: Parameters<StoreWriter['write']>[0], what: string): Promise<void> {
    return this.writer.write(change).catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      this.storeFailure ??= reason;
      throw new LedgerRpcError(
        RPC_ERROR.internal,
        `${what} was applied but the ledger store could not save it (${reason}); it will be lost on reload`,
      );
    });
  }

  /** After a failed write, the store lags behind the chain: refuse to grow the chain further from it. */
  private refuseWritesAfterStoreFailure(): void {
    if (this.storeFailure !== undefined) {
      throw new LedgerRpcError(
        RPC_ERROR.internal,
        `the ledger store failed (${this.storeFailure}); state changes are refused until the ledger is reset`,
      );
    }
  }

  /** ledger_flush: resolves once every change so far is in the store. */
  private async flush(): Promise<boolean> {
    await this.idle();
    if (this.storeFailure !== undefined) {
      throw new LedgerRpcError(RPC_ERROR.internal, `the ledger store failed (${this.storeFailure}); recent blocks are not saved`);
    }
    return true;
  }

  private async verifyNow(): Promise<unknown> {
    const stored = await this.queue.run(async () => {
      await this.writer.idle();
      return this.store.load();
    });
    if (stored === undefined) throw new LedgerRpcError(RPC_ERROR.internal, `${this.store.label} is empty`);
    const result = await verifyChain(stored);
    this.verification = { state: 'done', result };
    return result;
  }

  private verifyInBackground(stored: StoredChain): void {
    this.verification = { state: 'running' };
    void verifyChain(stored).then(
      (result) => {
        if (this.verification.state === 'running') this.verification = { state: 'done', result };
      },
      (error: unknown) => {
        this.verification = { state: 'failed', reason: error instanceof Error ? error.message : String(error) };
      },
    );
  }

  private notify(mined: MinedBlock): void {
    const event: NewBlockEvent = {
      number: mined.number,
      hash: mined.hash,
      parentHash: mined.parentHash,
      timestamp: mined.timestamp,
      transactionHashes: mined.transactions.map((tx) => tx.hash),
    };
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A listener's bug must not fail the transaction that was already mined.
      }
    }
  }
}
