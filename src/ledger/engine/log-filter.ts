/**
 * eth_getLogs. Scans the blocks in range; with one transaction per block a linear scan over
 * in-memory logs is cheaper than testing each block's bloom filter.
 */
import type { ChainState, MinedBlock } from './chain-state.js';
import { parseAddress, parseBlockTag, parseHash } from './hex-codec.js';
import { invalidParams } from './rpc-error.js';
import { formatLog, type RpcObject } from './rpc-format.js';

export interface LogFilter {
  /** Lower-case addresses; empty = any. */
  addresses: Set<string>;
  /** Per position: null = any, else the set of accepted lower-case topics. */
  topics: (Set<string> | null)[];
}

export function parseLogFilter(value: unknown): LogFilter {
  const filter = asObject(value);
  const addresses = new Set<string>();
  const rawAddress = filter.address;
  if (rawAddress !== undefined && rawAddress !== null) {
    const list = Array.isArray(rawAddress) ? rawAddress : [rawAddress];
    list.forEach((item, i) => addresses.add(parseAddress(item, `filter.address[${i}]`).toString()));
  }
  const rawTopics = filter.topics ?? [];
  if (!Array.isArray(rawTopics)) throw invalidParams('eth_getLogs: filter.topics must be an array');
  if (rawTopics.length > 4) throw invalidParams('eth_getLogs: filter.topics has more than 4 positions');
  const topics = rawTopics.map((position, i) => {
    if (position === null || position === undefined) return null;
    const options = Array.isArray(position) ? position : [position];
    return new Set(options.map((topic, j) => parseHash(topic, `filter.topics[${i}][${j}]`)));
  });
  return { addresses, topics };
}

/** The blocks a filter covers: `blockHash`, or `fromBlock`..`toBlock` (both default to latest). */
export function filterBlocks(chain: ChainState, value: unknown): MinedBlock[] {
  const filter = asObject(value);
  if (filter.blockHash !== undefined && filter.blockHash !== null) {
    if (filter.fromBlock != null || filter.toBlock != null) {
      throw invalidParams('eth_getLogs: blockHash cannot be combined with fromBlock/toBlock');
    }
    return [chain.resolveBlock({ kind: 'hash', hash: parseHash(filter.blockHash, 'filter.blockHash') })];
  }
  const from = numberOf(chain, parseBlockTag(filter.fromBlock, 'filter.fromBlock'));
  const to = Math.min(numberOf(chain, parseBlockTag(filter.toBlock, 'filter.toBlock')), chain.head.number);
  if (from > to) return [];
  return chain.blocks.slice(from, to + 1);
}

export function collectLogs(blocks: MinedBlock[], filter: LogFilter): RpcObject[] {
  const result: RpcObject[] = [];
  for (const mined of blocks) {
    for (const mtx of mined.transactions) {
      for (const log of mtx.receipt.logs) {
        if (filter.addresses.size > 0 && !filter.addresses.has(log.address)) continue;
        if (!filter.topics.every((accepted, i) => accepted === null || accepted.has(log.topics[i]))) continue;
        result.push(formatLog(mined, mtx, log));
      }
    }
  }
  return result;
}

function numberOf(chain: ChainState, tag: ReturnType<typeof parseBlockTag>): number {
  if (tag.kind === 'number') return Number(tag.number);
  return chain.resolveBlock(tag).number;
}

function asObject(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidParams('eth_getLogs: the filter must be an object');
  }
  return value as Record<string, unknown>;
}
