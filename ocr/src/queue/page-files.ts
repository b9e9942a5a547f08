import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { PdfPages } from '../decode/pdf-render';
import { pageBytesKey, type PageJob } from './protocol';

/** An input file's bytes as a worker holds them, and for PDFs the document, opened when a page needs it. */
export interface HeldFile {
  key: string;
  bytes: Uint8Array;
  /**
   * The document for pages that are rendered. pdfjs-dist costs ~190 MB of RSS once imported: a
   * worker whose PDF pages are all one JPEG each (embeddedJpeg) never loads it.
   */
  pdf(): Promise<PdfPages>;
  /** Closes the document if it was opened. */
  close(): Promise<void>;
  users: number;
}

/**
 * The input files a worker has fetched from Redis, shared by the pages of one file that run at the
 * same time (a 300-page PDF is fetched and parsed once, not per page). Files nobody uses are
 * dropped beyond `keep`, so a worker holds a few files, never a dossier.
 */
export class PageFiles {
  private readonly held = new Map<string, Promise<HeldFile>>();

  constructor(
    private readonly redis: Redis,
    private readonly keep = 2,
  ) {}

  async acquire(job: PageJob): Promise<HeldFile> {
    const key = pageBytesKey(job.run, job.sha256);
    let entry = this.held.get(key);
    if (!entry) {
      entry = this.fetch(key, job);
      this.held.set(key, entry);
      entry.catch(() => this.held.delete(key));
    }
    const file = await entry;
    file.users++;
    return file;
  }

  release(file: HeldFile): void {
    file.users--;
    if (this.held.size <= this.keep) return;
    // Map order is insertion order: the oldest idle files go first.
    for (const [key, promise] of this.held) {
      void promise.then((f) => {
        if (f.users > 0 || this.held.get(key) !== promise || this.held.size <= this.keep) return;
        this.held.delete(key);
        void f.close().catch(() => undefined);
      });
    }
  }

  async close(): Promise<void> {
    const all = [...this.held.values()];
    this.held.clear();
    await Promise.all(all.map((p) => p.then((f) => f.close()).catch(() => undefined)));
  }

  private async fetch(key: string, job: PageJob): Promise<HeldFile> {
    const data = await this.redis.getBuffer(key);
    if (!data)
      throw new Error(`the bytes of ${job.file} are no longer in Redis (expired or the server restarted)`);
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    const sha = createHash('sha256').update(bytes).digest('hex');
    if (bytes.length !== job.bytes || sha !== job.sha256)
      throw new Error(`the bytes of ${job.file} in Redis do not match their SHA-256; refusing the page`);
    let pdf: Promise<PdfPages> | undefined;
    return {
      key,
      bytes,
      pdf: () => (pdf ??= import('../decode/pdf-render').then((m) => m.PdfPages.open(bytes))),
      close: async () => void (await pdf?.then((d) => d.close())),
      users: 0,
    };
  }
}
