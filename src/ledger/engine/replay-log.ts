/**
 * Rebuilds a chain from its store log. Replay re-executes every block at its stored timestamp
 * and checks that each block hash comes out as stored, so a divergence (a changed engine, a
 * corrupted log) stops the load with an error naming the block instead of showing wrong state.
 */
import { Address, hexToBytes } from '@ethereumjs/util';
import type { GenesisEntry, LedgerLogEntry } from '../store/ledger-store.js';
import { LEDGER_LOG_FORMAT } from '../store/ledger-store.js';
import type { GenesisSettings } from './chain-config.js';
import { ChainState } from './chain-state.js';
import { toQuantity } from './hex-codec.js';
import { decodeTransaction, mineBlock } from './mine-transaction.js';
import { applyBalance } from './set-balance.js';

export function genesisEntry(chain: ChainState): GenesisEntry {
  const { chainId, blockGasLimit, timestamp, alloc } = chain.settings;
  return {
    kind: 'genesis',
    format: LEDGER_LOG_FORMAT,
    chainId,
    blockGasLimit: toQuantity(blockGasLimit),
    timestamp,
    alloc: Object.fromEntries(Object.entries(alloc).map(([address, wei]) => [address, toQuantity(wei)])),
    hash: chain.head.hash,
  };
}

/**
 * @param expected the settings the caller asked for; the stored genesis must match them.
 * @throws Error naming the store and the first entry that does not replay.
 */
export async function replayLog(
  entries: LedgerLogEntry[],
  expected: Omit<GenesisSettings, 'timestamp'>,
  storeLabel: string,
): Promise<ChainState> {
  const [first, ...rest] = entries;
  if (first?.kind !== 'genesis') throw new Error(`${storeLabel}: the log does not start with a genesis entry`);
  if (first.format !== LEDGER_LOG_FORMAT) throw new Error(`${storeLabel}: log format ${first.format} is not supported`);
  const settings: GenesisSettings = {
    chainId: first.chainId,
    blockGasLimit: BigInt(first.blockGasLimit),
    timestamp: first.timestamp,
    alloc: Object.fromEntries(Object.entries(first.alloc).map(([address, wei]) => [address, BigInt(wei)])),
  };
  const mismatch = describeMismatch(settings, expected);
  if (mismatch !== undefined) {
    throw new Error(`${storeLabel} holds a chain with ${mismatch}: reset the ledger or open another store`);
  }
  const chain = await ChainState.create(settings);
  if (chain.head.hash !== first.hash) throw divergence(storeLabel, 0, first.hash, chain.head.hash);
  for (const entry of rest) {
    if (entry.kind === 'setBalance') {
      await applyBalance(chain, new Address(hexToBytes(entry.address as `0x${string}`)), BigInt(entry.balance));
    } else if (entry.kind === 'block') {
      // No checkTransaction here: it judges each transaction against the state before the block,
      // and the builder re-validates every transaction anyway.
      let mined;
      try {
        const txs = entry.transactions.map((raw) => decodeTransaction(chain, hexToBytes(raw as `0x${string}`)));
        mined = await mineBlock(chain, txs, entry.timestamp);
      } catch (error) {
        throw new Error(`${storeLabel}: block ${entry.number} does not replay: ${(error as Error).message}`);
      }
      if (mined.number !== entry.number || mined.hash !== entry.hash) {
        throw divergence(storeLabel, entry.number, entry.hash, `${mined.hash} at height ${mined.number}`);
      }
    } else {
      throw new Error(`${storeLabel}: unexpected ${entry.kind} entry after genesis`);
    }
  }
  return chain;
}

function describeMismatch(stored: GenesisSettings, expected: Omit<GenesisSettings, 'timestamp'>): string | undefined {
  if (stored.chainId !== expected.chainId) return `chainId ${stored.chainId}, not ${expected.chainId}`;
  if (stored.blockGasLimit !== expected.blockGasLimit) {
    return `block gas limit ${stored.blockGasLimit}, not ${expected.blockGasLimit}`;
  }
  const storedAlloc = JSON.stringify(sortedAlloc(stored.alloc));
  if (storedAlloc !== JSON.stringify(sortedAlloc(expected.alloc))) return `a different genesis alloc (${storedAlloc})`;
  return undefined;
}

function sortedAlloc(alloc: Record<string, bigint>): [string, string][] {
  return Object.entries(alloc)
    .map(([address, wei]): [string, string] => [address, wei.toString()])
    .sort(([a], [b]) => a.localeCompare(b));
}

function divergence(storeLabel: string, number: number, stored: string, replayed: string): Error {
  return new Error(`${storeLabel}: replay of block ${number} gave ${replayed}, the store says ${stored}`);
}
