/**
 * The bare EVM rate: the same signed transactions through @ethereumjs/vm's runTx on the same
 * kind of state (Merkle state manager with caches, cancun, zero base fee), with no block
 * building, no state roots, no receipts, no persistence and no RPC. Browser-safe.
 */
import { createBlock } from '@ethereumjs/block';
import { MerkleStateManager, Caches } from '@ethereumjs/statemanager';
import { createTxFromRLP } from '@ethereumjs/tx';
import { Address, bytesToHex, createAccount, hexToBytes } from '@ethereumjs/util';
import { createVM, runTx } from '@ethereumjs/vm';
import { createLedgerCommon } from '../src/ledger/engine/chain-config.js';
import { installJumpAnalysisCache } from '../src/ledger/engine/jump-analysis-cache.js';
import { ledgerKeccak256, loadKeccak } from '../src/ledger/engine/keccak.js';
import { loadSenderRecovery } from '../src/ledger/engine/sender-recovery.js';
import { runTxDirect } from './evm-direct.js';

export interface BareResult {
  count: number;
  /** Decoding, sender recovery and runTx of the timed transactions. */
  ms: number;
  /** The part of `ms` spent recovering senders from signatures (secp256k1). */
  recoverMs: number;
  /** Which secp256k1 recovered the senders: the ledger's (WASM when it loads) or plain JS. */
  recovery: 'wasm-libsecp256k1' | 'js-noble';
  gas: bigint;
  /** Gas used by each timed transaction, in order (to check a candidate against runTx). */
  gasPerTx: bigint[];
}

export interface BareOptions {
  /** Recover senders with @ethereumjs's plain-JS default instead of the ledger's. */
  jsRecovery?: boolean;
  /** Run transactions on @ethereumjs/evm directly (bench/evm-direct.ts) instead of the VM's runTx. */
  direct?: boolean;
}

/**
 * Runs `setup` (untimed: the deployment) then `timed` transactions, one runTx each, all in the
 * context of one block header. Senders are recovered as the ledger recovers them (libsecp256k1
 * in WASM when it loads), or with @ethereumjs's plain-JS default when `jsRecovery`.
 */
export async function runBareEvm(
  chainId: number,
  alloc: Record<string, bigint>,
  setup: string[],
  timed: string[],
  options: BareOptions = {},
): Promise<BareResult> {
  const bare = await createBareEvm(chainId, alloc, setup, options);
  return bare.run(timed);
}

/** A bare EVM kept between runs: each `run` times more transactions on the state the last one left. */
export interface BareEvm {
  run(timed: string[]): Promise<BareResult>;
  /** The state root of everything run so far (hex). */
  stateRoot(): Promise<string>;
  /** An account as eth_getProof reports it (hex fields), or undefined when absent. */
  account(address: string): Promise<{ nonce: string; balance: string; codeHash: string; storageHash: string } | undefined>;
}

/** The state after `setup` (untimed), ready to time transactions in chunks (see runBareEvm). */
export async function createBareEvm(
  chainId: number,
  alloc: Record<string, bigint>,
  setup: string[],
  options: BareOptions = {},
): Promise<BareEvm> {
  const loaded = await loadSenderRecovery();
  await loadKeccak(); // hash as the ledger does (WASM when it loads)
  // Analyse code as the ledger does (once per contract): the ratio full / bare then measures
  // what the ledger adds around the EVM, not what the EVM saves. (In Node the ledger in the
  // same process installs it anyway: it patches the interpreter's prototype.)
  await installJumpAnalysisCache();
  const recovery = options.jsRecovery ? 'js-noble' : loaded.implementation;
  const common = options.jsRecovery ? createLedgerCommon(chainId, { keccak256: ledgerKeccak256 }) : createLedgerCommon(chainId);
  const stateManager = new MerkleStateManager({ common, caches: new Caches() });
  for (const [address, wei] of Object.entries(alloc)) {
    await stateManager.putAccount(new Address(hexToBytes(address as `0x${string}`)), createAccount({ nonce: 0n, balance: wei }));
  }
  const vm = await createVM({ common, stateManager });
  const block = createBlock(
    {
      header: {
        number: 1n,
        gasLimit: 30_000_000n,
        timestamp: BigInt(Math.floor(Date.now() / 1000)),
        baseFeePerGas: 0n,
        excessBlobGas: 0n,
        blobGasUsed: 0n,
        parentBeaconBlockRoot: new Uint8Array(32),
      },
    },
    { common },
  );
  let recoverMs = 0;
  const run = async (raw: string) => {
    const tx = createTxFromRLP(hexToBytes(raw as `0x${string}`), { common });
    const recoverStart = performance.now();
    tx.getSenderAddress(); // cached on the frozen tx: runTx does not recover it again
    recoverMs += performance.now() - recoverStart;
    if (options.direct) {
      const result = await runTxDirect(vm, tx, block);
      if (result.status !== 1) throw new Error('bare EVM (direct): transaction failed');
      return result.gasUsed;
    }
    const result = await runTx(vm, { tx, block, skipBlockGasLimitValidation: true });
    if (result.execResult.exceptionError) throw new Error(`bare EVM: transaction failed: ${result.execResult.exceptionError.error}`);
    return result.totalGasSpent;
  };
  for (const raw of setup) await run(raw);
  return {
    async run(timed) {
      recoverMs = 0;
      const gasPerTx: bigint[] = [];
      const started = performance.now();
      for (const raw of timed) gasPerTx.push(await run(raw));
      const ms = performance.now() - started;
      return { count: timed.length, ms, recoverMs, gas: gasPerTx.reduce((a, b) => a + b, 0n), gasPerTx, recovery };
    },
    async stateRoot() {
      await stateManager.flush();
      return bytesToHex(await stateManager.getStateRoot());
    },
    async account(address) {
      await stateManager.flush();
      const account = await stateManager.getAccount(new Address(hexToBytes(address as `0x${string}`)));
      if (account === undefined) return undefined;
      const hex = (n: bigint) => `0x${n.toString(16)}`;
      return { nonce: hex(account.nonce), balance: hex(account.balance), codeHash: bytesToHex(account.codeHash), storageHash: bytesToHex(account.storageRoot) };
    },
  };
}
