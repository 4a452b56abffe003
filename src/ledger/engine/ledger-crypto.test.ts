/**
 * The WASM keccak and sender recovery reach every engine, also one whose caller never yields to
 * the event loop (the CLI, tests and benches drive the engine in-process, request after request),
 * and the blocks hash the same whichever path hashed them.
 */
import { Wallet, ethers } from 'ethers';
import { describe, expect, it, vi } from 'vitest';
import { createLedgerEngine } from './create-ledger-engine.js';
import { loadLedgerCrypto } from './ledger-crypto.js';
import type { LedgerEngine } from './ledger-types.js';

const CHAIN_ID = 1337;
const alice = new Wallet('0x' + '33'.repeat(32));
const alloc = { [alice.address]: ethers.parseEther('5') };
const now = () => 1_767_225_600_000; // every engine mines at the same block times

type CryptoInfo = Record<'keccak' | 'senderRecovery', { implementation: string; reason?: string }>;
const onWasm = (info: CryptoInfo) => info.keccak.implementation === 'wasm-hash-wasm' && info.senderRecovery.implementation === 'wasm-libsecp256k1';

/** Sends value transfers signed on the spot, awaiting each reply and nothing else (microtasks only). */
async function sendBackToBack(engine: LedgerEngine, nonce: number): Promise<{ raw: string; info: CryptoInfo }> {
  const raw = await alice.signTransaction({ to: '0x' + '11'.repeat(20), value: 1n, nonce, gasLimit: 21_000, gasPrice: 0, chainId: CHAIN_ID });
  const hash = await engine.request({ method: 'eth_sendRawTransaction', params: [raw] });
  await engine.request({ method: 'eth_getTransactionReceipt', params: [hash] });
  return { raw, info: (await engine.request({ method: 'ledger_storageInfo' })) as CryptoInfo };
}

async function blockHashes(engine: LedgerEngine): Promise<string[]> {
  const head = Number(await engine.request({ method: 'eth_blockNumber' }));
  const hashes: string[] = [];
  for (let n = 0; n <= head; n++) {
    hashes.push(((await engine.request({ method: 'eth_getBlockByNumber', params: [ethers.toQuantity(n), false] })) as { hash: string }).hash);
  }
  return hashes;
}

describe('the WASM crypto of an in-process engine', () => {
  it('is loaded while a caller sends back to back, in a second module graph too, and the blocks hash the same', async () => {
    // given this module graph's WASM paths loaded, and a second, fresh copy of the engine's modules
    // (as a second engine in the same process, e.g. another checkout's, has): nothing loaded there yet
    await loadLedgerCrypto();
    vi.resetModules();
    const fresh = (await import('./create-ledger-engine.js')) as typeof import('./create-ledger-engine.js');
    const freshKeccak = (await import('./keccak.js')) as typeof import('./keccak.js');
    expect(freshKeccak.keccakInfo()).toEqual({ implementation: 'js-noble', reason: 'keccak (WASM) is not loaded yet' });
    const second = await fresh.createLedgerEngine({ chainId: CHAIN_ID, alloc, now });

    // when a caller sends transactions to it back to back, never yielding to the event loop itself
    const raws: string[] = [];
    const seen: string[] = [];
    const deadline = Date.now() + 15_000;
    let info: CryptoInfo;
    do {
      const sent = await sendBackToBack(second, raws.length);
      raws.push(sent.raw);
      info = sent.info;
      seen.push(`${info.keccak.implementation}/${info.senderRecovery.implementation}`);
    } while (!onWasm(info) && Date.now() < deadline);

    // then that engine hashes and recovers in WASM within the run (before the fix: JS to the end)
    expect(info.keccak).toEqual({ implementation: 'wasm-hash-wasm' });
    expect(info.senderRecovery).toEqual({ implementation: 'wasm-libsecp256k1' });
    // and its chain, mined partly in JS (seen: what each block saw), has the very blocks of an
    // engine that hashed all of them in WASM
    const first = await createLedgerEngine({ chainId: CHAIN_ID, alloc, now });
    for (const raw of raws) await first.request({ method: 'eth_sendRawTransaction', params: [raw] });
    expect(onWasm((await first.request({ method: 'ledger_storageInfo' })) as CryptoInfo)).toBe(true);
    expect({ seen: seen.length, hashes: await blockHashes(second) }).toEqual({ seen: raws.length, hashes: await blockHashes(first) });
    expect(await second.request({ method: 'ledger_verify' })).toMatchObject({ ok: true, blocks: raws.length + 1 });
  }, 60_000);
});
