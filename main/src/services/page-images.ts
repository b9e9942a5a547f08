import path from 'node:path';
import { openPdfPages, PDF_DISPLAY_DPI } from '@hoso/ocr/probe';
import sharp from 'sharp';
import type { DataPaths } from './data-dir';
import type { DerivedFiles } from './derived-files';
import type { FileStore } from './file-store';
import { hostFail } from './host-error';

export type PageImage = { bytes: Buffer; contentType: 'image/jpeg' | 'image/png' };

/**
 * Display images of stored pages, for <img>. JPEG and PNG originals pass through untouched;
 * TIFF pages become PNG (lossless, bilevel stays crisp); PDF pages are rendered to JPEG.
 * Rendered images are a cache under derived/ and can be deleted and regenerated at any time;
 * each is checked against the hash recorded when it was made and re-rendered on a mismatch.
 */
export class PageImages {
  private readonly inFlight = new Map<string, Promise<PageImage>>();

  constructor(
    private readonly paths: DataPaths,
    private readonly store: FileStore,
    private readonly derived: DerivedFiles,
  ) {}

  async pageImage(hash: string, page: number): Promise<PageImage> {
    const { kind, name, pages } = await this.store.kindOf(hash);
    if (!Number.isInteger(page) || page < 0 || page >= pages.length)
      hostFail('NOT_FOUND', `${name} has no page ${page + 1}.`, { file: name, page });
    if (kind === 'jpeg') return { bytes: await this.store.readOriginal(hash), contentType: 'image/jpeg' };
    if (kind === 'png') return { bytes: await this.store.readOriginal(hash), contentType: 'image/png' };
    const ext = kind === 'pdf' ? 'jpg' : 'png';
    const cached = path.join(this.paths.derived, hash, `${page}.${ext}`);
    const contentType = kind === 'pdf' ? 'image/jpeg' : 'image/png';
    const hit = await this.derived.read(cached, (f) =>
      console.error(`HoSo: ${f} did not match its recorded hash; rendered again from the original.`),
    );
    if (hit) return { bytes: hit, contentType };
    const key = `${hash}/${page}`;
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.render(hash, name, kind, page, cached, contentType).finally(() =>
        this.inFlight.delete(key),
      );
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  private async render(
    hash: string,
    name: string,
    kind: string,
    page: number,
    cached: string,
    contentType: PageImage['contentType'],
  ) {
    const original = await this.store.readOriginal(hash);
    let bytes: Buffer;
    try {
      if (kind === 'pdf') {
        // The same renderer and resolution the probe measured the page with at import.
        const pdf = await openPdfPages(original);
        try {
          const { data, width, height, channels } = await pdf.render(page, PDF_DISPLAY_DPI);
          bytes = await sharp(data, { raw: { width, height, channels } })
            .jpeg({ quality: 85, mozjpeg: true })
            .toBuffer();
        } finally {
          await pdf.close();
        }
      } else {
        bytes = await sharp(original, { page }).png({ compressionLevel: 6 }).toBuffer();
      }
    } catch (err) {
      if ((err as Error).name === 'HostFailure') throw err;
      return hostFail(
        'CORRUPT_IMAGE',
        `${name} page ${page + 1} cannot be shown (${(err as Error).message}).`,
        { file: name, page },
      );
    }
    await this.derived.write(cached, bytes);
    return { bytes, contentType };
  }
}
