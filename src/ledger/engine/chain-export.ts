/**
 * Export and import of a chain as an NDJSON document: a header line (genesis settings), one
 * line per block (timestamp, faucet edits, raw signed transactions, the hash it must have), a
 * line of pending faucet edits, and a last line with the SHA-256 of every byte before it.
 * Only inputs are exported: import re-executes every block and checks each hash, so an import
 * is verified by construction and the file stays small (receipts and state are recomputed).
 */
import { bytesToHex, hexToBytes } from '@ethereumjs/util';
import type { BalanceEdit, BlockRecords } from '../store/ledger-store.js';
import type { GenesisSettings } from './chain-config.js';
import { ChainState } from './chain-state.js';
import { reexecuteBlock, type BlockInput } from './mine-transaction.js';
import { fromStoredGenesis, toStoredGenesis, toStoredRecords } from './stored-records.js';

export const EXPORT_KIND = 'chainflow-ledger-export';
export const EXPORT_VERSION = 1;

interface ExportHeader {
  kind: typeof EXPORT_KIND;
  version: number;
  chainId: number;
  blockGasLimit: string;
  timestamp: number;
  alloc: Record<string, string>;
  blocks: number;
  head: string;
}

interface ExportBlock {
  number: number;
  hash: string;
  timestamp: number;
  preEdits: BalanceEdit[];
  transactions: string[];
}

export interface ParsedExport {
  genesis: GenesisSettings;
  blocks: (BlockInput & { hash: string })[];
  pendingEdits: BalanceEdit[];
}

export async function exportChain(chain: ChainState): Promise<string> {
  const genesis = toStoredGenesis(chain.settings);
  const header: ExportHeader = {
    kind: EXPORT_KIND,
    version: EXPORT_VERSION,
    chainId: genesis.chainId,
    blockGasLimit: genesis.blockGasLimit,
    timestamp: genesis.timestamp,
    alloc: genesis.alloc,
    blocks: chain.blocks.length,
    head: chain.head.hash,
  };
  const lines = [JSON.stringify(header)];
  for (const mined of chain.blocks.slice(1)) {
    const line: ExportBlock = {
      number: mined.number,
      hash: mined.hash,
      timestamp: mined.timestamp,
      preEdits: mined.preEdits,
      transactions: mined.transactions.map((tx) => bytesToHex(tx.raw)),
    };
    lines.push(JSON.stringify(line));
  }
  lines.push(JSON.stringify({ pendingEdits: chain.pendingEdits }));
  const body = lines.join('\n') + '\n';
  return `${body}${JSON.stringify({ sha256: await sha256Hex(body) })}\n`;
}

/**
 * @throws Error saying what is wrong: not an export, another version, a bad checksum, a bad line.
 */
export async function parseExport(text: string): Promise<ParsedExport> {
  if (typeof text !== 'string') throw new Error('ledger import: the file content must be text');
  const trimmed = text.endsWith('\n') ? text.slice(0, -1) : text;
  const cut = trimmed.lastIndexOf('\n');
  if (cut < 0) throw new Error('ledger import: not a ChainFlow ledger export (no checksum line)');
  const body = trimmed.slice(0, cut + 1);
  const trailer = parseLine(trimmed.slice(cut + 1), 'checksum line') as { sha256?: unknown };
  if (typeof trailer.sha256 !== 'string') throw new Error('ledger import: the last line must hold the sha256');
  const actual = await sha256Hex(body);
  if (actual !== trailer.sha256) {
    throw new Error(
      `ledger import: checksum mismatch (the file says ${trailer.sha256}, its content hashes to ${actual}): the file is damaged or was edited`,
    );
  }
  const lines = body.slice(0, -1).split('\n');
  const header = parseLine(lines[0], 'line 1') as Partial<ExportHeader>;
  if (header.kind !== EXPORT_KIND) throw new Error('ledger import: not a ChainFlow ledger export');
  if (header.version !== EXPORT_VERSION) {
    throw new Error(`ledger import: export version ${String(header.version)} is not supported (this reads ${EXPORT_VERSION})`);
  }
  const genesis = fromStoredGenesis({
    format: 0,
    chainId: header.chainId!,
    blockGasLimit: header.blockGasLimit!,
    timestamp: header.timestamp!,
    alloc: header.alloc ?? {},
  });
  const blockLines = lines.slice(1, -1);
  if (blockLines.length !== (header.blocks ?? 0) - 1) {
    throw new Error(`ledger import: the header announces ${header.blocks} blocks, the file has ${blockLines.length + 1}`);
  }
  const blocks = blockLines.map((line, i) => {
    const block = parseLine(line, `line ${i + 2}`) as ExportBlock;
    return {
      number: block.number,
      hash: block.hash,
      timestamp: block.timestamp,
      preEdits: block.preEdits ?? [],
      transactions: block.transactions.map((raw) => hexToBytes(raw as `0x${string}`)),
    };
  });
  const pending = parseLine(lines[lines.length - 1], `line ${lines.length}`) as { pendingEdits?: BalanceEdit[] };
  return { genesis, blocks, pendingEdits: pending.pendingEdits ?? [] };
}

/**
 * Builds the chain an export describes by re-executing it, with the records to store.
 * @throws Error naming the first block that does not re-execute to its exported hash.
 */
export async function rebuildFromExport(parsed: ParsedExport): Promise<{ chain: ChainState; records: BlockRecords[] }> {
  const chain = await ChainState.create(parsed.genesis);
  const records = [toStoredRecords(chain.head, chain.nodeDb.drain())];
  for (const block of parsed.blocks) {
    let hash: string;
    try {
      const mined = await reexecuteBlock(chain, block);
      records.push(toStoredRecords(mined, chain.nodeDb.drain()));
      hash = mined.hash;
    } catch (error) {
      throw new Error(`ledger import: block ${block.number} does not re-execute: ${(error as Error).message}`);
    }
    if (hash !== block.hash) {
      throw new Error(`ledger import: block ${block.number} re-executes to ${hash}, the file says ${block.hash}`);
    }
  }
  for (const edit of parsed.pendingEdits) await chain.applyBalanceEdit(edit);
  return { chain, records };
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return bytesToHex(new Uint8Array(digest));
}

function parseLine(line: string, where: string): unknown {
  try {
    const value: unknown = JSON.parse(line);
    if (typeof value !== 'object' || value === null) throw new Error('not an object');
    return value;
  } catch (error) {
    throw new Error(`ledger import: ${where} is not valid JSON (${(error as Error).message})`);
  }
}
