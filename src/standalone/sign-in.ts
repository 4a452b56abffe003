/**
 * Signing in to the exported app as a participant: with their keystore v3 file (the IDE's key
 * export) and its passphrase, or with an injected wallet. The key must be the participant's
 * registered account in the deployment, and a wallet must be on the deployment's chain. Every
 * refusal comes back as data the UI words; nothing is thrown and nothing is kept on failure.
 */
import { BrowserProvider, type Eip1193Provider, type Signer } from 'ethers';
import type { AppManifest } from '../../generators/index.js';
import { decryptKeystore } from '../keys/keystore-crypto.js';
import { ensureWalletChain } from '../chain/injected-wallets.js';

export type SignInProblem =
  | { kind: 'no-address'; name: string }
  | { kind: 'invalid-file'; detail: string }
  | { kind: 'wrong-passphrase' }
  | { kind: 'wrong-key'; name: string; expected: string; actual: string }
  | { kind: 'wallet-refused'; detail: string }
  | { kind: 'wallet-wrong-chain'; actual: number; expected: number }
  | { kind: 'wallet-no-account'; name: string; expected: string; accounts: string[] };

type Participant = AppManifest['participants'][number];

/** Whether `address` is the participant's account in the deployment. Pure. */
export function accountProblem(participant: Participant, address: string): SignInProblem | undefined {
  if (!participant.address) return { kind: 'no-address', name: participant.name };
  if (participant.address.toLowerCase() !== address.toLowerCase())
    return { kind: 'wrong-key', name: participant.name, expected: participant.address, actual: address };
  return undefined;
}

/** Opens a keystore file for the participant; the private key only when it is theirs. */
export async function openKeyFile(
  participant: Participant,
  json: string,
  passphrase: string,
): Promise<{ ok: true; privateKey: string } | { ok: false; problem: SignInProblem }> {
  if (!participant.address) return { ok: false, problem: { kind: 'no-address', name: participant.name } };
  const opened = await decryptKeystore(json, passphrase);
  if (!opened.ok) return { ok: false, problem: opened.error === 'wrong-passphrase' ? { kind: 'wrong-passphrase' } : { kind: 'invalid-file', detail: opened.detail } };
  const problem = accountProblem(participant, opened.address);
  return problem ? { ok: false, problem } : { ok: true, privateKey: opened.privateKey };
}

const message = (e: unknown) => (e as { message?: string })?.message ?? String(e);

/**
 * Asks the wallet for its accounts and chain and returns the signer of the participant's account
 * when the wallet is on the right chain and holds that account.
 */
export async function connectWallet(
  participant: Participant,
  wallet: Eip1193Provider,
  chainId: number,
): Promise<{ ok: true; signer: Signer } | { ok: false; problem: SignInProblem }> {
  if (!participant.address) return { ok: false, problem: { kind: 'no-address', name: participant.name } };
  let accounts: string[];
  let walletChain: number;
  try {
    accounts = ((await wallet.request({ method: 'eth_requestAccounts' })) as string[]) ?? [];
    walletChain = await ensureWalletChain(wallet, chainId);
  } catch (e) {
    return { ok: false, problem: { kind: 'wallet-refused', detail: message(e) } };
  }
  if (walletChain !== chainId) return { ok: false, problem: { kind: 'wallet-wrong-chain', actual: walletChain, expected: chainId } };
  const account = accounts.find((a) => a.toLowerCase() === participant.address!.toLowerCase());
  if (!account) return { ok: false, problem: { kind: 'wallet-no-account', name: participant.name, expected: participant.address, accounts } };
  const provider = new BrowserProvider(wallet, chainId);
  return { ok: true, signer: await provider.getSigner(account) };
}
