import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { dataPaths } from '../../main/src/services/data-dir';
import { FileStore } from '../../main/src/services/file-store';
import { hostErrorText } from '../../renderer/src/shared/hostErrors';
import { writeBadInputs } from '../ocr/cli/bad-inputs';
import { tempDir } from './helpers';

const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: { error?: { code: string; message: string; file?: string; page?: number } }) => e.error,
  );

describe('files the host cannot use are refused at import, with a clear message', () => {
  test('a TIFF in compression 34712 (JPEG 2000) is refused at import, naming the page, no temp path', async () => {
    const inputs = writeBadInputs(await tempDir());
    const paths = dataPaths(await tempDir());
    const store = new FileStore(paths);
    const error = await failure(store.storeBytes('jpeg2000.tif', await readFile(inputs.unsupportedTiff)));
    expect(error).toMatchObject({ code: 'UNSUPPORTED_TIFF_COMPRESSION', file: 'jpeg2000.tif', page: 0 });
    expect(error!.message).toContain('34712');
    for (const text of [error!.message, hostErrorText(error!)]) {
      expect(text).not.toContain(paths.tmp);
      expect(text).not.toMatch(/\.part|\/tmp\//);
    }
    expect(hostErrorText(error!)).toBe(
      'Tệp TIFF “jpeg2000.tif” (trang 1) dùng kiểu nén mà HoSo không đọc được. Hãy lưu lại từ phần mềm máy quét với kiểu nén CCITT G4, LZW hoặc JPEG rồi nhập lại.',
    );
    expect(await store.has('0'.repeat(64))).toBe(false);
  });

  test('an encrypted PDF is refused with its own code and Vietnamese text', async () => {
    const inputs = writeBadInputs(await tempDir());
    const paths = dataPaths(await tempDir());
    const store = new FileStore(paths);
    const error = await failure(store.storeBytes('co-mat-khau.pdf', await readFile(inputs.encryptedPdf)));
    expect(error).toMatchObject({ code: 'ENCRYPTED_PDF', file: 'co-mat-khau.pdf' });
    expect(error!.message).not.toContain(path.sep + 'tmp');
    expect(hostErrorText(error!)).toContain('được đặt mật khẩu');
  });
});
