import { createAccount, type Address } from '@ethereumjs/util';
import type { ChainState } from './chain-state.js';

/**
 * The faucet edit behind ledger_setBalance, outside any block. An account left empty is removed
 * rather than stored empty, as EIP-161 would do, so a zero balance leaves no trace in the state.
 */
export async function applyBalance(chain: ChainState, address: Address, wei: bigint): Promise<void> {
  const account = (await chain.stateManager.getAccount(address)) ?? createAccount({ nonce: 0n, balance: 0n });
  account.balance = wei;
  if (account.isEmpty()) await chain.stateManager.deleteAccount(address);
  else await chain.stateManager.putAccount(address, account);
}
