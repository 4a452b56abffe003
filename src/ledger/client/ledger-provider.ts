import type { NewBlockEvent } from '../engine/ledger-types.js';

/** EIP-1193 request arguments. */
export interface RequestArguments {
  method: string;
  params?: readonly unknown[] | Record<string, unknown>;
}

export type BlockListener = (block: NewBlockEvent) => void;

/**
 * The EIP-1193 provider both the worker client and the in-process variant hand out; pass it to
 * `createEthersProvider` (or `new ethers.BrowserProvider`). `request` rejects with an Error
 * carrying `code`, `message` and `data` (revert bytes for code 3).
 */
export interface LedgerProvider {
  request(args: RequestArguments): Promise<unknown>;
  /** Mined-block notifications, pushed (not polled). */
  on(event: 'block', listener: BlockListener): LedgerProvider;
  removeListener(event: 'block', listener: BlockListener): LedgerProvider;
}

/** A small listener registry shared by both providers. */
export class BlockListeners {
  private readonly listeners = new Set<BlockListener>();

  add(event: string, listener: BlockListener): void {
    if (event !== 'block') throw new Error(`ledger provider: unsupported event "${event}" (only "block")`);
    this.listeners.add(listener);
  }

  remove(listener: BlockListener): void {
    this.listeners.delete(listener);
  }

  emit(block: NewBlockEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(block);
      } catch {
        // One listener's bug must not stop the others.
      }
    }
  }
}
