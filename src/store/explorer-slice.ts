/**
 * The explorer's data: the latest blocks with their transactions and receipts, the accounts of
 * the workspace, and search results. Raw chain data only; the panel decodes it into words with
 * the deployment's ABIs (src/panels/explorer). The readers (and ethers with them) are loaded on
 * first use, when the explorer opens.
 */
import type { ChainTx, SearchQuery } from '../panels/explorer/describe-transaction.js';
import type { AccountRow, BlockRow } from '../panels/explorer/read-chain.js';
import { errorMessage, type SliceContext } from './store-types.js';

/** How many of the latest blocks the explorer keeps. */
export const EXPLORER_BLOCKS = 25;

export interface ExplorerSearch {
  text: string;
  status: 'searching' | 'done' | 'failed';
  kind?: 'tx' | 'block' | 'address' | 'instance';
  /** Transactions found, in chain order (their data is in explorerTxs). */
  txHashes: string[];
  block?: BlockRow;
  account?: AccountRow;
  /** Why nothing was found (an i18n key under explorer.search) or the error's message. */
  reason?: 'empty' | 'unknown-process' | 'not-understood' | 'not-found';
  error?: string;
}

export interface ExplorerState {
  explorerStatus: 'idle' | 'loading' | 'ready' | 'failed';
  explorerError?: string;
  /** Newest first. */
  explorerBlocks: BlockRow[];
  /** Transaction hash -> transaction with receipt. */
  explorerTxs: Record<string, ChainTx>;
  explorerAccounts: AccountRow[];
  explorerSearch?: ExplorerSearch;
  /** The ledger epoch the blocks were read from (a reset ledger makes them stale). */
  explorerEpoch: number;
}

export const initialExplorerState: ExplorerState = {
  explorerStatus: 'idle',
  explorerBlocks: [],
  explorerTxs: {},
  explorerAccounts: [],
  explorerEpoch: -1,
};

const readers = () => import('../panels/explorer/read-chain.js');

export function explorerActions({ get, set, services }: SliceContext) {
  let running: Promise<void> | undefined;
  let again = false;

  /** Every account the workspace knows: operator, participants, deployed contracts. */
  function accountAddresses(): string[] {
    const { workspace, deployment } = get();
    const list = [
      deployment?.record.deployer,
      ...(workspace?.participants.map((p) => p.address) ?? []),
      deployment?.record.registry.address,
      ...Object.values(deployment?.record.processes ?? {}).map((p) => p.address),
    ].filter((a): a is string => Boolean(a));
    return [...new Map(list.map((a) => [a.toLowerCase(), a])).values()];
  }

  const addTxs = (txs: ChainTx[]) => set((s) => ({ explorerTxs: { ...s.explorerTxs, ...Object.fromEntries(txs.map((t) => [t.hash, t])) } }));

  async function load(): Promise<void> {
    const epoch = get().ledgerEpoch;
    const [provider, read] = await Promise.all([services.chain.provider(), readers()]);
    const latest = await provider.getBlockNumber();
    const current = get().explorerEpoch === epoch ? get().explorerBlocks : [];
    const newest = current[0]?.number ?? -1;
    const from = Math.max(latest - EXPLORER_BLOCKS + 1, newest + 1, 0);
    const [{ blocks, txs }, accounts] = await Promise.all([
      from <= latest ? read.readBlocks(provider, from, latest) : { blocks: [], txs: [] },
      read.readAccounts(provider, accountAddresses()),
    ]);
    if (get().ledgerEpoch !== epoch) return; // reset meanwhile: the next refresh reads the new chain
    const merged = [...blocks, ...current.filter((b) => b.number <= latest)].slice(0, EXPLORER_BLOCKS);
    set((s) => ({
      explorerBlocks: merged,
      explorerTxs: { ...(s.explorerEpoch === epoch ? s.explorerTxs : {}), ...Object.fromEntries(txs.map((t) => [t.hash, t])) },
      explorerAccounts: accounts,
      explorerEpoch: epoch,
      explorerStatus: 'ready',
      explorerError: undefined,
    }));
  }

  const actions = {
    /** Reads new blocks and the accounts; overlapping calls run once more at the end. */
    refresh(): Promise<void> {
      if (running) {
        again = true;
        return running;
      }
      if (get().explorerStatus !== 'ready') set({ explorerStatus: 'loading' });
      running = (async () => {
        do {
          again = false;
          try {
            await load();
          } catch (e) {
            set({ explorerStatus: 'failed', explorerError: errorMessage(e) });
          }
        } while (again);
        running = undefined;
      })();
      return running;
    },

    /** Runs a parsed search (see parseSearch); `text` is what the user typed. */
    async search(text: string, query: SearchQuery): Promise<void> {
      const result = (r: Omit<ExplorerSearch, 'text' | 'txHashes'> & { txHashes?: string[] }) =>
        set({ explorerSearch: { text, txHashes: [], ...r } });
      if (query.kind === 'invalid') return result({ status: 'done', reason: query.reason });
      result({ status: 'searching' });
      try {
        const [provider, read] = await Promise.all([services.chain.provider(), readers()]);
        if (query.kind === 'hash') {
          const tx = await read.readTransaction(provider, query.hash);
          if (tx) {
            addTxs([tx]);
            return result({ status: 'done', kind: 'tx', txHashes: [tx.hash] });
          }
          const block = await read.readBlock(provider, query.hash);
          if (!block) return result({ status: 'done', reason: 'not-found' });
          addTxs(block.txs);
          return result({ status: 'done', kind: 'block', block: block.blocks[0], txHashes: block.txs.map((t) => t.hash) });
        }
        if (query.kind === 'block') {
          const block = await read.readBlock(provider, query.number);
          if (!block) return result({ status: 'done', reason: 'not-found' });
          addTxs(block.txs);
          return result({ status: 'done', kind: 'block', block: block.blocks[0], txHashes: block.txs.map((t) => t.hash) });
        }
        if (query.kind === 'address') {
          const [account] = await read.readAccounts(provider, [query.address]);
          const lower = query.address.toLowerCase();
          const txHashes = Object.values(get().explorerTxs)
            .filter((t) => t.from.toLowerCase() === lower || t.to?.toLowerCase() === lower || t.contractAddress?.toLowerCase() === lower)
            .sort((a, b) => a.blockNumber - b.blockNumber)
            .map((t) => t.hash);
          return result({ status: 'done', kind: 'address', account, txHashes });
        }
        const deployment = get().deployment;
        const addresses = query.processIds.map((id) => deployment?.record.processes[id]?.address).filter((a): a is string => Boolean(a));
        const fromBlock = Math.min(...query.processIds.map((id) => deployment?.record.processes[id]?.blockNumber ?? 0));
        const hashes = addresses.length ? await read.readInstanceTxHashes(provider, addresses, query.instanceId, fromBlock) : [];
        const txs = (await Promise.all(hashes.map((h) => read.readTransaction(provider, h)))).filter((t): t is ChainTx => Boolean(t));
        addTxs(txs);
        if (!txs.length) return result({ status: 'done', kind: 'instance', reason: 'not-found' });
        return result({ status: 'done', kind: 'instance', txHashes: txs.map((t) => t.hash) });
      } catch (e) {
        result({ status: 'failed', error: errorMessage(e) });
      }
    },

    clearSearch(): void {
      set({ explorerSearch: undefined });
    },
  };
  return actions;
}

export type ExplorerActions = ReturnType<typeof explorerActions>;
