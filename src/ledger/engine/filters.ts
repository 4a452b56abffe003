/**
 * Polling filters (eth_newFilter, eth_newBlockFilter, eth_getFilterChanges, eth_getFilterLogs,
 * eth_uninstallFilter), as geth keeps them: in memory, per ledger, gone after a reload or reset.
 * A filter remembers the last block it reported; after evm_revert it restarts from the new head.
 */
import type { ChainState } from './chain-state.js';
import { toQuantity } from './hex-codec.js';
import { collectLogs, filterBlocks, parseLogFilter, type LogFilter } from './log-filter.js';
import { invalidParams, serverError } from './rpc-error.js';
import type { RpcObject } from './rpc-format.js';

type Filter =
  | { kind: 'block'; lastSeen: number }
  | { kind: 'logs'; lastSeen: number; raw: Record<string, unknown>; filter: LogFilter; toBlock: number | undefined };

export class FilterRegistry {
  private readonly filters = new Map<string, Filter>();
  private nextId = 1;

  newBlockFilter(chain: ChainState): string {
    return this.add({ kind: 'block', lastSeen: chain.head.number });
  }

  /** Changes of a log filter start after the head, or at its fromBlock when one is given. */
  newLogFilter(chain: ChainState, value: unknown): string {
    const filter = parseLogFilter(value);
    const raw = value as Record<string, unknown>;
    if (raw.blockHash != null) throw invalidParams('eth_newFilter: blockHash is not supported in a filter');
    // Resolves the range now so a bad tag fails here, not on the first poll.
    const range = filterBlocks(chain, raw);
    const fromGiven = raw.fromBlock != null && raw.fromBlock !== 'latest' && raw.fromBlock !== 'pending';
    const lastSeen = fromGiven ? (range[0]?.number ?? chain.head.number + 1) - 1 : chain.head.number;
    const toGiven = raw.toBlock != null && raw.toBlock !== 'latest' && raw.toBlock !== 'pending';
    const toBlock = toGiven ? Number(BigInt(raw.toBlock as string)) : undefined;
    return this.add({ kind: 'logs', lastSeen, raw, filter, toBlock });
  }

  /** Block hashes or logs since the last poll. */
  changes(chain: ChainState, id: unknown): string[] | RpcObject[] {
    const filter = this.get(id);
    const head = chain.head.number;
    const from = Math.min(filter.lastSeen, head) + 1;
    const to = filter.kind === 'logs' && filter.toBlock !== undefined ? Math.min(filter.toBlock, head) : head;
    filter.lastSeen = head;
    const blocks = from <= to ? chain.blocks.slice(from, to + 1) : [];
    if (filter.kind === 'block') return blocks.map((b) => b.hash);
    return collectLogs(blocks, filter.filter);
  }

  /** Every log a log filter matches, regardless of polling. */
  logs(chain: ChainState, id: unknown): RpcObject[] {
    const filter = this.get(id);
    if (filter.kind !== 'logs') throw invalidParams(`eth_getFilterLogs: filter ${String(id)} is a block filter`);
    return collectLogs(filterBlocks(chain, filter.raw), filter.filter);
  }

  uninstall(id: unknown): boolean {
    return typeof id === 'string' && this.filters.delete(id.toLowerCase());
  }

  clear(): void {
    this.filters.clear();
  }

  private add(filter: Filter): string {
    const id = toQuantity(this.nextId++);
    this.filters.set(id, filter);
    return id;
  }

  private get(id: unknown): Filter {
    const filter = typeof id === 'string' ? this.filters.get(id.toLowerCase()) : undefined;
    // geth's wording, which ethers recognises to re-create a lost filter.
    if (filter === undefined) throw serverError('filter not found');
    return filter;
  }
}
