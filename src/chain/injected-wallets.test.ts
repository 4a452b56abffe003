import type { Eip1193Provider } from 'ethers';
import { describe, expect, it } from 'vitest';
import { LEGACY_WALLET_ID, onWalletChange, watchWallets, type InjectedWallet } from './injected-wallets.js';

const provider = (): Eip1193Provider => ({ request: async () => null });

/** A window where a wallet answers every request for providers with its announcement. */
function windowWith(wallets: { uuid: string; name: string }[], ethereum?: Eip1193Provider) {
  const target = Object.assign(new EventTarget(), { ethereum });
  target.addEventListener('eip6963:requestProvider', () => {
    for (const w of wallets)
      target.dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail: { info: { ...w, icon: 'data:image/svg+xml,x', rdns: 'io.test' }, provider: provider() } }));
  });
  return target;
}

describe('watchWallets', () => {
  it('lists the wallets that announce themselves (EIP-6963), once each', () => {
    const target = windowWith([{ uuid: 'u-1', name: 'Wallet One' }, { uuid: 'u-2', name: 'Wallet Two' }], provider());
    let latest: InjectedWallet[] = [];
    const stop = watchWallets(target, (w) => (latest = w));
    expect(latest.map((w) => [w.id, w.name])).toEqual([['u-1', 'Wallet One'], ['u-2', 'Wallet Two']]);
    // a later announcement of the same wallet does not add it twice
    target.dispatchEvent(new Event('eip6963:requestProvider'));
    expect(latest).toHaveLength(2);
    stop();
  });

  it('falls back to window.ethereum when no wallet announces itself, and to nothing without one', () => {
    let latest: InjectedWallet[] = [];
    watchWallets(windowWith([], provider()), (w) => (latest = w));
    expect(latest.map((w) => w.id)).toEqual([LEGACY_WALLET_ID]);
    watchWallets(windowWith([]), (w) => (latest = w));
    expect(latest).toEqual([]);
  });

  it('ignores announcements without a usable provider', () => {
    const target = new EventTarget();
    let latest: InjectedWallet[] = [];
    watchWallets(target, (w) => (latest = w));
    target.dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail: { info: { uuid: 'x', name: 'Broken' }, provider: {} } }));
    expect(latest).toEqual([]);
  });
});

describe('onWalletChange', () => {
  it('calls back on account and chain changes until stopped', () => {
    const handlers = new Map<string, () => void>();
    const wallet = { request: async () => null, on: (e: string, fn: () => void) => handlers.set(e, fn), removeListener: (e: string) => handlers.delete(e) };
    let calls = 0;
    const stop = onWalletChange(wallet, () => calls++);
    handlers.get('accountsChanged')!();
    handlers.get('chainChanged')!();
    expect(calls).toBe(2);
    stop();
    expect(handlers.size).toBe(0);
  });
});
