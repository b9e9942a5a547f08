import { createHash } from 'node:crypto';
import { mkdir, open, readFile, truncate } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { writeFileAtomic } from '../atomic-file';
import type { AuditFilter } from '@hoso/contracts';
import {
  AuditEntrySchema,
  entryHash,
  entryLine,
  GENESIS_HASH,
  type AuditEntry,
  type AuditRecord,
} from './audit-entry';
import { anchorProblem, readAnchor, writeAnchor, type AnchorRead } from './anchor';
import { HEAD_FILE, monthFileOf, monthFiles, readHead, splitLines, TORN_DIR, type Head } from './audit-files';

export type AuditActor = { osUser: string; userName: string };

/**
 * The sealed anchor (anchor.ts), when the data folder is encrypted. `startAnchor`: encryption is
 * being switched on, so a missing anchor is expected rather than a sign that one was removed.
 */
export type AnchorOptions = { key: Buffer; startAnchor?: boolean };

/**
 * The host's append-only, hash-chained audit log (nhật ký). Only host code holds an AuditLog; the
 * renderer has no command that writes an entry: it sends domain commands (a correction, a
 * deletion) and the host decides what to record. Appends are serialized, each line is fsync'd
 * before the call returns, then HEAD.json is replaced atomically.
 */
export class AuditLog {
  private last: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH };
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly dir: string,
    private readonly actor: () => Promise<AuditActor> | AuditActor,
    private readonly anchor: AnchorOptions | undefined,
  ) {}

  /**
   * Opens the log, recovering a torn last line (see recoverTornTail) and, with an anchor key,
   * checking the sealed anchor (see resetAnchor).
   */
  static async open(
    dir: string,
    actor: () => Promise<AuditActor> | AuditActor,
    anchor?: AnchorOptions,
  ): Promise<AuditLog> {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const log = new AuditLog(dir, actor, anchor);
    await log.load();
    return log;
  }

  private async load(): Promise<void> {
    const files = await monthFiles(this.dir);
    const head = await readHead(this.dir);
    const anchored = this.anchor ? await readAnchor(this.dir, this.anchor.key) : undefined;
    let anchoredHash: string | undefined;
    const lastFile = files.at(-1);
    let torn: { file: string; bytes: Buffer; keep: number } | undefined;
    for (const file of files) {
      const raw = await readFile(path.join(this.dir, file));
      const { lines, torn: fragment } = splitLines(raw);
      for (const line of lines) {
        const parsed = AuditEntrySchema.safeParse(safeJson(line));
        // A damaged line is left for `hoso audit verify` to report; the chain continues from the
        // last entry that parses so new actions are still recorded.
        if (parsed.success) this.last = { seq: parsed.data.seq, hash: parsed.data.hash };
        if (parsed.success && anchored?.state === 'ok' && parsed.data.seq === anchored.anchor.entries)
          anchoredHash = parsed.data.hash;
      }
      if (fragment && file === lastFile)
        torn = { file, bytes: fragment, keep: raw.byteLength - fragment.byteLength };
    }
    // Checked before any append below rewrites the anchor.
    const problem =
      anchored && !(anchored.state === 'missing' && this.anchor?.startAnchor)
        ? anchorProblem(anchored, {
            entries: this.last.seq,
            hashAt: (seq) => (seq === this.last.seq ? this.last.hash : anchoredHash),
          })
        : undefined;
    if (torn) await this.recoverTornTail(torn);
    if (anchored) await this.resetAnchor(anchored, problem);
    // HEAD lags only when the host stopped between a line's fsync and HEAD's rename; never move
    // it backwards (that would hide entries removed from the end).
    const headSeq = head && head !== 'invalid' ? head.seq : 0;
    if (this.last.seq > headSeq && head !== 'invalid') await this.writeHead(lastFile ?? monthFileOf(now()));
  }

  /**
   * The host found the anchor disagreeing with the log at start (entries cut off, the anchor
   * changed or removed). Carrying on would re-seal the shortened log at the next append and hide
   * the loss, so the loss is recorded first: a `log-anchor-reset` entry names the problem, and it
   * stays in the chain, where `hoso audit verify` and the Nhật ký report it. A lagging anchor (a
   * crash before its rename) is only brought up to date.
   */
  private async resetAnchor(anchored: AnchorRead, problem: string | undefined): Promise<void> {
    if (problem) {
      await this.appendNow({
        action: 'log-anchor-reset',
        detail: {
          problem,
          anchorEntries: anchored.state === 'ok' ? anchored.anchor.entries : null,
          foundEntries: this.last.seq,
        },
      });
    } else if (anchored.state !== 'ok' || anchored.anchor.entries !== this.last.seq) {
      await this.writeAnchorNow();
    }
  }

  private async writeAnchorNow(): Promise<void> {
    if (this.anchor)
      await writeAnchor(this.dir, this.anchor.key, { entries: this.last.seq, hash: this.last.hash });
  }

  /**
   * A line without its newline is a write cut short by a crash (its fsync never returned, so the
   * action's caller never saw success). The fragment is moved to audit/torn/, the file cut back to
   * its last complete line, and a `log-recovered` entry records the fragment's size and SHA-256:
   * the repair is itself in the chain, and `hoso audit verify` reports an unrepaired torn line.
   */
  private async recoverTornTail(torn: { file: string; bytes: Buffer; keep: number }): Promise<void> {
    const whole = AuditEntrySchema.safeParse(safeJson(torn.bytes.toString('utf8')));
    if (
      whole.success &&
      whole.data.seq === this.last.seq + 1 &&
      whole.data.prev === this.last.hash &&
      entryHash(whole.data) === whole.data.hash
    ) {
      // Only the newline was lost: the entry is whole, so it is completed rather than set aside.
      const handle = await open(path.join(this.dir, torn.file), 'a');
      await handle
        .write('\n')
        .then(() => handle.sync())
        .finally(() => handle.close());
      this.last = { seq: whole.data.seq, hash: whole.data.hash };
      return;
    }
    const tornDir = path.join(this.dir, TORN_DIR);
    const digest = createHash('sha256').update(torn.bytes).digest('hex');
    await writeFileAtomic(
      path.join(tornDir, `${torn.file}.${torn.keep}.${digest.slice(0, 12)}.torn`),
      torn.bytes,
    );
    const file = path.join(this.dir, torn.file);
    await truncate(file, torn.keep);
    const handle = await open(file, 'r+');
    await handle.sync().finally(() => handle.close());
    await this.appendNow({
      action: 'log-recovered',
      detail: { file: torn.file, tornBytes: torn.bytes.byteLength, tornSha256: digest, offset: torn.keep },
    });
  }

  get lastSeq(): number {
    return this.last.seq;
  }

  get lastHash(): string {
    return this.last.hash;
  }

  /** Appends one entry and resolves once it is on disk. */
  append(record: AuditRecord): Promise<AuditEntry> {
    const next = this.queue.then(() => this.appendNow(record));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async appendNow(record: AuditRecord): Promise<AuditEntry> {
    const who = await this.actor();
    const body: Omit<AuditEntry, 'hash'> = {
      v: 1,
      seq: this.last.seq + 1,
      at: now(),
      ...stripUndefined(record),
      osUser: who.osUser.normalize('NFC').slice(0, 200),
      userName: who.userName.normalize('NFC').slice(0, 200),
      prev: this.last.hash,
    };
    const entry = AuditEntrySchema.parse({ ...body, hash: entryHash(body) });
    const file = monthFileOf(entry.at);
    const handle = await open(path.join(this.dir, file), 'a', 0o600);
    try {
      await handle.write(`${entryLine(entry)}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    this.last = { seq: entry.seq, hash: entry.hash };
    await this.writeHead(file);
    await this.writeAnchorNow();
    return entry;
  }

  private async writeHead(file: string): Promise<void> {
    const head: Head = { seq: this.last.seq, hash: this.last.hash, file };
    await writeFileAtomic(path.join(this.dir, HEAD_FILE), JSON.stringify(head));
  }

  /** Entries matching the filter, oldest first (the log of a desktop unit is small enough to scan). */
  async list(filter: AuditFilter = {}): Promise<AuditEntry[]> {
    await this.queue;
    const out: AuditEntry[] = [];
    const text = filter.text?.normalize('NFC').toLowerCase();
    for (const file of await monthFiles(this.dir)) {
      if (filter.from && file < monthFileOf(filter.from)) continue;
      if (filter.to && file > monthFileOf(filter.to)) continue;
      const { lines } = splitLines(await readFile(path.join(this.dir, file)));
      for (const line of lines) {
        const parsed = AuditEntrySchema.safeParse(safeJson(line));
        if (!parsed.success) continue;
        const e = parsed.data;
        if (filter.caseId && e.caseId !== filter.caseId) continue;
        if (filter.actions?.length && !filter.actions.includes(e.action)) continue;
        if (filter.from && e.at < filter.from) continue;
        if (filter.to && e.at > filter.to) continue;
        if (text && !line.toLowerCase().includes(text)) continue;
        out.push(e);
      }
    }
    return out;
  }
}

/** The person behind host actions: the OS account, and the name typed in Cài đặt. */
export function osUserName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}

const now = () => new Date().toISOString();

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
