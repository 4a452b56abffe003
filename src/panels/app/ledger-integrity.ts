/**
 * The chain's integrity check for the audit package: the custom RPC `ledger_verify` of the
 * bundled ledger (it re-executes every block). Other chains do not know it (-32601): that is
 * recorded as "not available", never as a failure of the audit.
 */
import type { IntegrityResult } from './audit-package.js';

export interface RpcSender {
  send(method: string, params: unknown[]): Promise<unknown>;
}

export async function checkIntegrity(provider: Partial<RpcSender> | null | undefined): Promise<IntegrityResult> {
  if (!provider || typeof provider.send !== 'function') return { integrity: 'not available' };
  try {
    const answer = await provider.send('ledger_verify', []);
    return { integrity: 'checked', ...(answer && typeof answer === 'object' ? answer : { result: answer }) };
  } catch (e) {
    if (isMethodNotFound(e)) return { integrity: 'not available' };
    return { integrity: 'failed', error: (e as { shortMessage?: string; message?: string })?.shortMessage ?? (e as Error)?.message ?? String(e) };
  }
}

/** JSON-RPC's "method not found", wherever ethers or the provider put it in the error. */
export function isMethodNotFound(err: unknown): boolean {
  const seen = new Set<unknown>();
  const visit = (e: unknown): boolean => {
    if (!e || typeof e !== 'object' || seen.has(e)) return false;
    seen.add(e);
    const o = e as Record<string, unknown>;
    if (o.code === -32601) return true;
    return ['error', 'info', 'cause', 'payload'].some((k) => visit(o[k]));
  };
  return visit(err);
}
