/**
 * The in-memory chain: the VM and its Merkle state, a compact record of every mined block, and
 * lookups by hash. One instance per chain; a reset builds a new one. Not safe for concurrent
 * use: the engine serialises every request through one queue.
 */
import { Block, createBlockHeaderFromRLP } from '@ethereumjs/block';
import type { Common } from '@ethereumjs/common';
import type { EVMMockBlockchainInterface } from '@ethereumjs/evm';
import { Caches, MerkleStateManager } from '@ethereumjs/statemanager';
import { hexToBytes } from '@ethereumjs/util';
import { createVM, type VM } from '@ethereumjs/vm';
import { recordBlock, type MinedBlock, type MinedTransaction } from './block-record.js';
import { createGenesisBlock, createLedgerCommon, writeAlloc, type GenesisSettings } from './chain-config.js';
import type { BlockTag } from './hex-codec.js';
import { serverError } from './rpc-error.js';

export type { MinedBlock, MinedLog, MinedReceipt, MinedTransaction } from './block-record.js';

export class ChainState {
  readonly blocks: MinedBlock[] = [];
  private readonly blockNumberByHash = new Map<string, number>();
  private readonly txByHash = new Map<string, { block: MinedBlock; tx: MinedTransaction }>();
  /** The head as an ethereumjs Block: the parent the next block is built on. */
  private headObject!: Block;

  private constructor(
    readonly settings: GenesisSettings,
    readonly common: Common,
    readonly vm: VM,
    readonly stateManager: MerkleStateManager,
  ) {}

  static async create(settings: GenesisSettings): Promise<ChainState> {
    const common = createLedgerCommon(settings.chainId);
    // Caches keep hot accounts and slots out of the trie between blocks (~30% faster mining).
    const stateManager = new MerkleStateManager({ common, caches: new Caches() });
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
    chain = new ChainState(settings, common, vm, stateManager);
    await writeAlloc(stateManager, settings.alloc);
    chain.addBlock(createGenesisBlock(common, settings, await stateManager.getStateRoot()), []);
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
    const mined = recordBlock(block, transactions);
    if (mined.number !== this.blocks.length) {
      throw new Error(`ledger: block ${mined.number} added after head ${this.blocks.length - 1}`);
    }
    this.blocks.push(mined);
    this.headObject = block;
    this.blockNumberByHash.set(mined.hash, mined.number);
    for (const tx of transactions) this.txByHash.set(tx.hash, { block: mined, tx });
    return mined;
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
    const header = createBlockHeaderFromRLP(mined.headerRlp, { common: this.common });
    return new Block(header, [], [], [], { common: this.common });
  }

  /**
   * The state at the end of a block. The head's state is the live one (it includes faucet edits
   * made since); older blocks get a read-only copy opened at their state root, which the trie
   * still holds because nodes are never pruned.
   */
  async stateAt(mined: MinedBlock): Promise<MerkleStateManager> {
    if (mined.number === this.head.number) return this.stateManager;
    const copy = this.stateManager.shallowCopy(true);
    await copy.setStateRoot(mined.stateRoot);
    return copy;
  }

  /** A VM to simulate calls at the end of `mined`: the live VM for the head, a copy otherwise. */
  async vmAt(mined: MinedBlock): Promise<VM> {
    if (mined.number === this.head.number) return this.vm;
    const stateManager = await this.stateAt(mined);
    return createVM({ common: this.common.copy(), stateManager, blockchain: this.vm.blockchain });
  }
}
