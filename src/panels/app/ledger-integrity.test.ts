import { describe, expect, it } from 'vitest';
import { checkIntegrity } from './ledger-integrity.js';

describe('checkIntegrity', () => {
  it('carries the ledger_verify answer', async () => {
    const calls: string[] = [];
    const provider = { send: async (m: string) => (calls.push(m), { ok: true, blocks: 12, ms: 40 }) };
    expect(await checkIntegrity(provider)).toEqual({ integrity: 'checked', ok: true, blocks: 12, ms: 40 });
    expect(calls).toEqual(['ledger_verify']);
  });

  it('records "not available" when the provider does not know the method (-32601, as ethers wraps it)', async () => {
    const wrapped = Object.assign(new Error('could not coalesce error'), { error: { code: -32601, message: 'method not found' } });
    expect(await checkIntegrity({ send: async () => Promise.reject(wrapped) })).toEqual({ integrity: 'not available' });
    expect(await checkIntegrity(null)).toEqual({ integrity: 'not available' });
  });

  it('records any other error as a failed check with its message', async () => {
    const broken = { send: async () => Promise.reject(new Error('ledger worker stopped')) };
    expect(await checkIntegrity(broken)).toEqual({ integrity: 'failed', error: 'ledger worker stopped' });
  });
});
