import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from './atomic-file';
import type { DataPaths } from './data-dir';
import type { EventBus } from './event-bus';
import type { FileStore } from './file-store';
import { hostFail, toHostError } from './host-error';
import type { Inbox } from './inbox';

const SUPPORTED = new Set(['.jpg', '.jpeg', '.png', '.tif', '.tiff', '.pdf']);

type Seen = Record<string, { size: number; mtimeMs: number }>;

/**
 * "Thư mục quét": whatever the scanner software saves into the folder is imported once it is
 * complete. Scanners write files in pieces, so a file is taken only when its size and mtime have
 * stayed the same across two polls. Polling (not fs.watch) also works on network shares.
 */
export class WatchFolder {
  private folder: string | null = null;
  private timer?: NodeJS.Timeout;
  private pending = new Map<string, { size: number; mtimeMs: number }>();
  private seen: Seen = {};
  private scanning?: Promise<void>;

  constructor(
    private readonly deps: {
      paths: DataPaths;
      store: FileStore;
      events: EventBus;
      /** Where each stored file waits until the renderer has recorded it (the event is a hint). */
      inbox: Inbox;
      pollMs?: number;
    },
  ) {}

  private get seenPath() {
    return path.join(this.deps.paths.root, 'watch-seen.json');
  }

  async start(folder: string | null): Promise<void> {
    this.stop();
    this.folder = folder;
    this.pending.clear();
    if (!folder) return;
    const info = await stat(folder).catch(() => undefined);
    if (!info?.isDirectory())
      hostFail('NOT_FOUND', `The watch folder ${folder} does not exist or is not a folder.`, {
        file: folder,
      });
    this.seen = await readFile(this.seenPath, 'utf8')
      .then((t) => JSON.parse(t) as Seen)
      .catch(() => ({}));
    this.timer = setInterval(() => void this.scanOnce(), this.deps.pollMs ?? 1500);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One poll: files whose size held still since the last poll are imported. */
  scanOnce(): Promise<void> {
    this.scanning ??= this.scan().finally(() => (this.scanning = undefined));
    return this.scanning;
  }

  private async scan(): Promise<void> {
    const folder = this.folder;
    if (!folder) return;
    let names: string[];
    try {
      names = await readdir(folder);
    } catch (err) {
      this.deps.events.emit({ type: 'watch-folder-error', error: toHostError(err, folder), path: folder });
      return;
    }
    for (const name of names.sort()) {
      if (name.startsWith('.') || name.startsWith('~') || !SUPPORTED.has(path.extname(name).toLowerCase()))
        continue;
      const full = path.join(folder, name);
      const info = await stat(full).catch(() => undefined);
      if (!info?.isFile()) continue;
      const now = { size: info.size, mtimeMs: info.mtimeMs };
      const seen = this.seen[full];
      if (seen && seen.size === now.size && seen.mtimeMs === now.mtimeMs) continue;
      const before = this.pending.get(full);
      this.pending.set(full, now);
      if (!before || before.size !== now.size || before.mtimeMs !== now.mtimeMs || now.size === 0) continue;
      this.pending.delete(full);
      await this.importFile(full, name, now);
    }
  }

  private async importFile(
    full: string,
    name: string,
    now: { size: number; mtimeMs: number },
  ): Promise<void> {
    try {
      const file = await this.deps.store.storeStream(name, createReadStream(full));
      await this.deps.inbox.add({ origin: 'watch-folder', file, path: full });
      this.deps.events.emit({ type: 'watch-folder-file', file, path: full });
    } catch (err) {
      this.deps.events.emit({ type: 'watch-folder-error', error: toHostError(err, name), path: full });
    }
    // Recorded either way: a bad file is reported once, not on every poll.
    this.seen[full] = now;
    await writeFileAtomic(this.seenPath, JSON.stringify(this.seen), this.deps.paths.tmp).catch(
      () => undefined,
    );
  }
}
