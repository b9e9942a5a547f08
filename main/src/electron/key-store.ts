import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../services/atomic-file';
import type { HostGate } from '../services/host-gate';

/**
 * Electron only, NOT RUN OR TESTED HERE (no Electron binary on the build machine): the OS key
 * store (safeStorage: DPAPI on Windows, Keychain on macOS, libsecret/kwallet on Linux) may hold
 * the data key, encrypted to the logged-in OS user, so the passphrase is not asked at every start.
 * The file is useless to another OS user or on another machine. Without a usable key store
 * (Linux 'basic_text' backend) nothing is saved and the passphrase screen is shown as in the browser.
 */
type SafeStorage = {
  isEncryptionAvailable(): boolean;
  getSelectedStorageBackend?(): string;
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
};

const fileOf = (userDataDir: string) => path.join(userDataDir, 'data-key.safestorage');

function usable(safeStorage: SafeStorage): boolean {
  return safeStorage.isEncryptionAvailable() && safeStorage.getSelectedStorageBackend?.() !== 'basic_text';
}

export async function unlockFromKeyStore(
  gate: HostGate,
  deps: { safeStorage: SafeStorage; userDataDir: string },
): Promise<void> {
  if (!gate.state().locked || !usable(deps.safeStorage)) return;
  const sealed = await readFile(fileOf(deps.userDataDir)).catch(() => undefined);
  if (!sealed) return;
  try {
    await gate.unlockWithDataKey(Buffer.from(deps.safeStorage.decryptString(sealed), 'base64'));
  } catch {
    // A stale key (folder re-keyed, restored from elsewhere): forget it, ask for the passphrase.
    await rm(fileOf(deps.userDataDir), { force: true });
  }
}

/** After an unlock with the passphrase, when the user ticked "remember on this computer". */
export async function rememberInKeyStore(
  gate: HostGate,
  deps: { safeStorage: SafeStorage; userDataDir: string },
): Promise<boolean> {
  const key = gate.dataKeyForKeyStore();
  if (!key || !usable(deps.safeStorage)) return false;
  await writeFileAtomic(fileOf(deps.userDataDir), deps.safeStorage.encryptString(key.toString('base64')));
  return true;
}
