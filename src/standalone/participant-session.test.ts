import { JsonRpcProvider, Network, Wallet } from 'ethers';
import { describe, expect, it } from 'vitest';
import type { IdleTimers } from '../keys/idle-lock.js';
import { FreeGasSigner } from './free-gas.js';
import { createParticipantSession, type SessionState } from './participant-session.js';

const KEY = '0x' + '44'.repeat(32);
const ADDRESS = new Wallet(KEY).address;

function fakeTimers() {
  let pending: { fn: () => void; ms: number } | undefined;
  const timers: IdleTimers = {
    setTimeout: (fn, ms) => (pending = { fn, ms }),
    clearTimeout: () => (pending = undefined),
  };
  return { timers, fire: () => pending?.fn(), get pendingMs() { return pending?.ms; } };
}

const offline = () => new JsonRpcProvider('http://127.0.0.1:9', Network.from(31337), { staticNetwork: true });

describe('the participant session', () => {
  it('signs as the signed-in participant only, through the app node, paying no gas on a free chain', async () => {
    // given 王芳 signed in with her key on a free-gas chain
    const session = createParticipantSession();
    const keys = session.keyStore(() => 'free');
    session.signInWithKey('wang-fang', KEY);
    const provider = offline();
    // when the app asks for her signer
    const signer = (await keys.getSigner('wang-fang', provider)) as unknown as FreeGasSigner;
    // then it is her key, connected to the app's node, sending with a zero gas price
    expect(signer).toBeInstanceOf(FreeGasSigner);
    expect(await signer.getAddress()).toBe(ADDRESS);
    expect(signer.provider).toBe(provider);
    expect(keys.unlocked).toBe(true);
    // and nobody else can be signed for
    await expect(keys.getSigner('li-wei', provider)).rejects.toThrow('signed in as another participant than "li-wei"');
    provider.destroy();
  });

  it('drops the key after the idle time and tells its listeners; the participant is remembered', async () => {
    // given a signed-in session with an idle lock of 5 minutes
    const clock = fakeTimers();
    const session = createParticipantSession({ idleMinutes: 5, timers: clock.timers });
    const keys = session.keyStore(() => 'market');
    const seen: SessionState[] = [];
    const lockEvents: string[] = [];
    session.subscribe((s) => seen.push(s));
    keys.subscribe((e) => e.type === 'lock' && lockEvents.push(e.state));
    session.signInWithKey('wang-fang', KEY);
    expect(clock.pendingMs).toBe(5 * 60_000);
    // when the time passes with no activity
    clock.fire();
    // then the session is locked for the same participant, and signing fails in words
    expect(session.state()).toEqual({ status: 'locked', participantId: 'wang-fang', address: ADDRESS, reason: 'idle' });
    expect(lockEvents).toEqual(['unlocked', 'locked']);
    await expect(keys.getSigner('wang-fang')).rejects.toThrow('sign in again');
    await expect(keys.whenUnlocked()).rejects.toThrow('not signed in');
    expect(seen.map((s) => s.status)).toEqual(['signed-in', 'locked']);
  });

  it('signs out completely, and refuses what only the IDE does', async () => {
    const session = createParticipantSession();
    const keys = session.keyStore(() => 'market');
    session.signInWithKey('wang-fang', KEY);
    session.signOut();
    expect(session.state()).toEqual({ status: 'signed-out' });
    expect(await keys.status()).toEqual({ lock: 'locked', plaintextKeys: 0 });
    expect(await keys.exportKey('wang-fang', 'x')).toMatchObject({ ok: false, detail: expect.stringContaining('not available in the exported app') });
    await expect(keys.getOperatorSigner()).rejects.toThrow('not available in the exported app');
  });

  it('keeps an injected wallet signer on its own connection and locks when told the wallet changed', async () => {
    // given a wallet's signer (its own provider)
    const walletProvider = offline();
    const walletSigner = new Wallet(KEY, walletProvider);
    const session = createParticipantSession();
    const keys = session.keyStore(() => 'market');
    await session.signInWithWallet('wang-fang', walletSigner, 'Test Wallet');
    expect(session.state()).toMatchObject({ status: 'signed-in', method: 'wallet', walletName: 'Test Wallet', address: ADDRESS });
    // when the app asks for a signer on its node, then the wallet's own signer is used
    const appProvider = offline();
    const signer = await keys.getSigner('wang-fang', appProvider);
    expect(signer).toBe(walletSigner);
    // when the wallet switches account
    session.lock('wallet-changed');
    expect(session.state()).toMatchObject({ status: 'locked', reason: 'wallet-changed' });
    walletProvider.destroy();
    appProvider.destroy();
  });
});
