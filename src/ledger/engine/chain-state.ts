/**
 * The in-memory chain: the VM and its Merkle state, a compact record of every mined block, and
 * lookups by hash. One instance per chain; a reset builds a new one. Not safe for concurrent
 * use: the engine serialises every request through one queue.
 */
import { Block, createBlockHeaderFromRLP } from '@ethereumjs/block';
import type { Common } from '@ethereumjs/common';
import type { EVMMockBlockchainInterface } from '@ethereumjs/evm';
import { MerklePatriciaTrie } from '@ethereumjs/mpt';
import { Caches, MerkleStateManager } from '@ethereumjs/statemanager';
import { Address, createAccount, hexToBytes, ValueEncoding } from '@ethereumjs/util';
import { createVM, type VM } from '@ethereumjs/vm';
import type { BalanceEdit, StoredChain } from '../store/ledger-store.js';
import { recordBlock, type MinedBlock, type MinedTransaction } from './block-record.js';
import { createGenesisBlock, createLedgerCommon, writeAlloc, type GenesisSettings } from './chain-config.js';
import type { BlockTag } from './hex-codec.js';
import { installJumpAnalysisCache } from './jump-analysis-cache.js';
import { loadLedgerCrypto } from './ledger-crypto.js';
import { LedgerTrie } from './ledger-trie.js';
import { serverError } from './rpc-error.js';
import { JournaledNodeDb, unpackNodes } from './state-nodes.js';
import { fromStoredRecords } from './stored-records.js';

export type { MinedBlock, MinedLog, MinedReceipt, MinedTransaction } from './block-record.js';

export class ChainState {
  readonly blocks: MinedBlock[] = [];
  private readonly blockNumberByHash = new Map<string, number>();
  private readonly txByHash = new Map<string, { block: MinedBlock; tx: MinedTransaction }>();
  /** The head as an ethereumjs Block: the parent the next block is built on. */
  private headObject!: Block;
  /** Faucet edits applied since the head block; the next block records them as its preEdits. */
  pendingEdits: BalanceEdit[] = [];
  /** Blocks below this number were dropped (forgetBlocksBelow). */
  private forgottenBelow = 0;

  private constructor(
    readonly settings: GenesisSettings,
    readonly common: Common,
    readonly vm: VM,
    readonly stateManager: MerkleStateManager,
    /** The trie's key-value store; its journal is what each block adds to the stored state. */
    readonly nodeDb: JournaledNodeDb,
  ) {}

  /** A new chain at genesis; the journal holds the genesis state's nodes (block 0's record). */
  static async create(settings: GenesisSettings): Promise<ChainState> {
    const chain = await ChainState.open(settings, new JournaledNodeDb());
    await writeAlloc(chain.stateManager, settings.alloc);
    chain.addBlock(createGenesisBlock(chain.common, settings, await chain.stateManager.getStateRoot()), []);
    return chain;
  }

  /**
   * The chain as stored, without executing anything: the state is the union of the stored trie
   * nodes opened at the head's state root, then the pending faucet edits are applied again.
   * @throws Error naming the block whose records cannot be read.
   */
  static async restore(settings: GenesisSettings, stored: StoredChain, label: string): Promise<ChainState> {
    const nodes = new Map<string, Uint8Array>();
    const mined: MinedBlock[] = [];
    for (const records of stored.blocks) {
      try {
        unpackNodes(records.state.nodes, nodes);
        mined.push(fromStoredRecords(records));
      } catch (error) {
        throw new Error(`${label}: block ${records.block.number} cannot be read: ${(error as Error).message}`);
      }
    }
    const chain = await ChainState.open(settings, new JournaledNodeDb(nodes));
    for (const block of mined) chain.pushBlock(block);
    const head = chain.head;
    chain.headObject = chain.blockFromHeader(head);
    try {
      await chain.stateManager.setStateRoot(head.stateRoot);
    } catch (error) {
      throw new Error(`${label}: the state of block ${head.number} is not in the store (${(error as Error).message})`);
    }
    for (const edit of stored.pendingEdits) await chain.applyBalanceEdit(edit);
    return chain;
  }

  private static async open(settings: GenesisSettings, nodeDb: JournaledNodeDb): Promise<ChainState> {
    void loadLedgerCrypto(); // once per module graph, in the background (JS until then: ledger-crypto.ts)
    await installJumpAnalysisCache(); // once per worker or process: a few ms
    const common = createLedgerCommon(settings.chainId);
    // LedgerTrie: the same nodes and roots, cheaper puts (ledger-trie.ts).
    const trie = new LedgerTrie({ useKeyHashing: true, common, db: nodeDb, valueEncoding: ValueEncoding.Bytes });
    // Caches keep hot accounts and slots out of the trie between blocks (~30% faster mining).
    const stateManager = new MerkleStateManager({ common, trie, caches: new Caches() });
    let chain: ChainState | undefined;
    const blockchain: EVMMockBlockchainInterface = {
      // BLOCKHASH asks only for the 256 blocks before the current one, all mined.
      getBlock: async (number) => {
        const hash = hexToBytes(chain!.blockAt(number).hash as `0x${string}`);
        return { hash: () => hash };
      },
      putBlock: async () => {},
      shallowCopy: () => blockchain,
    };
    const vm = await createVM({ common, stateManager, blockchain });
    chain = new ChainState(settings, common, vm, stateManager, nodeDb);
    return chain;
  }

  get head(): MinedBlock {
    return this.blocks[this.blocks.length - 1];
  }

  get headBlock(): Block {
    return this.headObject;
  }

  /** Records `block` (built on the head) with its transactions' results as the new head. */
  addBlock(block: Block, transactions: MinedTransaction[]): MinedBlock {
    const mined = recordBlock(block, transactions, this.pendingEdits);
    if (mined.number !== this.blocks.length) {
      throw new Error(`ledger: block ${mined.number} added after head ${this.blocks.length - 1}`);
    }
    this.pendingEdits = [];
    this.pushBlock(mined);
    this.headObject = block;
    return mined;
  }

  /** A faucet edit outside any block (ledger_setBalance); the next block's state root includes it. */
  async applyBalanceEdit(edit: BalanceEdit): Promise<void> {
    const address = new Address(hexToBytes(edit.address as `0x${string}`));
    const account = (await this.stateManager.getAccount(address)) ?? createAccount({ nonce: 0n, balance: 0n });
    account.balance = BigInt(edit.balance);
    // An account left empty is removed rather than stored empty, as EIP-161 would do.
    if (account.isEmpty()) await this.stateManager.deleteAccount(address);
    else await this.stateManager.putAccount(address, account);
    this.pendingEdits = [...this.pendingEdits, edit];
  }

  private pushBlock(mined: MinedBlock): void {
    this.blocks.push(mined);
    this.blockNumberByHash.set(mined.hash, mined.number);
    for (const tx of mined.transactions) this.txByHash.set(tx.hash, { block: mined, tx });
  }

  private blockFromHeader(mined: MinedBlock): Block {
    const header = createBlockHeaderFromRLP(mined.headerRlp, { common: this.common });
    return new Block(header, [], [], [], { common: this.common });
  }

  /**
   * Drops the records of the blocks below `number`, keeping the head and the block hashes
   * BLOCKHASH may still ask for (the 256 before the next block). For verification, which reads
   * nothing else of the chain it re-executes: a verified 10,000-block chain is then not held
   * twice in the worker. A dropped block is afterwards unknown, as a block not mined yet.
   */
  forgetBlocksBelow(number: number): void {
    // The next block (number = length) may read the hashes of blocks length-256 .. length-1.
    const below = Math.min(number, this.blocks.length - 256);
    for (let n = this.forgottenBelow; n < below; n++) {
      const mined = this.blocks[n];
      this.blockNumberByHash.delete(mined.hash);
      for (const tx of mined.transactions) this.txByHash.delete(tx.hash);
      delete this.blocks[n];
    }
    this.forgottenBelow = Math.max(this.forgottenBelow, below);
  }

  /** @throws LedgerRpcError -32000 "header not found" for a block not mined yet. */
  blockAt(number: number | bigint): MinedBlock {
    const mined = this.blocks[Number(number)];
    if (mined === undefined) throw serverError(`header not found: block ${number} (head is ${this.head.number})`);
    return mined;
  }

  findBlockByHash(hash: string): MinedBlock | undefined {
    const number = this.blockNumberByHash.get(hash.toLowerCase());
    return number === undefined ? undefined : this.blocks[number];
  }

  findTransaction(hash: string): { block: MinedBlock; tx: MinedTransaction } | undefined {
    return this.txByHash.get(hash.toLowerCase());
  }

  /** The mined block a tag names; `pending` names the head (automine keeps no pending block). */
  findBlock(tag: BlockTag): MinedBlock | undefined {
    switch (tag.kind) {
      case 'latest':
      case 'pending':
        return this.head;
      case 'number':
        return tag.number < BigInt(this.blocks.length) ? this.blocks[Number(tag.number)] : undefined;
      case 'hash':
        return this.findBlockByHash(tag.hash);
    }
  }

  /** Like findBlock, but a missing block is an error, as geth reports it. */
  resolveBlock(tag: BlockTag): MinedBlock {
    const mined = this.findBlock(tag);
    if (mined === undefined) {
      const what = tag.kind === 'hash' ? tag.hash : tag.kind === 'number' ? tag.number.toString() : tag.kind;
      throw serverError(`header not found: block ${what} (head is ${this.head.number})`);
    }
    return mined;
  }

  /** An ethereumjs Block for `mined` (header only), e.g. as the context of a call. */
  blockObject(mined: MinedBlock): Block {
    if (mined.number === this.head.number) return this.headObject;
    return this.blockFromHeader(mined);
  }

  /**
   * The state at the end of a block. The head's state is the live one (it includes faucet edits
   * made since); older blocks get a read-only copy opened at their state root, which the trie
   * still holds because nodes are never pruned.
   */
  async stateAt(mined: MinedBlock): Promise<MerkleStateManager> {
    if (mined.number === this.head.number) return this.stateManager;
    // A trie over a journal-less view: a simulation at an old block must not add to the journal.
    const trie = new MerklePatriciaTrie({
      useKeyHashing: true,
      common: this.common,
      db: this.nodeDb.readOnlyView(),
      valueEncoding: ValueEncoding.Bytes,
      root: mined.stateRoot,
    });
    return new MerkleStateManager({ common: this.common, trie });
  }

  /** A VM to simulate calls at the end of `mined`: the live VM for the head, a copy otherwise. */
  async vmAt(mined: MinedBlock): Promise<VM> {
    if (mined.number === this.head.number) return this.vm;
    const stateManager = await this.stateAt(mined);
    return createVM({ common: this.common.copy(), stateManager, blockchain: this.vm.blockchain });
  }
}
