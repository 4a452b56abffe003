/** The bare EVM run in its own module worker, as the ledger runs in one. */
import { runBareEvm } from '../bare-evm.js';
import type { BareReply, BareRequest } from './bench-protocol.js';

const scope = self as unknown as { postMessage(m: BareReply): void; onmessage: ((e: MessageEvent<BareRequest>) => void) | null };
scope.onmessage = async ({ data }) => {
  try {
    const alloc = Object.fromEntries(Object.entries(data.alloc).map(([a, wei]) => [a, BigInt(wei)]));
    const result = await runBareEvm(data.chainId, alloc, data.setup, data.timed, { jsRecovery: data.jsRecovery });
    scope.postMessage({ ok: true, ms: result.ms, recoverMs: result.recoverMs, gas: result.gas.toString(), recovery: result.recovery });
  } catch (error) {
    scope.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) });
  }
};
