/**
 * Who is signed in to the exported app, and the only key it holds: a participant's key decrypted
 * from their keystore file (in memory only, dropped on sign-out, reload or after the idle time),
 * or an injected wallet's signer (the wallet keeps the key). It is the studio store's KeyStore
 * (`services.keys`), so the app's session slice signs with it exactly as in the IDE; what the IDE's
 * key store also does (workspace passphrase, creating, exporting or rotating keys) does not exist
 * here and says so.
 */
import { Wallet, type Provider, type Signer } from 'ethers';
import { createIdleLock, type IdleTimers } from '../keys/idle-lock.js';
import { KeysLockedError, type KeyEvent, type KeyResult, type KeyStore } from '../keys/key-store.js';
import { forGasMode, type GasMode } from './free-gas.js';

export const DEFAULT_APP_IDLE_MINUTES = 15;

export type SessionState =
  | { status: 'signed-out' }
  | { status: 'signed-in'; participantId: string; address: string; method: 'keystore' | 'wallet'; walletName?: string }
  /** Locked while idle (keystore) or because the wallet changed account or chain: sign in again. */
  | { status: 'locked'; participantId: string; address: string; reason: 'idle' | 'wallet-changed' };

const NOT_HERE = 'not available in the exported app: manage keys in the ChainFlow Studio IDE';

export interface ParticipantSession {
  state(): SessionState;
  subscribe(listener: (state: SessionState) => void): () => void;
  signInWithKey(participantId: string, privateKey: string): void;
  signInWithWallet(participantId: string, signer: Signer, walletName: string): Promise<void>;
  /** Ends the sign-in but remembers who it was (the unlock form then asks for the passphrase only). */
  lock(reason: 'idle' | 'wallet-changed'): void;
  signOut(): void;
  /** Reports user activity: postpones the idle lock. */
  touch(): void;
  /** The key store the studio store signs with; `gasMode` says whether transactions pay nothing. */
  keyStore(gasMode: () => GasMode): KeyStore;
}

export function createParticipantSession(options: { idleMinutes?: number; timers?: IdleTimers } = {}): ParticipantSession {
  let state: SessionState = { status: 'signed-out' };
  let signer: Signer | undefined; // present only while signed in
  let isWallet = false;
  const listeners = new Set<(s: SessionState) => void>();
  const keyListeners = new Set<(e: KeyEvent) => void>();
  const idle = createIdleLock((options.idleMinutes ?? DEFAULT_APP_IDLE_MINUTES) * 60_000, () => session.lock('idle'), options.timers);

  const set = (next: SessionState) => {
    state = next;
    listeners.forEach((l) => l(next));
    const lock = next.status === 'signed-in' ? 'unlocked' : 'locked';
    keyListeners.forEach((l) => l({ type: 'lock', state: lock }));
  };

  const session: ParticipantSession = {
    state: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    signInWithKey(participantId, privateKey) {
      const wallet = new Wallet(privateKey);
      signer = wallet;
      isWallet = false;
      idle.start();
      set({ status: 'signed-in', participantId, address: wallet.address, method: 'keystore' });
    },
    async signInWithWallet(participantId, walletSigner, walletName) {
      const address = await walletSigner.getAddress();
      signer = walletSigner;
      isWallet = true;
      idle.stop(); // the wallet locks itself
      set({ status: 'signed-in', participantId, address, method: 'wallet', walletName });
    },
    lock(reason) {
      if (state.status !== 'signed-in') return;
      signer = undefined; // the decrypted key goes with it
      idle.stop();
      set({ status: 'locked', participantId: state.participantId, address: state.address, reason });
    },
    signOut() {
      signer = undefined;
      idle.stop();
      set({ status: 'signed-out' });
    },
    touch() {
      idle.touch();
    },
    keyStore(gasMode) {
      return createSessionKeyStore(session, () => signer, () => isWallet, gasMode, keyListeners);
    },
  };
  return session;
}

function createSessionKeyStore(
  session: ParticipantSession,
  currentSigner: () => Signer | undefined,
  isWallet: () => boolean,
  gasMode: () => GasMode,
  listeners: Set<(e: KeyEvent) => void>,
): KeyStore {
  const signedIn = () => session.state().status === 'signed-in';
  const unavailable = async <T extends object>(): Promise<KeyResult<T>> => ({ ok: false, error: 'no-key', detail: NOT_HERE });
  return {
    status: async () => ({ lock: signedIn() ? 'unlocked' : 'locked', plaintextKeys: 0 }),
    get unlocked() {
      return signedIn();
    },
    setPassphrase: () => unavailable(),
    unlock: () => unavailable(),
    lock: () => session.lock('idle'),
    async whenUnlocked() {
      if (!signedIn()) throw new KeysLockedError('you are not signed in: sign in with your key file or wallet to sign');
    },
    cancelUnlock: () => undefined,
    touch: () => session.touch(),
    idleMinutes: async () => DEFAULT_APP_IDLE_MINUTES,
    setIdleMinutes: async () => undefined,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    ensureKeys: () => Promise.reject(new Error(`creating keys is ${NOT_HERE}`)),
    /**
     * The signed-in participant's signer, sending with a zero gas price on a free-gas chain. The
     * KeyStore type promises an ethers Wallet (the IDE's keys are); the session slice, its only
     * caller here, uses it as a Signer, which both a local key and an injected wallet are.
     */
    async getSigner(participantId: string, provider?: Provider | null): Promise<Wallet> {
      const state = session.state();
      const signer = currentSigner();
      if (state.status !== 'signed-in' || !signer) throw new KeysLockedError('you are signed out (or your key locked after a time idle): sign in again to sign');
      if (state.participantId !== participantId) throw new Error(`signed in as another participant than "${participantId}": sign in as them to act`);
      // an injected wallet sends through its own connection; a local key through the app's node
      const connected = isWallet() || !provider ? signer : signer.connect(provider);
      return forGasMode(connected, gasMode()) as unknown as Wallet;
    },
    getOperatorSigner: () => Promise.reject(new Error(`the consortium operator's key is ${NOT_HERE}`)),
    exportKey: () => unavailable(),
    rotateKey: () => unavailable(),
    importKey: () => unavailable(),
  };
}
