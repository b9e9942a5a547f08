import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createKeyring, unwrapDataKey } from '../../../main/src/services/crypto/keyring';
import {
  HEADER_BYTES,
  TAG_BYTES,
  collect,
  openBytes,
  openStream,
  sealBytes,
  sealStream,
} from '../../../main/src/services/crypto/sealed-file';

const key = randomBytes(32);
const LOG2 = 12; // 4 KiB segments so the tests cross many segment boundaries

describe('sealed file (AES-256-GCM STREAM segments)', () => {
  it('round-trips empty, short, exact-multiple and odd sizes, in chunks of any size', async () => {
    for (const size of [0, 1, 4095, 4096, 4097, 8192, 50_001]) {
      const plain = randomBytes(size);
      const sealed = await sealBytes(key, plain, LOG2);
      const segments = Math.max(1, Math.ceil(size / 4096));
      expect(sealed.byteLength).toBe(HEADER_BYTES + size + segments * TAG_BYTES);
      expect(await openBytes(key, sealed)).toEqual(plain);
      // Fed back 7 bytes at a time.
      const pieces = Array.from({ length: Math.ceil(sealed.byteLength / 7) }, (_, i) =>
        sealed.subarray(i * 7, i * 7 + 7),
      );
      expect(await collect(openStream(key, pieces))).toEqual(plain);
    }
  });

  it('the plaintext appears nowhere in the sealed bytes, and two seals of one file differ', async () => {
    const plain = Buffer.from('Bị can Nguyễn Văn A, CCCD 001203004567 '.repeat(200));
    const a = await sealBytes(key, plain);
    const b = await sealBytes(key, plain);
    expect(a.includes(Buffer.from('001203004567'))).toBe(false);
    expect(a.equals(b)).toBe(false);
  });

  it('refuses a flipped bit, a cut, dropped, swapped or appended segment, and the wrong key', async () => {
    const plain = randomBytes(3 * 4096 + 100);
    const sealed = await sealBytes(key, plain, LOG2);
    const seg = 4096 + TAG_BYTES;
    const attempts: Record<string, Buffer> = {
      flipped: Buffer.from(sealed).fill(sealed[HEADER_BYTES + 10] ^ 1, HEADER_BYTES + 10, HEADER_BYTES + 11),
      headerChanged: Buffer.from(sealed).fill(sealed[20] ^ 1, 20, 21),
      cutMidSegment: sealed.subarray(0, sealed.byteLength - 50),
      cutAtSegment: sealed.subarray(0, HEADER_BYTES + 3 * seg),
      droppedSegment: Buffer.concat([
        sealed.subarray(0, HEADER_BYTES + seg),
        sealed.subarray(HEADER_BYTES + 2 * seg),
      ]),
      swapped: Buffer.concat([
        sealed.subarray(0, HEADER_BYTES),
        sealed.subarray(HEADER_BYTES + seg, HEADER_BYTES + 2 * seg),
        sealed.subarray(HEADER_BYTES, HEADER_BYTES + seg),
        sealed.subarray(HEADER_BYTES + 2 * seg),
      ]),
      appended: Buffer.concat([sealed, Buffer.from([0])]),
      headerOnly: sealed.subarray(0, HEADER_BYTES),
    };
    for (const [name, bytes] of Object.entries(attempts)) {
      await expect(openBytes(key, bytes), name).rejects.toMatchObject({ error: { code: 'INTEGRITY_ERROR' } });
    }
    await expect(openBytes(randomBytes(32), sealed)).rejects.toMatchObject({
      error: { code: 'INTEGRITY_ERROR' },
    });
  });

  it('streams 512 MB through seal and open holding about one segment (not the file) in memory', async () => {
    const chunk = randomBytes(1 << 20);
    async function* source() {
      for (let i = 0; i < 512; i++) yield chunk;
    }
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    let total = 0;
    for await (const part of openStream(key, sealStream(key, source()))) {
      total += part.byteLength;
      if ((total & 0x3ffffff) < part.byteLength) peak = Math.max(peak, process.memoryUsage().rss);
    }
    expect(total).toBe(512 << 20);
    expect(peak - before).toBeLessThan(96 << 20);
  });
});

describe('keyring (scrypt-wrapped data key)', () => {
  it('unwraps with the passphrase (NFC or NFD typed) and refuses a wrong one with WRONG_PASSPHRASE', async () => {
    const { keyring, dataKey } = await createKeyring('mật khẩu rất dài', undefined, {
      N: 2 ** 14,
      r: 8,
      p: 1,
    });
    expect(await unwrapDataKey(keyring, 'mật khẩu rất dài'.normalize('NFD'))).toEqual(dataKey);
    await expect(unwrapDataKey(keyring, 'mat khau rat dai')).rejects.toMatchObject({
      error: { code: 'WRONG_PASSPHRASE' },
    });
    expect(JSON.stringify(keyring)).not.toContain(dataKey.toString('base64'));
  });

  it('refuses a passphrase shorter than 8 characters', async () => {
    await expect(createKeyring('ngắn')).rejects.toMatchObject({ error: { code: 'WEAK_PASSPHRASE' } });
  });
});
