/**
 * MinedBlock <-> the three records stored per block. The same `toStoredRecords` serves mining
 * (what is written) and verification (what the stored records must equal), so any difference
 * between them is damage, not a formatting drift.
 */
import { hexToBytes } from '@ethereumjs/util';
import type { BlockRecords, StoredGenesis } from '../store/ledger-store.js';
import { LEDGER_STORE_FORMAT } from '../store/ledger-store.js';
import type { MinedBlock } from './block-record.js';
import type { GenesisSettings } from './chain-config.js';
import { toQuantity } from './hex-codec.js';

export function toStoredRecords(mined: MinedBlock, nodes: Uint8Array): BlockRecords {
  return {
    block: {
      number: mined.number,
      hash: mined.hash,
      preEdits: mined.preEdits,
      headerRlp: mined.headerRlp,
      header: mined.header,
      transactions: mined.transactions.map(({ receipt: _receipt, ...tx }) => tx),
    },
    receipts: { number: mined.number, receipts: mined.transactions.map((tx) => tx.receipt) },
    state: { number: mined.number, nodes },
  };
}

/** Rebuilds the in-memory record of a block from what was stored: no execution. */
export function fromStoredRecords({ block, receipts }: BlockRecords): MinedBlock {
  const h = block.header;
  return {
    number: block.number,
    hash: block.hash,
    parentHash: h.parentHash,
    timestamp: Number(h.timestamp),
    gasUsed: BigInt(h.gasUsed),
    gasLimit: BigInt(h.gasLimit),
    stateRoot: hexToBytes(h.stateRoot as `0x${string}`),
    header: h,
    headerRlp: block.headerRlp,
    preEdits: block.preEdits,
    transactions: block.transactions.map((tx, i) => {
      const receipt = receipts.receipts[i];
      if (receipt === undefined) throw new Error(`block ${block.number}: transaction ${i} has no stored receipt`);
      return { ...tx, receipt };
    }),
  };
}

export function toStoredGenesis(settings: GenesisSettings): StoredGenesis {
  return {
    format: LEDGER_STORE_FORMAT,
    chainId: settings.chainId,
    blockGasLimit: toQuantity(settings.blockGasLimit),
    timestamp: settings.timestamp,
    alloc: Object.fromEntries(Object.entries(settings.alloc).map(([address, wei]) => [address, toQuantity(wei)])),
  };
}

export function fromStoredGenesis(genesis: StoredGenesis): GenesisSettings {
  return {
    chainId: genesis.chainId,
    blockGasLimit: BigInt(genesis.blockGasLimit),
    timestamp: genesis.timestamp,
    alloc: Object.fromEntries(Object.entries(genesis.alloc).map(([address, wei]) => [address, BigInt(wei)])),
  };
}

/** Why `stored` cannot serve a caller that asked for `expected`, or undefined when it can. */
export function describeMismatch(
  stored: GenesisSettings,
  expected: Omit<GenesisSettings, 'timestamp'>,
): string | undefined {
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
