import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { hostFail } from '../host-error';
import { createKeyring, KeyringSchema, unwrapDataKey } from './keyring';
import { openStream, sealStream } from './sealed-file';

/**
 * A `.hoso` bundle exported with a passphrase: the zip, sealed with a random key that is wrapped
 * by the passphrase exactly as the data folder's key is (scrypt + AES-256-GCM, keyring.ts). The
 * passphrase is never written anywhere; the wrap is the key check, so a wrong passphrase is refused
 * before a byte of the bundle is decrypted or stored.
 *
 *   "HOSOPWB1" | uint32be(n) | n bytes of keyring JSON | sealed-file stream of the zip
 */
const MAGIC = Buffer.from('HOSOPWB1', 'latin1');

export async function isPassphraseBundle(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(MAGIC.byteLength);
    const { bytesRead } = await handle.read(head, 0, head.byteLength, 0);
    return bytesRead === head.byteLength && head.equals(MAGIC);
  } finally {
    await handle.close();
  }
}

/** Seals the finished zip `plainZip` into `target` (temp + fsync + rename). */
export async function sealBundle(
  plainZip: string,
  target: string,
  passphrase: string,
  tmpDir: string,
): Promise<number> {
  const { keyring, dataKey } = await createKeyring(passphrase);
  const json = Buffer.from(JSON.stringify(keyring), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(json.byteLength);
  await mkdir(tmpDir, { recursive: true });
  const tmp = path.join(tmpDir, `${randomUUID()}.hoso.part`);
  const out = await open(tmp, 'w', 0o600);
  let size = 0;
  try {
    for (const part of [MAGIC, len, json]) {
      await out.write(part);
      size += part.byteLength;
    }
    for await (const chunk of sealStream(dataKey, createReadStream(plainZip))) {
      await out.write(chunk);
      size += chunk.byteLength;
    }
    await out.sync();
    await out.close();
    await rename(tmp, target);
    return size;
  } catch (err) {
    await out.close().catch(() => undefined);
    await rm(tmp, { force: true });
    throw err;
  }
}

/**
 * Checks the passphrase, then decrypts the bundle into a private temp zip for the importer and
 * returns its path (the caller removes it). Wrong passphrase → WRONG_PASSPHRASE, nothing written.
 */
export async function openBundle(
  file: string,
  passphrase: string | undefined,
  tmpDir: string,
): Promise<string> {
  if (!passphrase)
    return hostFail('PASSPHRASE_REQUIRED', 'This bundle is encrypted: give its passphrase to import it.');
  const handle = await open(file, 'r');
  let keyringJson: Buffer;
  try {
    const len = Buffer.alloc(4);
    await handle.read(len, 0, 4, MAGIC.byteLength);
    const n = len.readUInt32BE();
    if (n > 64 * 1024) hostFail('BUNDLE_CORRUPT', 'The encrypted bundle header is not valid.');
    keyringJson = Buffer.alloc(n);
    const { bytesRead } = await handle.read(keyringJson, 0, n, MAGIC.byteLength + 4);
    if (bytesRead !== n) hostFail('BUNDLE_CORRUPT', 'The encrypted bundle is cut short.');
  } finally {
    await handle.close();
  }
  let keyring;
  try {
    keyring = KeyringSchema.parse(JSON.parse(keyringJson.toString('utf8')));
  } catch {
    return hostFail('BUNDLE_CORRUPT', 'The encrypted bundle header is not valid.');
  }
  const key = await unwrapDataKey(keyring, passphrase).catch(() =>
    hostFail('WRONG_PASSPHRASE', 'The bundle passphrase is wrong; nothing was imported.'),
  );
  const tmp = path.join(tmpDir, `${randomUUID()}.zip.part`);
  const out = await open(tmp, 'w', 0o600);
  try {
    const body = createReadStream(file, { start: MAGIC.byteLength + 4 + keyringJson.byteLength });
    for await (const chunk of openStream(key, body, 'bundle')) await out.write(chunk);
    await out.close();
    return tmp;
  } catch (err) {
    await out.close().catch(() => undefined);
    await rm(tmp, { force: true });
    if ((err as { error?: { code?: string } }).error?.code === 'INTEGRITY_ERROR')
      hostFail('BUNDLE_TAMPERED', 'The encrypted bundle was changed or is damaged; nothing was imported.');
    throw err;
  }
}
