/**
 * Accounts the ledger may sign for (eth_sendTransaction): the participants' keys the IDE holds,
 * handed over with ledger_unlockAccount while its key session is open. Held in this object's
 * memory only: never written to the store, an export or a block (the chain gets the signed
 * transaction, as with eth_sendRawTransaction), dropped by ledger_lockAccount and with the
 * worker. A reset or import of the chain keeps them: they are the session's, not the chain's.
 */
import { bytesToHex, privateToPublic, publicToAddress } from '@ethereumjs/util';
import { invalidParams, LedgerRpcError, RPC_ERROR } from './rpc-error.js';

export interface UnlockedAccount {
  /** Lower-case 0x address. */
  address: string;
  privateKey: Uint8Array;
  /** 64 bytes (x, y): what recovering a signature by this key gives, so it need not be recovered. */
  publicKey: Uint8Array;
}

const CURVE_ORDER = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

export class UnlockedAccounts {
  private readonly accounts = new Map<string, UnlockedAccount>();

  /**
   * @returns the key's address (lower-case 0x).
   * @throws LedgerRpcError -32602 when `privateKey` is not a 32-byte secp256k1 private key.
   */
  unlock(privateKey: Uint8Array): string {
    const value = privateKey.length === 32 ? BigInt(bytesToHex(privateKey)) : 0n;
    if (value === 0n || value >= CURVE_ORDER) {
      throw invalidParams('ledger_unlockAccount: the private key must be 32 bytes, not zero and below the secp256k1 order');
    }
    const key = privateKey.slice();
    const publicKey = privateToPublic(key);
    const address = bytesToHex(publicToAddress(publicKey));
    this.accounts.set(address, { address, privateKey: key, publicKey });
    return address;
  }

  /** Locks `address`, or every account when it is undefined; the key bytes are zeroed. Returns how many were locked. */
  lock(address?: string): number {
    const chosen = address === undefined ? [...this.accounts.values()] : [this.accounts.get(address.toLowerCase())].filter((a) => a !== undefined);
    for (const account of chosen) {
      account.privateKey.fill(0);
      this.accounts.delete(account.address);
    }
    return chosen.length;
  }

  get(address: string): UnlockedAccount | undefined {
    return this.accounts.get(address.toLowerCase());
  }

  addresses(): string[] {
    return [...this.accounts.keys()];
  }
}

/** EIP-1193 4100: the caller may sign itself and use eth_sendRawTransaction, or unlock first. */
export function notUnlocked(address: string): LedgerRpcError {
  return new LedgerRpcError(
    RPC_ERROR.unauthorized,
    `eth_sendTransaction: the ledger holds no key for ${address} (unlock it with ledger_unlockAccount, or sign the transaction and use eth_sendRawTransaction)`,
  );
}
