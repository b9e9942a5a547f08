import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { HostError, ScanRequest, StoredFile } from '@hoso/contracts';
import type { EventBus } from '../event-bus';
import type { FileStore } from '../file-store';
import type { Inbox } from '../inbox';
import { hostFail, HostFailure, toHostError } from '../host-error';
import { ScanError, type Scanner, type ScannerDevice } from './scanner';

/** Host error codes for the scanner's problems; the renderer says them in Vietnamese. */
const CODES: Record<ScanError['code'], string> = {
  'no-device': 'SCANNER_NOT_FOUND',
  unsupported: 'SCANNER_UNSUPPORTED',
  'device-failed': 'SCANNER_FAILED',
  'no-pages': 'SCANNER_NO_PAGES',
  'no-backend': 'SCANNER_MISSING',
};

export function scanHostError(err: unknown, device?: string): HostError {
  if (err instanceof ScanError) {
    // SANE reports a device another program holds as "Device busy".
    const code = /busy/i.test(err.message) ? 'SCANNER_BUSY' : CODES[err.code];
    return { code, message: err.message, ...(device ? { file: device } : {}) };
  }
  return toHostError(err, device);
}

export interface ScanSessionDeps {
  scanner: Scanner;
  store: FileStore;
  events: EventBus;
  /** Where each stored page waits until the renderer has recorded it in the volume. */
  inbox: Inbox;
  /** The blank-page detector (ocr/src/blank), loaded on first use (sharp). */
  isBlank?: (png: Uint8Array, dpi: number) => Promise<boolean>;
  /** For the audit log: a page stored from the scanner. */
  onPageStored?: (request: ScanRequest, file: StoredFile, blank: boolean) => Promise<unknown>;
}

const defaultIsBlank = async (png: Uint8Array, dpi: number) => {
  const { detectBlankPage } = await import('@hoso/ocr/blank');
  return (await detectBlankPage(png, dpi)).blank;
};

/**
 * One scan at a time per host (one scanner feeds one batch): each finished page is stored in the
 * file store like an import (original immutable, named by its hash), judged by the blank-page
 * detector, put in the inbox with its case and volume, and only then announced as a `scan-page`
 * event; `scan-finished` closes the batch. The renderer takes the pages from the inbox (the event
 * is a hint: a window closed or reloading during the scan still gets every page), records them in
 * the chosen volume and queues OCR, as for an import.
 */
export class ScanSessions {
  private running?: { scanId: string; abort: AbortController };

  constructor(private readonly deps: ScanSessionDeps) {}

  async listDevices(): Promise<ScannerDevice[]> {
    try {
      return await this.deps.scanner.listDevices();
    } catch (err) {
      throw new HostFailure(scanHostError(err));
    }
  }

  /** Starts the batch and returns at once; the pages follow as events. */
  start(request: ScanRequest): { scanId: string; done: Promise<void> } {
    if (this.running)
      hostFail('SCANNER_BUSY', 'A scan is already running on this computer; wait for it to finish.', {
        file: request.device,
      });
    const scanId = `scan-${randomUUID()}`;
    const abort = new AbortController();
    this.running = { scanId, abort };
    const done = this.run(scanId, request, abort.signal).finally(() => (this.running = undefined));
    return { scanId, done };
  }

  stop(): void {
    this.running?.abort.abort();
  }

  private async run(scanId: string, request: ScanRequest, signal: AbortSignal): Promise<void> {
    const { events, store, scanner, inbox } = this.deps;
    const isBlank = this.deps.isBlank ?? defaultIsBlank;
    let pages = 0;
    let blanks = 0;
    let error: HostError | undefined;
    const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
    try {
      for await (const page of scanner.scan(request, signal)) {
        const name = `quet-${stamp}-${String(page.index + 1).padStart(3, '0')}.png`;
        const file = await store.storeStream(name, createReadStream(page.file));
        const blank = await isBlank(await readFile(page.file), request.dpi).catch(() => false);
        await this.deps.onPageStored?.(request, file, blank);
        await inbox.add({
          origin: 'scan',
          file,
          target: { caseId: request.caseId, volumeId: request.volumeId },
          blank,
          scanId,
          index: page.index,
        });
        pages++;
        if (blank) blanks++;
        events.emit({
          type: 'scan-page',
          scanId,
          caseId: request.caseId,
          volumeId: request.volumeId,
          index: page.index,
          file,
          blank,
        });
      }
    } catch (err) {
      error = scanHostError(err, request.device);
    }
    events.emit({
      type: 'scan-finished',
      scanId,
      caseId: request.caseId,
      pages,
      blanks,
      ...(error ? { error } : {}),
    });
  }
}
