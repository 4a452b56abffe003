/**
 * The ledger's two WASM paths, keccak (keccak.ts) and sender recovery (sender-recovery.ts),
 * loaded together: once per module graph (a worker, a process; a second copy of these modules,
 * e.g. another checkout's in bench/ledger-ab.ts, loads its own), in the background when a chain
 * opens, JS until then.
 *
 * A load finishes only on turns of the event loop (a dynamic import, a WebAssembly compile).
 * The worker gets them between messages (in Chromium both paths are active a few blocks after
 * a reload), but an in-process caller (CLI, tests, benches) that awaits requests back to back
 * runs on microtasks alone: the load never finished, and every block of such a run was hashed
 * and its senders recovered in JS (200 transactions, 1.4 s, none on the WASM paths). So until
 * the load has settled, the engine gives the event loop one turn per request
 * (letLedgerCryptoLoad); from then on that costs nothing.
 */
import { loadKeccak } from './keccak.js';
import { loadSenderRecovery } from './sender-recovery.js';
import { yieldToEventLoop } from './yield-to-event-loop.js';

let loading: Promise<void> | undefined;
let settled = false;

/** Starts both loads (once); resolves when both have settled, to WASM or, failing that, JS. Never rejects. */
export function loadLedgerCrypto(): Promise<void> {
  loading ??= Promise.all([loadSenderRecovery(), loadKeccak()]).then(() => {
    settled = true;
  });
  return loading;
}

/** Whether both loads have settled (then nothing switches any more). */
export function ledgerCryptoSettled(): boolean {
  return settled;
}

/**
 * Until the loads have settled: starts them if need be and gives the event loop one turn, so they
 * progress under a caller that never yields. Callers skip it once settled (no await, no turn).
 */
export function letLedgerCryptoLoad(): Promise<void> {
  void loadLedgerCrypto();
  return yieldToEventLoop();
}
