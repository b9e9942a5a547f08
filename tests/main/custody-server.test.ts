import { execFileSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { verifyAuditLog } from '../../main/src/services/audit/verify';
import { isSealed } from '../../main/src/services/crypto/sealed-file';
import { startWebServer, type WebServer } from '../../main/src/web/server';
import { fakeRecognizer, makeImage, tempDir, until } from './helpers';

const PASS = 'Mật khẩu hồ sơ 2026';
// Every server of this file is started with this browser-mode secret; every request carries it.
const TOKEN = 'custody-test-secret-0123456789';
const authFetch = (url: string, init: RequestInit = {}) =>
  fetch(url, {
    ...init,
    headers: { ...(init.headers as Record<string, string>), Authorization: `Bearer ${TOKEN}` },
  });
const servers: WebServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function start(dataDir: string) {
  const rendererDir = path.join(await tempDir('hoso-renderer-'), 'dist');
  const s = await startWebServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    rendererDir,
    recognize: fakeRecognizer({ pages: 1 }).recognize,
    token: TOKEN,
  });
  servers.push(s);
  const origin = s.url.slice(0, -1);
  const call = async (command: string, payload: unknown = {}) =>
    (await authFetch(`${s.url}api/call/${command}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: origin },
      body: JSON.stringify(payload),
    }).then((r) => r.json())) as { ok: boolean; value?: any; error?: { code: string; message: string } }; // eslint-disable-line @typescript-eslint/no-explicit-any -- test replies
  const upload = async (url: string, body: Buffer, headers: Record<string, string> = {}) =>
    (await authFetch(`${s.url}${url}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', Origin: origin, ...headers },
      body: new Uint8Array(body),
    }).then((r) => r.json())) as { ok: boolean; value?: any; error?: { code: string } }; // eslint-disable-line @typescript-eslint/no-explicit-any -- test replies
  return { s, call, upload };
}

const page = (hash: string) => ({
  fileHash: hash,
  page: 0,
  rotation: 0,
  frame: { widthPx: 400, heightPx: 566, dpi: 50, ocrRotation: 0, deskewDeg: 0 },
  words: [],
});

describe('chain of custody through the browser-mode server', () => {
  test('every action lands in the nhật ký; switching encryption on seals the folder; a restart is locked until the passphrase', async () => {
    const dataDir = await tempDir();
    const { s, call, upload } = await start(dataDir);
    expect((await call('setUserName', { userName: 'Trần Văn Bình' })).ok).toBe(true);
    const jpeg = await makeImage('jpeg', 3);
    const stored = await upload(`api/files?name=${encodeURIComponent('Biên bản.jpg')}&caseId=case-7`, jpeg);
    expect(stored.ok).toBe(true);
    const hash = stored.value.hash as string;
    const job = await call('enqueueOcr', {
      fileHash: hash,
      fileName: 'Biên bản.jpg',
      caseId: 'case-7',
      documentId: 'doc-1',
    });
    await until(async () => (await call('listJobs')).value[0].state === 'done', 'OCR done');
    await call('noteCorrection', {
      caseId: 'case-7',
      documentId: 'doc-1',
      pageId: 'p1',
      fileHash: hash,
      page: 0,
      wordIndex: 0,
      before: 'Nguyen',
      after: 'Nguyễn',
      // A renderer cannot choose what is recorded: these are not part of the notice and are dropped.
      action: 'material-purged',
      seq: 1,
      hash: 'f'.repeat(64),
    });
    const pdf = await call('exportPdf', {
      title: 'T',
      fileName: 'Hồ sơ.pdf',
      pages: [page(hash)],
      caseId: 'case-7',
      scope: 'dossier',
    });
    expect(pdf.ok).toBe(true);
    await call('noteAudienceOpened', { caseId: 'case-7' });
    await call('noteDeletion', {
      caseId: 'case-7',
      kind: 'page',
      ids: ['p9'],
      fileHashes: [hash],
      purged: true,
    });
    await until(
      async () =>
        (await call('listAudit', { caseId: 'case-7' })).value.entries.some(
          (e: { action: string }) => e.action === 'ocr-done',
        ),
      'ocr-done entry',
    );
    const listing = (await call('listAudit', { caseId: 'case-7' })).value;
    const actions = listing.entries.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'file-stored',
        'ocr-queued',
        'ocr-done',
        'word-corrected',
        'pdf-exported',
        'audience-opened',
        'material-purged',
      ]),
    );
    expect(listing.chain).toMatchObject({ ok: true });
    const correction = listing.entries.find((e: { action: string }) => e.action === 'word-corrected');
    expect(correction).toMatchObject({
      userName: 'Trần Văn Bình',
      pageId: 'p1',
      detail: { before: 'Nguyen', after: 'Nguyễn' },
    });
    expect(correction.seq).toBeGreaterThan(1);
    const exported = listing.entries.find((e: { action: string }) => e.action === 'pdf-exported');
    const pdfBytes = Buffer.from(await (await authFetch(`${s.url}${pdf.value.url.slice(1)}`)).arrayBuffer());
    const { createHash } = await import('node:crypto');
    expect(exported.files[0].sha256).toBe(createHash('sha256').update(pdfBytes).digest('hex'));
    expect(exported.files[1]).toMatchObject({ role: 'source', sha256: hash });
    // Filters: by action.
    const only = (await call('listAudit', { caseId: 'case-7', actions: ['ocr-done'] })).value.entries;
    expect(only.map((e: { action: string }) => e.action)).toEqual(['ocr-done']);
    expect(job.value.caseId).toBe('case-7');
    // There is no command that writes an entry.
    expect((await call('appendAudit', { action: 'ocr-done' })).error?.code).toBe('NOT_FOUND');

    // Switch encryption on from the app.
    expect((await call('enableEncryption', { passphrase: 'short' })).error?.code).toBe('WEAK_PASSPHRASE');
    const on = await call('enableEncryption', { passphrase: PASS });
    expect(on.value).toMatchObject({ encryption: 'on', locked: false });
    const original = await readFile(path.join(dataDir, 'originals', hash));
    expect(isSealed(original)).toBe(true);
    for (const dir of ['meta', 'jobs', 'exports']) {
      for (const f of await readdir(path.join(dataDir, dir))) {
        const bytes = await readFile(path.join(dataDir, dir, f));
        expect(isSealed(bytes), `${dir}/${f}`).toBe(true);
      }
    }
    // The app reads through the seal: page image and download are the plaintext.
    const image = Buffer.from(
      await (await authFetch(`${s.url}api/files/${hash}/pages/0/image`)).arrayBuffer(),
    );
    expect(image.equals(jpeg)).toBe(true);
    const again = Buffer.from(await (await authFetch(`${s.url}${pdf.value.url.slice(1)}`)).arrayBuffer());
    expect(again.equals(pdfBytes)).toBe(true);
    const job2 = await call('enqueueOcr', { fileHash: hash, fileName: 'Biên bản.jpg', caseId: 'case-7' });
    await until(
      async () =>
        (await call('listJobs')).value.find((j: { id: string }) => j.id === job2.value.id)?.state === 'done',
      'OCR on sealed',
    );
    expect((await call('jobResult', { id: job2.value.id })).value.pages).toHaveLength(1);
    // No decrypted copy is left in tmp/.
    expect((await readdir(path.join(dataDir, 'tmp'))).filter((f) => !f.endsWith('.tmp'))).toEqual([]);
    await s.close();
    servers.pop();

    // Restart: locked; every case route refuses; a wrong passphrase is a clear error and changes nothing.
    const next = await start(dataDir);
    expect((await next.call('encryptionStatus')).value).toMatchObject({ encryption: 'on', locked: true });
    expect((await next.call('listJobs')).error?.code).toBe('LOCKED');
    expect((await next.call('listAudit', {})).error?.code).toBe('LOCKED');
    expect((await authFetch(`${next.s.url}api/files/${hash}/pages/0/image`)).status).toBeGreaterThanOrEqual(
      400,
    );
    const before = await readFile(path.join(dataDir, 'originals', hash));
    expect((await next.call('unlock', { passphrase: 'sai rồi sai rồi' })).error?.code).toBe(
      'WRONG_PASSPHRASE',
    );
    expect((await readFile(path.join(dataDir, 'originals', hash))).equals(before)).toBe(true);
    expect((await next.call('unlock', { passphrase: PASS })).value).toMatchObject({ locked: false });
    const after = Buffer.from(
      await (await authFetch(`${next.s.url}api/files/${hash}/pages/0/image`)).arrayBuffer(),
    );
    expect(after.equals(jpeg)).toBe(true);
    const log = await verifyAuditLog(path.join(dataDir, 'audit'));
    expect(log.ok).toBe(true);
  });

  test('an encrypted bundle: wrong or missing passphrase refused before storing; audit carried and verified; tampered audit refused', async () => {
    const a = await start(await tempDir());
    const jpeg = await makeImage('jpeg', 5);
    const stored = await a.upload(`api/files?name=a.jpg&caseId=case-9`, jpeg);
    const hash = stored.value.hash;
    const caseData = { case: { id: 'case-9' } };
    const plainBundle = await a.call('exportBundle', {
      fileName: 'v.hoso',
      caseData,
      fileHashes: [hash],
      caseId: 'case-9',
    });
    const sealedBundle = await a.call('exportBundle', {
      fileName: 'v.hoso',
      caseData,
      fileHashes: [hash],
      caseId: 'case-9',
      passphrase: PASS,
    });
    const get = async (url: string) =>
      Buffer.from(await (await authFetch(`${a.s.url}${url.slice(1)}`)).arrayBuffer());
    const sealed = await get(sealedBundle.value.url);
    const plain = await get(plainBundle.value.url);
    expect(sealed.subarray(0, 8).toString('latin1')).toBe('HOSOPWB1');
    expect(sealed.includes(jpeg.subarray(100, 140))).toBe(false);

    const bDir = await tempDir();
    const b = await start(bDir);
    expect((await b.upload('api/bundles/import', sealed)).error?.code).toBe('PASSPHRASE_REQUIRED');
    const wrong = await b.upload('api/bundles/import', sealed, {
      'X-HoSo-Passphrase': encodeURIComponent('không đúng đâu'),
    });
    expect(wrong.error?.code).toBe('WRONG_PASSPHRASE');
    expect(await readdir(path.join(bDir, 'originals'))).toEqual([]);
    const ok = await b.upload('api/bundles/import', sealed, {
      'X-HoSo-Passphrase': encodeURIComponent(PASS),
    });
    expect(ok.error).toBeUndefined();
    expect(ok.ok).toBe(true);
    // file-stored and the first (plain) bundle's bundle-exported.
    expect(ok.value.auditEntries).toBe(2);
    expect(ok.value.files[0].hash).toBe(hash);

    // Change one byte of the bundle's audit.jsonl and fix up nothing else: refused.
    const { unzipSync, zipSync } = await import('fflate');
    const parts = unzipSync(plain);
    const text = Buffer.from(parts['audit.jsonl']).toString('utf8').replace('case-9', 'case-8');
    parts['audit.jsonl'] = Buffer.from(text);
    const tampered = Buffer.from(zipSync(parts, { level: 0 }));
    const c = await start(await tempDir());
    expect((await c.upload('api/bundles/import', tampered)).error?.code).toBe('BUNDLE_TAMPERED');
  });

  test('the nhật ký exports as CSV and as a PDF whose Vietnamese text pdftotext reads back', async () => {
    const { s, call, upload } = await start(await tempDir());
    await call('setUserName', { userName: 'Nguyễn Thị Hồng' });
    await upload(
      `api/files?name=${encodeURIComponent('Quyết định khởi tố.jpg')}&caseId=c1`,
      await makeImage('jpeg', 8),
    );
    const request = {
      fileName: 'Nhật ký',
      filter: { caseId: 'c1' },
      title: 'Nhật ký vụ án Lê Văn Đức',
      headings: ['#', 'Thời gian', 'Thao tác', 'Đối tượng', 'Tệp (SHA-256)', 'Người thực hiện'],
      actionLabels: { 'file-stored': 'Lưu bản gốc' },
    };
    const pdf = await call('exportAudit', { ...request, format: 'pdf' });
    const csv = await call('exportAudit', { ...request, format: 'csv' });
    const pdfFile = path.join(await tempDir(), 'audit.pdf');
    await writeFile(
      pdfFile,
      Buffer.from(await (await authFetch(`${s.url}${pdf.value.url.slice(1)}`)).arrayBuffer()),
    );
    const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
    for (const word of [
      'Nhật ký vụ án Lê Văn Đức',
      'Lưu bản gốc',
      'Nguyễn Thị Hồng',
      'Quyết định khởi tố.jpg',
      'toàn vẹn',
    ])
      expect(text).toContain(word);
    const csvText = Buffer.from(
      await (await authFetch(`${s.url}${csv.value.url.slice(1)}`)).arrayBuffer(),
    ).toString('utf8');
    expect(csvText.charCodeAt(0)).toBe(0xfeff);
    expect(csvText).toContain('Lưu bản gốc');
    expect(csvText.split('\r\n')[0]).toBe(
      '\ufeff#,Thời gian,Thao tác,Đối tượng,Tệp (SHA-256),Người thực hiện,prev,hash',
    );
    // Exporting the log is itself logged.
    const entries = (await call('listAudit', { caseId: 'c1' })).value.entries;
    expect(entries.map((e: { action: string }) => e.action)).toEqual([
      'file-stored',
      'audit-exported',
      'audit-exported',
    ]);
  });
});
