/**
 * Browser wallets the page can use: those announced through EIP-6963 (each wallet answers an
 * `eip6963:requestProvider` event with an `eip6963:announceProvider` event carrying its info and
 * EIP-1193 provider), and the legacy `window.ethereum` when no wallet announced itself.
 */
import type { Eip1193Provider } from 'ethers';

export interface InjectedWallet {
  /** EIP-6963 uuid, or "window.ethereum". */
  id: string;
  name: string;
  /** Data URI of the wallet's icon (EIP-6963 requires one); absent for window.ethereum. */
  icon?: string;
  rdns?: string;
  provider: Eip1193Provider;
}

interface Announcement {
  info?: { uuid?: string; name?: string; icon?: string; rdns?: string };
  provider?: Eip1193Provider;
}

export const LEGACY_WALLET_ID = 'window.ethereum';

/**
 * Listens for wallets on `target` (the window) and asks them to announce themselves; calls back
 * with the whole list whenever it changes. Returns the unsubscribe function.
 */
export function watchWallets(
  target: EventTarget & { ethereum?: Eip1193Provider },
  onChange: (wallets: InjectedWallet[]) => void,
): () => void {
  const announced = new Map<string, InjectedWallet>();
  const list = (): InjectedWallet[] => {
    const wallets = [...announced.values()];
    if (wallets.length === 0 && target.ethereum && typeof target.ethereum.request === 'function')
      return [{ id: LEGACY_WALLET_ID, name: 'Browser wallet (window.ethereum)', provider: target.ethereum }];
    return wallets;
  };
  const onAnnounce = (event: Event) => {
    const detail = (event as CustomEvent<Announcement>).detail;
    const uuid = detail?.info?.uuid;
    if (!uuid || !detail.provider || typeof detail.provider.request !== 'function') return;
    announced.set(uuid, { id: uuid, name: detail.info?.name || uuid, icon: detail.info?.icon, rdns: detail.info?.rdns, provider: detail.provider });
    onChange(list());
  };
  target.addEventListener('eip6963:announceProvider', onAnnounce);
  target.dispatchEvent(new Event('eip6963:requestProvider'));
  onChange(list());
  return () => target.removeEventListener('eip6963:announceProvider', onAnnounce);
}

/** Calls back when the wallet switches account or chain (the sign-in then no longer holds). */
export function onWalletChange(provider: Eip1193Provider, listener: () => void): () => void {
  const events = provider as Eip1193Provider & {
    on?: (event: string, fn: () => void) => void;
    removeListener?: (event: string, fn: () => void) => void;
  };
  if (typeof events.on !== 'function') return () => undefined;
  events.on('accountsChanged', listener);
  events.on('chainChanged', listener);
  return () => {
    events.removeListener?.('accountsChanged', listener);
    events.removeListener?.('chainChanged', listener);
  };
}

/**
 * The wallet's chain, after asking it once to switch to `chainId` (EIP-3326
 * wallet_switchEthereumChain) when it is on another one. A wallet that refuses, or does not know
 * the chain, stays where it is: the caller says which chain to switch to.
 */
export async function ensureWalletChain(wallet: Eip1193Provider, chainId: number): Promise<number> {
  const current = async () => Number(BigInt((await wallet.request({ method: 'eth_chainId' })) as string));
  const before = await current();
  if (before === chainId) return before;
  try {
    await wallet.request({ method: 'wallet_switchEthereumChain', params: [{ chainId: `0x${chainId.toString(16)}` }] });
  } catch {
    return before; // refused by the user (4001), unknown chain (4902) or not supported
  }
  return current();
}
