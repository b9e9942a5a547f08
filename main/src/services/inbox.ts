import type { HostError, InboxEntry } from '@hoso/contracts';
import { InboxListSchema } from '@hoso/contracts';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { plainCodec, type BlobCodec } from './crypto/blob-codec';
import type { DataPaths } from './data-dir';
import { HostFailure } from './host-error';
import { readJsonFile } from './json-file';

export type NewInboxEntry = Omit<InboxEntry, 'id' | 'storedAt'>;

/**
 * The durable hand-off from host to renderer (issue 12, item 3): one entry per original the host
 * stored on its own (scanner, watched folder) that no window has recorded in the dossier yet.
 * One JSON file, `inbox/inbox.json`, rewritten whole through the codec (temp file, fsync, rename;
 * sealed when the data folder is encrypted) on every change, so it survives restarts and crashes.
 *
 * A file that cannot be read (torn by a filesystem that reordered writes, edited by hand) is never
 * replaced by an empty list, which would silently drop the pages it names: it is left untouched and
 * every inbox call fails with INBOX_DAMAGED, naming the file, until someone repairs or moves it.
 */
export class Inbox {
  private entries: InboxEntry[] = [];
  private damaged?: HostError;
  /** Writes one at a time, in call order: two scans' pages must not overwrite each other. */
  private writing: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly paths: DataPaths,
    private readonly codec: BlobCodec,
  ) {}

  static async open(paths: DataPaths, codec: BlobCodec = plainCodec): Promise<Inbox> {
    const inbox = new Inbox(paths, codec);
    await inbox.load();
    return inbox;
  }

  static fileOf(paths: DataPaths): string {
    return path.join(paths.inbox, 'inbox.json');
  }

  get file(): string {
    return Inbox.fileOf(this.paths);
  }

  /** Why the inbox cannot be used, for the start-up notices (undefined when it is sound). */
  get problem(): HostError | undefined {
    return this.damaged;
  }

  /** The entries awaiting the renderer, oldest first. */
  list(): InboxEntry[] {
    this.refuseIfDamaged();
    return this.entries.map((e) => ({ ...e }));
  }

  /** Records a stored original; resolves once the entry is on disk. */
  add(entry: NewInboxEntry): Promise<InboxEntry> {
    return this.exclusive(async () => {
      const added: InboxEntry = { ...entry, id: randomUUID(), storedAt: new Date().toISOString() };
      await this.save([...this.entries, added]);
      return { ...added };
    });
  }

  /** Removes the entries the renderer recorded; returns how many were still here. */
  ack(ids: readonly string[]): Promise<number> {
    return this.exclusive(async () => {
      this.refuseIfDamaged();
      const gone = new Set(ids);
      const kept = this.entries.filter((e) => !gone.has(e.id));
      const removed = this.entries.length - kept.length;
      if (removed > 0) await this.save(kept);
      return removed;
    });
  }

  private async load(): Promise<void> {
    let read;
    try {
      read = await readJsonFile(this.codec, this.file, InboxListSchema, 'The inbox');
    } catch (err) {
      if (err instanceof HostFailure && err.error.code === 'LOCKED') throw err;
      return this.markDamaged((err as Error).message);
    }
    if (read.ok) this.entries = read.value;
    else if (!read.missing) this.markDamaged(read.why);
  }

  private markDamaged(why: string): void {
    this.damaged = {
      code: 'INBOX_DAMAGED',
      message:
        `The inbox of stored pages awaiting the dossier (${this.file}) cannot be read: ${why}. ` +
        'HoSo left it untouched and takes no new scanned or watched-folder pages until it is ' +
        'restored from a backup or moved aside; the originals it lists are safe in the store.',
      file: this.file,
    };
  }

  private refuseIfDamaged(): void {
    if (this.damaged) throw new HostFailure(this.damaged);
  }

  private async save(entries: InboxEntry[]): Promise<void> {
    this.refuseIfDamaged();
    await this.codec.writeFile(this.file, JSON.stringify(entries, null, 1), this.paths.tmp);
    this.entries = entries;
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.writing.then(work, work);
    this.writing = run.catch(() => undefined);
    return run;
  }
}
