import { hkdfSync } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../atomic-file';
import { openBytes, sealBytes } from '../crypto/sealed-file';

/**
 * The sealed anchor of the audit log, `audit/ANCHOR.sealed`: the number of entries and the last
 * entry's hash, sealed (sealed-file format, AES-256-GCM) under a key derived from the data key of
 * encryption at rest. HEAD.json alone cannot catch someone who cuts the last entries off and
 * rewrites HEAD to match; without the passphrase they cannot write an anchor that opens.
 *
 * The key is HKDF-SHA256(data key, info "hoso audit anchor v1"), not the data key itself, so no
 * other sealed file of the folder (an OCR words file, a page image) can be copied over the anchor
 * and open. What it does not stop: putting back an older ANCHOR.sealed together with a log cut to
 * that same point (a rollback); only a copy kept off the machine catches that.
 */
export const ANCHOR_FILE = 'ANCHOR.sealed';
const INFO = Buffer.from('hoso audit anchor v1');

const Hex64 = z.string().regex(/^[0-9a-f]{64}$/);
export const AnchorSchema = z
  .object({
    format: z.literal('hoso-audit-anchor'),
    v: z.literal(1),
    entries: z.number().int().min(0),
    hash: Hex64,
  })
  .strict();
export type Anchor = { entries: number; hash: string };

export function auditAnchorKey(dataKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), INFO, 32));
}

/** Replaces the anchor: sealed into a temp file, fsync'd, renamed over the old one. */
export async function writeAnchor(auditDir: string, key: Buffer, anchor: Anchor): Promise<void> {
  const plain = JSON.stringify({ format: 'hoso-audit-anchor', v: 1, ...anchor });
  await writeFileAtomic(path.join(auditDir, ANCHOR_FILE), await sealBytes(key, Buffer.from(plain, 'utf8')));
}

export type AnchorRead = { state: 'ok'; anchor: Anchor } | { state: 'missing' } | { state: 'broken' };

/** `broken`: the file does not open under this key (changed, replaced, or another folder's key). */
export async function readAnchor(auditDir: string, key: Buffer): Promise<AnchorRead> {
  let sealed: Buffer;
  try {
    sealed = await readFile(path.join(auditDir, ANCHOR_FILE));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
    throw err;
  }
  try {
    const parsed = AnchorSchema.parse(
      JSON.parse((await openBytes(key, sealed, ANCHOR_FILE)).toString('utf8')),
    );
    return { state: 'ok', anchor: { entries: parsed.entries, hash: parsed.hash } };
  } catch {
    return { state: 'broken' };
  }
}

/**
 * What is wrong between the anchor and the log as found (`entries` complete entries, `hashAt(n)`
 * the hash of entry n), or undefined when they agree. The anchor may lag the log by entries
 * written after it (a crash between a line's fsync and the anchor's rename): those still chain
 * to the anchored entry, so they are not a problem.
 */
export function anchorProblem(
  read: AnchorRead,
  found: { entries: number; hashAt: (seq: number) => string | undefined },
): string | undefined {
  if (read.state === 'missing')
    return found.entries > 0 ? `${ANCHOR_FILE} is missing (removed, or the log was never sealed)` : undefined;
  if (read.state === 'broken')
    return `${ANCHOR_FILE} does not open with this passphrase (changed or replaced)`;
  const { anchor } = read;
  if (anchor.entries > found.entries)
    return `log truncated: anchor says ${anchor.entries} entries, found ${found.entries}`;
  if (anchor.entries > 0 && found.hashAt(anchor.entries) !== anchor.hash)
    return `log rewritten: entry ${anchor.entries} is not the entry the anchor sealed`;
  return undefined;
}
