/**
 * The key file a participant signed in with, remembered in this browser so a reload asks only
 * for the passphrase: the keystore v3 JSON exactly as imported (encrypted with the file's
 * passphrase), never the passphrase or the decrypted key. One per participant and deployment;
 * "Forget this key" removes it. Storage is injectable for tests.
 */
import type { AppConfig } from './app-config.js';
import { isEncryptedKeystore } from './export-app-zip.js';
import { deploymentKey, storage, type Storage } from './settings.js';

export interface RememberedKey {
  name: string;
  text: string;
}

const keyOf = (config: AppConfig, participantId: string) => `chainflow.app.keyFile:${deploymentKey(config)}:${participantId}`;
const lastKey = (config: AppConfig) => `chainflow.app.lastParticipant:${deploymentKey(config)}`;

/** Remembers an encrypted key file; refuses (returns false) anything that is not one. */
export function rememberKey(config: AppConfig, participantId: string, file: RememberedKey, store: Storage | undefined = storage()): boolean {
  if (!isEncryptedKeystore(file.text)) return false;
  try {
    store?.setItem(keyOf(config, participantId), JSON.stringify({ name: file.name, text: file.text }));
    store?.setItem(lastKey(config), participantId);
    return Boolean(store);
  } catch {
    return false; // storage full or blocked: the key is then kept for this page only
  }
}

export function rememberedKey(config: AppConfig, participantId: string, store: Storage | undefined = storage()): RememberedKey | undefined {
  try {
    const saved = JSON.parse(store?.getItem(keyOf(config, participantId)) ?? 'null') as RememberedKey | null;
    return saved && typeof saved.name === 'string' && isEncryptedKeystore(saved.text) ? saved : undefined;
  } catch {
    return undefined;
  }
}

export function forgetKey(config: AppConfig, participantId: string, store: Storage | undefined = storage()): void {
  store?.removeItem(keyOf(config, participantId));
  if (store?.getItem(lastKey(config)) === participantId) store.removeItem(lastKey(config));
}

/** Who signed in last with a remembered key (preselected after a reload). */
export function lastParticipant(config: AppConfig, store: Storage | undefined = storage()): string | undefined {
  const id = store?.getItem(lastKey(config)) ?? undefined;
  return id && rememberedKey(config, id, store) ? id : undefined;
}
