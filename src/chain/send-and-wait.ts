/**
 * Sends one transaction and waits for it to be mined, the way a deployment to a real chain needs:
 * the nonce is fixed before sending (so a resend replaces, never duplicates), a transaction the
 * node dropped from its pool is sent again, and one still pending after every wait is reported
 * with its hash so the caller can save it and look it up later instead of sending twice.
 */
import type { Provider, Signer, TransactionReceipt, TransactionRequest } from 'ethers';

export interface SendOptions {
  /** How long to wait for each attempt to be mined (ms). */
  waitMs?: number;
  /** How many times a dropped transaction is sent again. */
  retries?: number;
  /** Called with the hash and nonce as soon as the node accepted the transaction. */
  onSent?: (sent: { txHash: string; nonce: number; attempt: number }) => void;
}

export class TransactionPendingError extends Error {
  constructor(readonly txHash: string, waitedMs: number) {
    super(`transaction ${txHash} is still pending after ${Math.round(waitedMs / 1000)} s; nothing is lost: deploy again to resume once it is mined`);
    this.name = 'TransactionPendingError';
  }
}

export class TransactionRevertedError extends Error {
  constructor(readonly txHash: string, readonly receipt: TransactionReceipt) {
    super(`transaction ${txHash} was mined in block ${receipt.blockNumber} but reverted`);
    this.name = 'TransactionRevertedError';
  }
}

const DEFAULT_WAIT_MS = 60_000;

/** The receipt of `txHash` once mined, null if it did not appear within `ms`. */
export async function waitForReceipt(provider: Provider, txHash: string, ms: number): Promise<TransactionReceipt | null> {
  try {
    return await provider.waitForTransaction(txHash, 1, ms);
  } catch (e) {
    if ((e as { code?: string }).code === 'TIMEOUT') return null;
    throw e;
  }
}

export async function sendAndWait(signer: Signer, request: TransactionRequest, opts: SendOptions = {}): Promise<TransactionReceipt> {
  const provider = signer.provider;
  if (!provider) throw new Error('the signer is not connected to a chain');
  const waitMs = opts.waitMs ?? DEFAULT_WAIT_MS;
  const retries = opts.retries ?? 2;
  const prepared = await signer.populateTransaction(request);
  let lastHash = '';
  for (let attempt = 0; attempt <= retries; attempt++) {
    let hash: string;
    try {
      hash = (await signer.sendTransaction(prepared)).hash;
    } catch (e) {
      // a resend the node already knows (same nonce, same content) is not an error: wait for it
      if (attempt > 0 && /already known|nonce too low|known transaction/i.test(String((e as Error).message))) hash = lastHash;
      else throw e;
    }
    lastHash = hash;
    opts.onSent?.({ txHash: hash, nonce: Number(prepared.nonce), attempt });
    const receipt = await waitForReceipt(provider, hash, waitMs);
    if (receipt) {
      if (receipt.status === 0) throw new TransactionRevertedError(hash, receipt);
      return receipt;
    }
    // not mined in time: still in the node's pool means keep waiting later; gone means dropped
    if (await provider.getTransaction(hash)) throw new TransactionPendingError(hash, waitMs * (attempt + 1));
  }
  throw new Error(`transaction ${lastHash} was dropped by the node ${retries + 1} times; check the node's transaction pool settings and the deployer's nonce`);
}
