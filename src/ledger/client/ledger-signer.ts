/**
 * An ethers Signer for a participant whose key the IDE holds, on the bundled ledger: a
 * transaction goes as eth_sendTransaction and the ledger worker signs it (WASM secp256k1, and it
 * need not recover the sender it signed for), instead of ethers signing on the page and the
 * worker recovering the sender. The key is unlocked in the ledger (ledger_unlockAccount: worker
 * memory only, never stored) on the first transaction, and again when a restarted worker answers
 * 4100. Messages, typed data and signTransaction are signed on the page by the wallet itself.
 * Call lock() when the key session ends. Kept apart from the client so it alone pulls in ethers.
 */
import {
  JsonRpcSigner,
  type JsonRpcApiProvider,
  type Provider,
  type TransactionRequest,
  type TypedDataDomain,
  type TypedDataField,
  type Wallet,
} from 'ethers';

/** EIP-1193 4100 as it reaches ethers' caller (BrowserProvider wraps the provider's error). */
function isNotUnlocked(error: unknown): boolean {
  const e = error as { code?: unknown; error?: { code?: unknown }; info?: { error?: { code?: unknown } } };
  return e?.code === 4100 || e?.error?.code === 4100 || e?.info?.error?.code === 4100;
}

export class LedgerSigner extends JsonRpcSigner {
  #unlocked: Promise<void> | undefined;

  constructor(
    private readonly wallet: Wallet,
    provider: JsonRpcApiProvider,
  ) {
    super(provider, wallet.address);
  }

  override connect(provider: Provider | null): LedgerSigner {
    if (provider === null || !('send' in provider)) throw new Error('LedgerSigner: connect it to the ethers provider of a bundled ledger');
    return new LedgerSigner(this.wallet, provider as JsonRpcApiProvider);
  }

  override async sendUncheckedTransaction(tx: TransactionRequest): Promise<string> {
    await (this.#unlocked ??= this.#unlockInLedger());
    try {
      return await super.sendUncheckedTransaction(tx);
    } catch (error) {
      // A restarted worker has forgotten the key: give it again, once.
      if (!isNotUnlocked(error)) throw error;
      this.#unlocked = this.#unlockInLedger();
      await this.#unlocked;
      return super.sendUncheckedTransaction(tx);
    }
  }

  /**
   * As a Wallet populates (nonce, gas limit, chain id, fees), not as JsonRpcSigner (which leaves
   * the nonce to the node): a resumable deployment fixes the nonce before sending (send-and-wait.ts).
   */
  override populateTransaction(tx: TransactionRequest): ReturnType<Wallet['populateTransaction']> {
    return this.wallet.connect(this.provider).populateTransaction(tx);
  }

  override async signTransaction(tx: TransactionRequest): Promise<string> {
    const connected = this.wallet.connect(this.provider);
    return connected.signTransaction(await connected.populateTransaction(tx));
  }

  override signMessage(message: string | Uint8Array): Promise<string> {
    return this.wallet.signMessage(message);
  }

  override signTypedData(domain: TypedDataDomain, types: Record<string, TypedDataField[]>, value: Record<string, unknown>): Promise<string> {
    return this.wallet.connect(this.provider).signTypedData(domain, types, value);
  }

  /** Makes the ledger forget this key (the page's wallet is untouched); the next transaction unlocks it again. */
  async lock(): Promise<void> {
    this.#unlocked = undefined;
    await this.provider.send('ledger_lockAccount', [this.address]);
  }

  /**
   * @throws Error naming the account and the ledger's reason, never ethers' own error: that one
   * quotes the request, and the request holds the key.
   */
  async #unlockInLedger(): Promise<void> {
    try {
      await this.provider.send('ledger_unlockAccount', [this.wallet.privateKey]);
    } catch (error) {
      this.#unlocked = undefined;
      const e = error as { error?: { message?: unknown }; info?: { error?: { message?: unknown } }; shortMessage?: unknown };
      const reason = e?.error?.message ?? e?.info?.error?.message ?? e?.shortMessage ?? 'no reason given';
      throw new Error(`the bundled ledger did not take the key of ${this.address}: ${String(reason)}`);
    }
  }
}
