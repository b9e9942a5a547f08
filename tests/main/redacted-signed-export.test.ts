import type { ExportPage, OcrJob } from '@hoso/contracts';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findRedactionHits, frameBoxToDisplayed } from '../../packages/text/src';
import { createHost, type Host } from '../../main/src/services/host';
import { makeTestCertificates, SIGNER_CN } from '../ocr/sign/test-certificates';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures');
const CCCD = '064188004512';

/**
 * The app's export with redactions and a signature, through the host service: a real OCR'd page,
 * the CCCD found by the same rule the viewer's review list uses, redacted and signed.
 */
describe('export with redactions and a signature', () => {
  let host: Host;
  let exportPage: ExportPage;
  let hash: string;
  let p12Base64: string;
  let storeDir: string;
  beforeAll(async () => {
    // Shared by both tests (tempDir() removes its folders after each test).
    storeDir = mkdtempSync(path.join(tmpdir(), 'hoso-export-'));
    host = await createHost({ dataDir: storeDir, env: { exportUrl: (n) => `/api/exports/${n}` } });
    const certs = makeTestCertificates(storeDir);
    p12Base64 = (await readFile(certs.modern)).toString('base64');
    const bytes = await readFile(path.join(fixtures, 'sample-dossier', '02-bien-ban-ghi-loi-khai.jpg'));
    const file = await host.uploads.storeFile({ name: '02-bien-ban-ghi-loi-khai.jpg' }, bytes);
    hash = file.hash;
    const job = (await host.run('enqueueOcr', {
      fileHash: file.hash,
      fileName: file.name,
      lang: 'vie',
      forceOcr: false,
    })) as OcrJob;
    await host.queue.idle();
    const page = (await host.queue.result(job.id)).pages[0];
    exportPage = {
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
    };
  });
  afterAll(async () => {
    await host?.close();
    rmSync(storeDir, { recursive: true, force: true });
  });

  const exportedFiles = () => (existsSync(host.paths.exports) ? readdirSync(host.paths.exports) : []);
  const exportedPath = (url: string) =>
    path.join(host.paths.exports, decodeURIComponent(url.split('/').pop()!));

  test('the CCCD leaves the text and the image, the signature is valid, the original is untouched', async () => {
    const lines = [exportPage.words];
    const hits = findRedactionHits(lines, [{ kind: 'preset', preset: 'cccd' }]);
    expect(hits.map((h) => h.text)).toEqual([CCCD]);
    const boxes = hits.flatMap((h) => h.boxes).map((b) => frameBoxToDisplayed(b, exportPage.frame, 0));
    const before = await readFile(await host.store.verifiedPath(hash));
    const result = (await host.run('exportPdf', {
      title: 'Biên bản',
      fileName: 'Biên bản.pdf',
      pages: [exportPage],
      outline: [{ title: 'Biên bản ghi lời khai', pageIndex: 0 }],
      tableOfContents: {
        heading: 'MỤC LỤC',
        columns: ['Tài liệu', 'Bút lục', 'Trang'],
        rows: [{ title: 'Biên bản ghi lời khai', folios: '1', pageIndex: 0 }],
      },
      folioStamps: false,
      redactions: [{ pageIndex: 0, boxes }],
      sign: {
        p12Base64,
        password: 'secret',
        reason: 'Bản sao gửi luật sư',
        location: 'Gia Lai',
        visible: true,
      },
    })) as { url: string; redactedPages: number; signedBy: string };
    expect(result.redactedPages).toBe(1);
    expect(result.signedBy).toBe(SIGNER_CN);
    const out = exportedPath(result.url);
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' }).normalize('NFC');
    expect(text).not.toContain(CCCD);
    expect(text).toContain('BIÊN BẢN GHI LỜI KHAI');
    expect(text).toContain('MỤC LỤC');
    const report = spawnSync('pdfsig', [out], { encoding: 'utf8' }).stdout;
    expect(report).toContain('Signature is Valid.');
    expect(execFileSync('qpdf', ['--check', out]).toString()).toContain(
      'No syntax or stream encoding errors',
    );
    // Bookmarks still point at the dossier page (after the mục lục).
    expect(execFileSync('qpdf', ['--json', '--json-key=outlines', out]).toString()).toContain('"dest"');
    expect(await readFile(await host.store.verifiedPath(hash))).toEqual(before);
    // No intermediate file is left in the exports folder.
    expect(
      (await import('node:fs')).readdirSync(host.paths.exports).filter((f) => f.endsWith('.part')),
    ).toEqual([]);
  });

  test('a wrong certificate password is refused before anything is written', async () => {
    const beforeFiles = exportedFiles();
    await expect(
      host.run('exportPdf', {
        title: 'x',
        fileName: 'x.pdf',
        pages: [exportPage],
        outline: [],
        folioStamps: false,
        sign: { p12Base64, password: 'wrong', visible: false },
      }),
    ).rejects.toMatchObject({ error: { code: 'SIGN_WRONG_PASSWORD' } });
    expect(exportedFiles()).toEqual(beforeFiles);
  });
});
