/**
 * The bare EVM run in its own module worker, as the ledger runs in one. A request with
 * `keep: true` keeps the state afterwards, and later `{ chunk }` requests time more transactions
 * on it (the alternating measure of bench-page.ts).
 */
import { createBareEvm, type BareEvm, type BareResult } from '../bare-evm.js';
import type { BareChunkRequest, BareReply, BareRequest } from './bench-protocol.js';

const scope = self as unknown as { postMessage(m: BareReply): void; onmessage: ((e: MessageEvent<BareRequest | BareChunkRequest>) => void) | null };
let kept: BareEvm | undefined;
const reply = async (bare: BareEvm, result: BareResult, report = false): Promise<BareReply> => ({
  ok: true,
  ms: result.ms,
  recoverMs: result.recoverMs,
  gas: result.gas.toString(),
  recovery: result.recovery,
  ...(report ? { gasPerTx: result.gasPerTx.map(String), stateRoot: await bare.stateRoot() } : {}),
});
scope.onmessage = async ({ data }) => {
  try {
    if ('chunk' in data) {
      if (kept === undefined) throw new Error('a chunk before a request with keep: true');
      scope.postMessage(await reply(kept, await kept.run(data.chunk)));
      return;
    }
    const alloc = Object.fromEntries(Object.entries(data.alloc).map(([a, wei]) => [a, BigInt(wei)]));
    const bare = await createBareEvm(data.chainId, alloc, data.setup, { jsRecovery: data.jsRecovery, direct: data.direct });
    if (data.keep) kept = bare;
    scope.postMessage(await reply(bare, await bare.run(data.timed), data.report));
  } catch (error) {
    scope.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) });
  }
};
