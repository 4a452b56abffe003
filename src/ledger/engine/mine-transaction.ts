/**
 * Automine: every accepted transaction becomes one block, built with the VM's block builder
 * (state root, transactions root and receipts root are real). A transaction that would make the
 * block invalid is refused with a geth-style message before anything is executed, so a refusal
 * never leaves a half-built block behind; a transaction that reverts is mined with status 0.
 */
import { createTxFromRLP, TransactionType, type TypedTransaction } from '@ethereumjs/tx';
import { Address, bytesToHex, KECCAK256_RLP, publicToAddress } from '@ethereumjs/util';
import { Block, createBlockHeader, type BlockHeader } from '@ethereumjs/block';
import { encodeReceipt, runTx, type RunTxResult } from '@ethereumjs/vm';
import { recordTransaction, type MinedBlock, type MinedTransaction } from './block-record.js';
import type { BalanceEdit } from '../store/ledger-store.js';
import type { ChainState } from './chain-state.js';
import { ledgerKeccak256 } from './keccak.js';
import { serverError } from './rpc-error.js';
import { indexedTrieRoot } from './trie-root.js';

/** @throws LedgerRpcError -32000 when the bytes are not a transaction this chain accepts. */
export function decodeTransaction(chain: ChainState, raw: Uint8Array): TypedTransaction {
  let tx: TypedTransaction;
  try {
    // Unfrozen so that the sender can be remembered on it, then frozen as ethereumjs would.
    tx = createTxFromRLP(raw, { common: chain.common, freeze: false });
  } catch (error) {
    throw serverError(`invalid transaction: ${errorMessage(error)}`);
  }
  rememberDerived(tx);
  if (tx.type === TransactionType.BlobEIP4844) throw serverError('transaction type not supported: blob transactions');
  if (!tx.isSigned()) throw serverError('invalid transaction: not signed');
  try {
    tx.getSenderAddress();
  } catch (error) {
    throw serverError(`invalid sender: ${errorMessage(error)}`);
  }
  return tx;
}

/**
 * ethereumjs caches a frozen transaction's public key and hash, but derives the address from the
 * key again on every getSenderAddress() (a keccak in JS and an Address object; a transaction's
 * sender is asked for five times between decoding and its receipt) and encodes the transaction
 * again on every serialize() (for its hash, then for the block's record). Both are pure
 * functions of the decoded transaction: each is worked out once, on first use, and kept on it.
 * Then it is frozen as ethereumjs would (so its hash and public key are cached as before).
 */
export function rememberDerived(tx: TypedTransaction): void {
  const derive = (): Address => {
    // ethereumjs hashes the public key with its JS keccak (util's publicToAddress, not Common's
    // customCrypto): ~1.4% of a block's CPU. The same hash with the ledger's (WASM) keccak.
    const publicKey = tx.getSenderPublicKey();
    return new Address(publicKey.length === 64 ? ledgerKeccak256(publicKey).slice(12) : publicToAddress(publicKey));
  };
  const encode = tx.serialize.bind(tx);
  let sender: Address | undefined;
  let encoded: Uint8Array | undefined;
  Object.defineProperty(tx, 'getSenderAddress', { value: () => (sender ??= derive()) });
  // A copy each time, as serialize() gives: a caller may not change what the next one reads.
  Object.defineProperty(tx, 'serialize', { value: () => (encoded ??= encode()).slice() });
  Object.freeze(tx);
}

/** Checks what would make the block invalid, with the messages ethers maps to its error codes. */
export async function checkTransaction(chain: ChainState, tx: TypedTransaction, queuedFromSender = 0): Promise<void> {
  const hash = bytesToHex(tx.hash());
  if (chain.findTransaction(hash) !== undefined) throw serverError(`already known: ${hash}`);
  const blockGasLimit = chain.head.gasLimit;
  if (tx.gasLimit > blockGasLimit) {
    throw serverError(`exceeds block gas limit: transaction gas ${tx.gasLimit}, block gas limit ${blockGasLimit}`);
  }
  const intrinsic = tx.getIntrinsicGas();
  if (tx.gasLimit < intrinsic)
    throw serverError(`intrinsic gas too low: gas ${tx.gasLimit}, minimum needed ${intrinsic}`);
  const sender = tx.getSenderAddress();
  const account = await chain.stateManager.getAccount(sender);
  // With interval mining, the sender's queued transactions come first.
  const nonce = (account?.nonce ?? 0n) + BigInt(queuedFromSender);
  if (tx.nonce < nonce) throw serverError(`nonce too low: address ${sender}, tx: ${tx.nonce} state: ${nonce}`);
  if (tx.nonce > nonce) {
    throw serverError(
      `nonce too high: address ${sender}, tx: ${tx.nonce} state: ${nonce} (this ledger queues no nonce gaps)`,
    );
  }
  const balance = account?.balance ?? 0n;
  // For fee-market transactions the VM wants the maximum (gas limit × max fee), not the price paid.
  const cost = 'maxFeePerGas' in tx ? tx.value + tx.gasLimit * tx.maxFeePerGas : tx.getUpfrontCost();
  if (balance < cost) {
    throw serverError(`insufficient funds for gas * price + value: address ${sender} have ${balance} want ${cost}`);
  }
}

/**
 * Runs `txs` in a new block on top of the head, at `timestamp` (unix seconds), and adds the
 * block to the chain. Automine passes one transaction; interval mining and re-execution pass
 * what the block holds. Call checkTransaction first: a refusal here reverts the whole block,
 * unless `dropRefused` (interval mining), which leaves a refused transaction out and reports it.
 *
 * Not ethereumjs's BlockBuilder: it re-creates the block with all its transactions for every
 * transaction added (each object copying the chain configuration), which made one-transaction
 * blocks cost ~1.5 ms more than the transaction itself and many-transaction blocks quadratic.
 * This does what the builder does with one header object: the header is made unfrozen with what
 * is known before execution, each transaction runs with runTx inside one journal checkpoint,
 * then the state, transactions and receipts roots, the logs bloom and the gas used are written
 * into it and it is frozen (sealHeader), as @ethereumjs/block documents for such uses. The
 * block kept as the head is that header without transactions (the chain keeps its own records
 * of them). block-assembly.test.ts checks that both give the same block hash.
 */
export async function mineBlock(
  chain: ChainState,
  txs: TypedTransaction[],
  timestamp: number,
  options: { dropRefused?: (tx: TypedTransaction, reason: string) => void } = {},
): Promise<MinedBlock> {
  // Edits made outside a block (ledger_setBalance) sit in the state cache at checkpoint depth 0:
  // they are written to the trie before the block's own changes, as they always were (the state
  // records of stored chains were made that way). Cheap: only the accounts edited since the last
  // block are written.
  await chain.stateManager.flush();
  const { vm, common } = chain;
  const parent = chain.headBlock.header;
  const gasLimit = chain.head.gasLimit;
  const header = createBlockHeader(
    {
      parentHash: parent.hash(),
      number: parent.number + 1n,
      gasLimit,
      timestamp: BigInt(timestamp),
      baseFeePerGas: 0n,
      excessBlobGas: parent.calcNextExcessBlobGas(common),
      blobGasUsed: 0n,
      parentBeaconBlockRoot: new Uint8Array(32),
      withdrawalsRoot: KECCAK256_RLP,
    },
    { common, freeze: false },
  );
  const block = new Block(header, [], [], [], { common });
  await vm.evm.journal.checkpoint();
  const included: TypedTransaction[] = [];
  const results: RunTxResult[] = [];
  const transactions: MinedTransaction[] = [];
  let gasUsed = 0n;
  let logCount = 0;
  try {
    for (const tx of txs) {
      let result: RunTxResult;
      try {
        if (tx.gasLimit > gasLimit - gasUsed) throw new Error('tx has a higher gas limit than the remaining gas in the block');
        result = await runTx(vm, { tx, block, blockGasUsed: gasUsed, skipHardForkValidation: true });
      } catch (error) {
        if (options.dropRefused === undefined) throw serverError(`transaction refused: ${errorMessage(error)}`);
        options.dropRefused(tx, errorMessage(error));
        continue;
      }
      gasUsed += result.blockGasSpent;
      const mined = recordTransaction(tx, included.length, result, logCount);
      logCount += mined.receipt.logs.length;
      included.push(tx);
      results.push(result);
      transactions.push(mined);
    }
  } catch (error) {
    await vm.evm.journal.revert();
    throw error;
  }
  // Commit first: at depth 0 the commit flushes the state cache straight into the trie, and the
  // root is then read from it. (Reading the root inside the checkpoint wrote every trie node into
  // the trie's checkpoint layer and copied it out again at the commit: ~10% more CPU per block.)
  await vm.evm.journal.commit();
  const stateRoot = await vm.stateManager.getStateRoot();
  const logsBloom = new Uint8Array(256);
  for (const result of results) for (let i = 0; i < 256; i++) logsBloom[i] |= result.bloom.bitvector[i];
  sealHeader(header, {
    stateRoot,
    transactionsTrie: await indexedTrieRoot(transactions.map((tx) => tx.raw)),
    receiptTrie: await indexedTrieRoot(results.map((result, i) => encodeReceipt(result.receipt, included[i].type))),
    logsBloom,
    gasUsed,
  });
  return chain.addBlock(block, transactions);
}

/** What a header learns from running its transactions. */
type ExecutionFields = Pick<BlockHeader, 'stateRoot' | 'transactionsTrie' | 'receiptTrie' | 'logsBloom' | 'gasUsed'>;

/**
 * Writes the execution results into a header made with `freeze: false`, then freezes it (its
 * hash is cached from then on). The constructor validated the placeholders; the values written
 * here have the same shapes (32-byte roots, 256-byte bloom) and the gas used never exceeds the
 * limit (mineBlock refuses a transaction that would), so the header stays valid.
 */
function sealHeader(header: BlockHeader, fields: ExecutionFields): void {
  if (Object.isFrozen(header)) throw new Error('ledger: the block header is already sealed');
  Object.assign(header, fields);
  Object.freeze(header);
}

/** What re-execution needs of a stored or exported block. */
export interface BlockInput {
  number: number;
  timestamp: number;
  preEdits: BalanceEdit[];
  transactions: Uint8Array[];
}

/**
 * Re-executes one block on top of the head: its faucet edits, then its transactions.
 * @throws Error saying why the block does not re-execute.
 */
export async function reexecuteBlock(chain: ChainState, input: BlockInput): Promise<MinedBlock> {
  for (const edit of input.preEdits) await chain.applyBalanceEdit(edit);
  // No checkTransaction: it judges each transaction against the state before the block, and
  // the builder validates every transaction anyway.
  const txs = input.transactions.map((raw) => decodeTransaction(chain, raw));
  const mined = await mineBlock(chain, txs, input.timestamp);
  if (mined.number !== input.number) throw new Error(`re-executed as block ${mined.number}`);
  return mined;
}

export function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // ethereumjs appends a vm/block/tx dump in brackets: keep the reason only.
  return message.replace(/\s*\((vm hf=|tx type=).*$/s, '');
}
