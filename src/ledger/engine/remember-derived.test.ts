/**
 * rememberDerived keeps a transaction's sender and encoding: the sender it gives (hashed with the
 * ledger's keccak) must be ethereumjs's own, for every transaction type and key, and refusals
 * (a signature that recovers nothing) must stay what they were.
 */
import { createTxFromRLP, type TypedTransaction } from '@ethereumjs/tx';
import { bytesToHex, hexToBytes } from '@ethereumjs/util';
import { Wallet, type TransactionRequest } from 'ethers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLedgerCommon } from './chain-config.js';
import { loadLedgerCrypto } from './ledger-crypto.js';
import { rememberDerived } from './mine-transaction.js';

const CHAIN_ID = 9;
const common = createLedgerCommon(CHAIN_ID);
const decoded = (raw: string): TypedTransaction => createTxFromRLP(hexToBytes(raw as `0x${string}`), { common, freeze: false });

const requests: fc.Arbitrary<TransactionRequest> = fc.record({
  type: fc.constantFrom(0, 1, 2),
  nonce: fc.nat({ max: 1000 }),
  to: fc.option(fc.uint8Array({ minLength: 20, maxLength: 20 }).map((b) => bytesToHex(b)), { nil: null }),
  value: fc.bigInt({ min: 0n, max: 10n ** 20n }),
  data: fc.uint8Array({ maxLength: 80 }).map((b) => bytesToHex(b)),
  gasLimit: fc.constant(100_000),
});
const keys = fc.uint8Array({ minLength: 32, maxLength: 32 }).filter((k) => k.some((b) => b !== 0) && k[0] < 0xf0);

async function signed(key: Uint8Array, request: TransactionRequest): Promise<string> {
  const fees = request.type === 2 ? { maxFeePerGas: 0n, maxPriorityFeePerGas: 0n } : { gasPrice: 0n };
  return new Wallet(bytesToHex(key)).signTransaction({ ...request, ...fees, chainId: CHAIN_ID });
}

describe('rememberDerived', () => {
  it.each([
    ['with the JS keccak or the WASM one, whichever is active first', false],
    ['with the WASM keccak', true],
  ])('gives the sender ethereumjs derives, for any key and transaction type (%s)', async (_name, wasm) => {
    if (wasm) await loadLedgerCrypto();
    await fc.assert(
      fc.asyncProperty(keys, requests, async (key, request) => {
        // given a signed transaction decoded twice: once left as ethereumjs makes it, once with rememberDerived
        const raw = await signed(key, request);
        const stock = decoded(raw);
        const kept = decoded(raw);
        rememberDerived(kept);
        // then both give the same sender, every time it is asked, and the wallet's address
        const expected = stock.getSenderAddress().toString();
        expect(kept.getSenderAddress().toString()).toBe(expected);
        expect(kept.getSenderAddress().toString()).toBe(expected);
        expect(expected).toBe(new Wallet(bytesToHex(key)).address.toLowerCase());
        expect(bytesToHex(kept.serialize())).toBe(raw);
        expect(Object.isFrozen(kept)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('refuses a signature that recovers no key as ethereumjs does', async () => {
    // given a transaction whose r is not the x of any point (r = 0 is refused outright)
    const raw = await signed(new Uint8Array(32).fill(7), { type: 2, nonce: 0, to: null, value: 0n, data: '0x', gasLimit: 100_000 });
    const zeroR = (tx: TypedTransaction) => tx.addSignature(tx.v!, new Uint8Array(32), tx.s!, false);
    const stock = zeroR(decoded(raw));
    const kept = zeroR(decoded(raw));
    rememberDerived(kept);
    // then both throw the same error
    const message = (() => {
      try {
        stock.getSenderAddress();
      } catch (error) {
        return (error as Error).message;
      }
      return 'no error';
    })();
    expect(message).not.toBe('no error');
    expect(() => kept.getSenderAddress()).toThrow(message);
  });
});
