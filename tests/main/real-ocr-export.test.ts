import type { ExportPage } from '@hoso/contracts';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHost, type Host } from '../../main/src/services/host';
import { tempDir } from './helpers';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures');
const nfc = (s: string) => s.normalize('NFC');

/** The real engine on one fixture page, then the real PDF writer, read back with pdftotext. */
describe('real OCR through the host queue, then export', () => {
  let host: Host;
  beforeAll(async () => {
    host = await createHost({ dataDir: await tempDir(), env: { exportUrl: (n) => `/api/exports/${n}` } });
  });
  afterAll(async () => host?.close());

  test('a scanned JPEG is recognized in Vietnamese and exported as a searchable PDF with a stamp', async () => {
    const bytes = await readFile(
      path.join(fixtures, 'sample-dossier', '01-quyet-dinh-phe-chuan-khoi-to.jpg'),
    );
    const file = await host.uploads.storeFile({ name: '01-quyet-dinh-phe-chuan-khoi-to.jpg' }, bytes);
    const job = await host.run('enqueueOcr', {
      fileHash: file.hash,
      fileName: file.name,
      lang: 'vie',
      forceOcr: false,
    });
    await host.queue.idle();
    const done = host.queue.list().find((j) => j.id === job.id)!;
    expect(done.error).toBeUndefined();
    expect(done.state).toBe('done');
    const words = await host.queue.result(job.id);
    const page = words.pages[0];
    const text = nfc(
      page.blocks.flatMap((b) => b.lines.flatMap((l) => l.words.map((w) => w.text))).join(' '),
    );
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');

    const exportPage: ExportPage = {
      fileHash: file.hash,
      page: 0,
      rotation: 0,
      frame: {
        widthPx: page.widthPx,
        heightPx: page.heightPx,
        dpi: page.dpi,
        ocrRotation: page.rotation,
        deskewDeg: page.deskewDeg,
      },
      words: page.blocks.flatMap((b) => b.lines.flatMap((l) => l.words)),
      folio: 127,
    };
    const result = await host.run('exportPdf', {
      title: 'Hồ sơ vụ án 12/2025',
      fileName: 'Hồ sơ.pdf',
      pages: [exportPage],
      outline: [{ title: 'Tập 1 — Tài liệu tố tụng', pageIndex: 0 }],
      folioStamps: true,
    });
    expect(result.fileName).toBe('Hồ sơ.pdf');
    const storedName = decodeURIComponent(result.url.split('/').pop()!);
    const pdf = await host.exportFile(storedName);
    expect(pdf.contentType).toBe('application/pdf');
    expect(pdf.size).toBe(result.bytes);
    const out = path.join(host.paths.exports, storedName);
    const readBack = nfc(execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' }));
    expect(readBack).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(readBack).toContain('BL 127');
  });
});
