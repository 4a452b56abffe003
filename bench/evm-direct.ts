/**
 * A candidate for the EVM-alternatives bench: @ethereumjs/evm driven directly, without
 * @ethereumjs/vm's runTx. It does what runTx does for the ledger's transactions (cancun, zero
 * base fee, legacy or typed calls and creations, no blobs, no EIP-7702 authorisations): warm
 * the addresses of EIP-2929/3651, charge the intrinsic gas, bump the nonce, run the message,
 * apply the refund cap, pay the (zero) fees, clean up touched empty accounts, build the bloom.
 * It skips runTx's generic machinery (events, binary-tree witnesses, EIP-7928/8037 bookkeeping,
 * error dumps). Browser-safe. A measuring tool, not a ledger path: the bench checks its gas and
 * state root against runTx's before its rate is reported.
 */
import type { Block } from '@ethereumjs/block';
import type { TypedTransaction } from '@ethereumjs/tx';
import { Account, bytesToUnprefixedHex, createAddressFromString, type Address } from '@ethereumjs/util';
import { Bloom, type VM } from '@ethereumjs/vm';

export interface DirectResult {
  gasUsed: bigint;
  status: 0 | 1;
  bloom: Uint8Array;
}

/** Runs one decoded, signed transaction on `vm`'s EVM and state. @throws Error on a nonce or balance the chain would refuse. */
export async function runTxDirect(vm: VM, tx: TypedTransaction, block: Block): Promise<DirectResult> {
  const { evm, common } = vm;
  const journal = evm.journal;
  const caller = tx.getSenderAddress();
  // As runTx: touched accounts of earlier edits cleaned up first, the journal reset at the end.
  await journal.cleanup();
  await journal.checkpoint();
  try {
    for (const address of evm.precompiles.keys()) journal.addAlwaysWarmAddress(address);
    journal.addAlwaysWarmAddress(bytesToUnprefixedHex(caller.bytes));
    if (tx.to !== undefined) journal.addAlwaysWarmAddress(bytesToUnprefixedHex(tx.to.bytes));
    journal.addAlwaysWarmAddress(bytesToUnprefixedHex(block.header.coinbase.bytes));
    if ('accessList' in tx) {
      for (const [address, keys] of tx.accessList) {
        journal.addAlwaysWarmAddress(bytesToUnprefixedHex(address), true);
        for (const key of keys) journal.addAlwaysWarmSlot(bytesToUnprefixedHex(address), bytesToUnprefixedHex(key), true);
      }
    }
    const intrinsic = tx.getIntrinsicGas();
    const baseFee = block.header.baseFeePerGas ?? 0n;
    const gasPrice = 'maxFeePerGas' in tx ? tx.getEffectivePriorityFee(baseFee) + baseFee : tx.gasPrice;
    const from = (await vm.stateManager.getAccount(caller)) ?? new Account();
    if (from.nonce !== tx.nonce) throw new Error(`nonce ${tx.nonce}, account has ${from.nonce}`);
    const upfront = tx.gasLimit * gasPrice + tx.value;
    if (from.balance < upfront) throw new Error(`balance ${from.balance} < ${upfront}`);
    from.balance -= tx.gasLimit * gasPrice;
    from.nonce += 1n;
    await journal.putAccount(caller, from);
    await journal.checkpoint();
    const result = await evm.runCall({ block, gasPrice, caller, gasLimit: tx.gasLimit - intrinsic, to: tx.to, value: tx.value, data: tx.data, skipNonceIncrement: true });
    await journal.commit();
    let gasUsed = result.execResult.executionGasUsed + intrinsic;
    const refund = result.execResult.gasRefund ?? 0n;
    if (refund !== 0n) {
      const cap = gasUsed / common.param('maxRefundQuotient');
      gasUsed -= refund < cap ? refund : cap;
    }
    const after = (await vm.stateManager.getAccount(caller)) ?? new Account();
    after.balance += (tx.gasLimit - gasUsed) * gasPrice;
    await journal.putAccount(caller, after);
    await payCoinbase(vm, block.header.coinbase, gasUsed * (gasPrice - baseFee));
    for (const [hex] of result.execResult.selfdestruct ?? []) {
      // cancun (EIP-6780): only a contract created in this same transaction is deleted
      if (result.execResult.createdAddresses?.has(hex)) await journal.deleteAccount(createAddressFromString(hex));
    }
    const bloom = new Bloom(undefined, common);
    for (const [address, topics] of result.execResult.logs ?? []) {
      bloom.add(address);
      for (const topic of topics) bloom.add(topic);
    }
    await journal.cleanup();
    vm.stateManager.originalStorageCache.clear();
    await journal.commit();
    return { gasUsed, status: result.execResult.exceptionError === undefined ? 1 : 0, bloom: bloom.bitvector };
  } catch (error) {
    await journal.revert();
    throw error;
  } finally {
    journal.cleanJournal();
  }
}

/** The miner's fee (zero on this chain), put as runTx puts it: a touch, cleaned up when empty. */
async function payCoinbase(vm: VM, coinbase: Address, fee: bigint): Promise<void> {
  const miner = (await vm.stateManager.getAccount(coinbase)) ?? new Account();
  miner.balance += fee;
  await vm.evm.journal.putAccount(coinbase, miner);
}
