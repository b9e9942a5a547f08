import {
  createCipheriv,
  createDecipheriv,
  randomBytes,
  scrypt as scryptCb,
  type ScryptOptions,
} from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomic } from '../atomic-file';
import { hostFail } from '../host-error';

/**
 * The data folder's key: one random 256-bit data key, never stored in the clear, wrapped
 * (AES-256-GCM) by a key derived from the user's passphrase with scrypt. The wrap's GCM tag is the
 * key check: a wrong passphrase fails it before any file is read or written.
 *
 * scrypt N = 2^17, r = 8, p = 1 (128 MiB, ≈ 0.3–0.6 s here): OWASP's 2023 minimum for scrypt is
 * N = 2^17, r = 8, p = 1. Argon2id would need a native or WASM npm package; Node's built-in
 * scrypt needs none and is what the parameters above are stated for.
 */
export const SCRYPT_PARAMS = { N: 2 ** 17, r: 8, p: 1 } as const;
const WRAP_AAD = Buffer.from('hoso data key v1');

const b64 = z.string().regex(/^[A-Za-z0-9+/]+=*$/);
export const KeyringSchema = z.object({
  format: z.literal('hoso-keyring'),
  version: z.literal(1),
  kdf: z.object({
    name: z.literal('scrypt'),
    N: z
      .number()
      .int()
      .min(2 ** 14)
      .max(2 ** 22),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
    salt: b64,
  }),
  wrap: z.object({ alg: z.literal('A256GCM'), iv: b64, tag: b64, key: b64 }),
  createdAt: z.string(),
});
export type Keyring = z.infer<typeof KeyringSchema>;

function deriveKek(
  passphrase: string,
  salt: Buffer,
  kdf: { N: number; r: number; p: number },
): Promise<Buffer> {
  const opts: ScryptOptions = {
    N: kdf.N,
    r: kdf.r,
    p: kdf.p,
    maxmem: 256 * kdf.N * kdf.r + 64 * 1024 * 1024,
  };
  return new Promise((resolve, reject) =>
    scryptCb(passphrase.normalize('NFC'), salt, 32, opts, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export function checkPassphrase(passphrase: string): void {
  if (passphrase.normalize('NFC').length < 8)
    hostFail('WEAK_PASSPHRASE', 'The passphrase must have at least 8 characters.');
}

/** Wraps `dataKey` (or a fresh one) under `passphrase`. */
export async function createKeyring(
  passphrase: string,
  dataKey: Buffer = randomBytes(32),
  kdf: { N: number; r: number; p: number } = SCRYPT_PARAMS,
): Promise<{ keyring: Keyring; dataKey: Buffer }> {
  checkPassphrase(passphrase);
  const salt = randomBytes(16);
  const kek = await deriveKek(passphrase, salt, kdf);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(WRAP_AAD);
  const wrapped = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  const keyring: Keyring = {
    format: 'hoso-keyring',
    version: 1,
    kdf: { name: 'scrypt', ...kdf, salt: salt.toString('base64') },
    wrap: {
      alg: 'A256GCM',
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      key: wrapped.toString('base64'),
    },
    createdAt: new Date().toISOString(),
  };
  return { keyring, dataKey };
}

/** The data key, or WRONG_PASSPHRASE (nothing else happens). */
export async function unwrapDataKey(keyring: Keyring, passphrase: string): Promise<Buffer> {
  const kek = await deriveKek(passphrase, Buffer.from(keyring.kdf.salt, 'base64'), keyring.kdf);
  const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(keyring.wrap.iv, 'base64'));
  decipher.setAAD(WRAP_AAD);
  decipher.setAuthTag(Buffer.from(keyring.wrap.tag, 'base64'));
  try {
    const key = Buffer.concat([decipher.update(Buffer.from(keyring.wrap.key, 'base64')), decipher.final()]);
    if (key.byteLength !== 32) throw new Error('bad key length');
    return key;
  } catch {
    return hostFail('WRONG_PASSPHRASE', 'The passphrase is wrong; nothing was opened or changed.');
  }
}

export async function readKeyring(file: string): Promise<Keyring | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  const parsed = KeyringSchema.safeParse(JSON.parse(text));
  if (!parsed.success) return hostFail('KEYRING_DAMAGED', `The key file ${file} is damaged.`);
  return parsed.data;
}

export async function writeKeyring(file: string, keyring: Keyring, tmpDir: string): Promise<void> {
  await writeFileAtomic(file, JSON.stringify(keyring, null, 1), tmpDir);
}
