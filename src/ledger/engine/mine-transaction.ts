/**
 * Automine: every accepted transaction becomes one block, built with the VM's block builder
 * (state root, transactions root and receipts root are real). A transaction that would make the
 * block invalid is refused with a geth-style message before anything is executed, so a refusal
 * never leaves a half-built block behind; a transaction that reverts is mined with status 0.
 */
import { createTxFromRLP, TransactionType, type TypedTransaction } from '@ethereumjs/tx';
import { bytesToHex } from '@ethereumjs/util';
import { buildBlock, type RunTxResult } from '@ethereumjs/vm';
import { recordTransaction, type MinedBlock, type MinedTransaction } from './block-record.js';
import type { ChainState } from './chain-state.js';
import { serverError } from './rpc-error.js';

/** @throws LedgerRpcError -32000 when the bytes are not a transaction this chain accepts. */
export function decodeTransaction(chain: ChainState, raw: Uint8Array): TypedTransaction {
  let tx: TypedTransaction;
  try {
    tx = createTxFromRLP(raw, { common: chain.common });
  } catch (error) {
    throw serverError(`invalid transaction: ${errorMessage(error)}`);
  }
  if (tx.type === TransactionType.BlobEIP4844) throw serverError('transaction type not supported: blob transactions');
  if (!tx.isSigned()) throw serverError('invalid transaction: not signed');
  try {
    tx.getSenderAddress();
  } catch (error) {
    throw serverError(`invalid sender: ${errorMessage(error)}`);
  }
  return tx;
}

/** Checks what would make the block invalid, with the messages ethers maps to its error codes. */
export async function checkTransaction(chain: ChainState, tx: TypedTransaction): Promise<void> {
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
  const nonce = account?.nonce ?? 0n;
  if (tx.nonce < nonce) throw serverError(`nonce too low: address ${sender}, tx: ${tx.nonce} state: ${nonce}`);
  if (tx.nonce > nonce) {
    throw serverError(
      `nonce too high: address ${sender}, tx: ${tx.nonce} state: ${nonce} (this ledger mines at once and queues nothing)`,
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
 * block to the chain. Automine passes one transaction; replay passes what the block held.
 * Call checkTransaction first: a refusal here reverts the whole block.
 */
export async function mineBlock(chain: ChainState, txs: TypedTransaction[], timestamp: number): Promise<MinedBlock> {
  // Edits made outside a block (ledger_setBalance) sit in the state cache at checkpoint depth 0.
  // The builder reads the state root inside its own checkpoint, and a flush there writes only
  // that depth's changes: without this, the header would omit them (or not, if an eth_call's
  // revert happened to flush them), and replay would give another hash. Cheap: only the
  // accounts edited since the last block are written.
  await chain.stateManager.flush();
  const builder = await buildBlock(chain.vm, {
    parentBlock: chain.headBlock,
    headerData: { timestamp: BigInt(timestamp), baseFeePerGas: 0n, gasLimit: chain.head.gasLimit },
    withdrawals: [],
    blockOpts: { putBlockIntoBlockchain: false },
  });
  const transactions: MinedTransaction[] = [];
  let logCount = 0;
  for (const tx of txs) {
    let result: RunTxResult;
    try {
      result = await builder.addTransaction(tx);
    } catch (error) {
      await builder.revert();
      throw serverError(`transaction refused: ${errorMessage(error)}`);
    }
    const mined = recordTransaction(tx, transactions.length, result, logCount);
    logCount += mined.receipt.logs.length;
    transactions.push(mined);
  }
  const { block } = await builder.build();
  return chain.addBlock(block, transactions);
}

export function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // ethereumjs appends a vm/block/tx dump in brackets: keep the reason only.
  return message.replace(/\s*\((vm hf=|tx type=).*$/s, '');
}
