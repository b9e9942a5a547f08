import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { AuditEntrySchema, entryHash, entryLine, GENESIS_HASH, type AuditEntry } from './audit-entry';
import { ANCHOR_FILE, anchorProblem, readAnchor } from './anchor';
import { monthFileOf, monthFiles, readHead, splitLines } from './audit-files';

export type VerifyResult =
  | {
      ok: true;
      entries: number;
      lastHash: string;
      files: string[];
      /** Whether ANCHOR.sealed was checked (it needs the key, so the passphrase). */
      anchor: 'checked' | 'not-checked';
    }
  | {
      ok: false;
      entries: number;
      /** The seq number the first bad entry has or should have had. */
      seq: number;
      file: string;
      /** 1-based line in `file`. */
      line: number;
      reason: string;
    };

/**
 * Checks the whole chain: every line parses, is in canonical form, has the next seq, names the
 * previous entry's hash and hashes to its own `hash`; it sits in its month's file; and HEAD.json's
 * entry is still there (so removing entries from the end is caught too). Reads one month at a time.
 * With `anchorKey` it also checks the sealed anchor (anchor.ts), which catches entries cut from the
 * end with HEAD.json rewritten to match. A `log-anchor-reset` entry is reported whether or not the
 * key is given: the host found entries lost at a start and recorded it.
 */
export async function verifyAuditLog(
  auditDir: string,
  opts: { originalsDir?: string; anchorKey?: Buffer } = {},
): Promise<VerifyResult> {
  const files = await monthFiles(auditDir);
  const head = await readHead(auditDir);
  const anchored = opts.anchorKey ? await readAnchor(auditDir, opts.anchorKey) : undefined;
  let anchoredHash: string | undefined;
  let reset: VerifyResult | undefined;
  let prev = GENESIS_HASH;
  let seq = 0;
  let headSeen = false;
  const bad = (file: string, line: number, reason: string, at = seq + 1): VerifyResult => ({
    ok: false,
    entries: seq,
    seq: at,
    file,
    line,
    reason,
  });
  for (const file of files) {
    const { lines, torn } = splitLines(await readFile(path.join(auditDir, file)));
    for (let i = 0; i < lines.length; i++) {
      const text = lines[i];
      let entry: AuditEntry;
      try {
        entry = AuditEntrySchema.parse(JSON.parse(text));
      } catch {
        return bad(
          file,
          i + 1,
          text.trim() === '' ? 'blank line' : 'not a valid audit entry (changed bytes)',
        );
      }
      if (entryLine(entry) !== text) return bad(file, i + 1, 'line is not in canonical form (edited)');
      if (entry.seq !== seq + 1)
        return bad(
          file,
          i + 1,
          entry.seq > seq + 1
            ? `entry ${seq + 1} is missing (found ${entry.seq})`
            : `entry ${entry.seq} is out of order (expected ${seq + 1})`,
        );
      if (entry.prev !== prev)
        return bad(file, i + 1, 'does not chain to the previous entry (reordered or removed)');
      if (entryHash(entry) !== entry.hash)
        return bad(file, i + 1, 'content does not match its hash (changed)');
      if (monthFileOf(entry.at) !== file) return bad(file, i + 1, `dated ${entry.at} but kept in ${file}`);
      // Reported after the rest is checked, so a later change is not hidden behind it.
      if (entry.action === 'log-anchor-reset' && !reset)
        reset = bad(
          file,
          i + 1,
          `the host found the sealed anchor broken at a start and sealed the log again: ${String(entry.detail?.problem ?? 'no detail')}`,
          entry.seq,
        );
      seq = entry.seq;
      prev = entry.hash;
      if (anchored?.state === 'ok' && seq === anchored.anchor.entries) anchoredHash = entry.hash;
      if (head && head !== 'invalid' && head.seq === seq) {
        if (head.hash !== entry.hash) return bad(file, i + 1, 'HEAD.json names another entry here', seq);
        headSeen = true;
      }
    }
    if (torn)
      return bad(file, lines.length + 1, `incomplete last line (${torn.byteLength} bytes, torn write)`);
  }
  const last = files.at(-1) ?? '(none)';
  if (head === 'invalid') return bad(last, 0, 'HEAD.json is damaged');
  if (head && !headSeen && head.seq > 0)
    return bad(head.file, 0, `entries ${seq + 1}..${head.seq} are missing (log truncated)`);
  if (!head && seq > 0) return bad(last, 0, 'HEAD.json is missing');
  if (seq === 0 && opts.originalsDir) {
    const originals = await readdir(opts.originalsDir).catch(() => [] as string[]);
    if (originals.length > 0)
      return bad('(none)', 0, `no audit log, but the data folder holds ${originals.length} originals`);
  }
  if (anchored) {
    const problem = anchorProblem(anchored, { entries: seq, hashAt: () => anchoredHash });
    if (problem) return bad(ANCHOR_FILE, 0, problem);
  }
  if (reset) return reset;
  return { ok: true, entries: seq, lastHash: prev, files, anchor: anchored ? 'checked' : 'not-checked' };
}
