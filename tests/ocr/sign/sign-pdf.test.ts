import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSearchablePdf } from '../../../ocr/src/pdf';
import { p12Signer } from '../../../ocr/src/sign/p12-signer';
import { leftovers, runHosoInProcess, sha256 } from '../cli/run-hoso';
import { pdfText } from '../pdf/read-pdf';
import { scanSource, SCANS, truthPage } from '../pdf/truth-pages';
import { makeTestCertificates, SIGNER_CN, SIGNER_O, type TestCertificates } from './test-certificates';

const dir = mkdtempSync(join(tmpdir(), 'hoso-sign-'));
const input = join(dir, 'hồ sơ.pdf');
let certs: TestCertificates;

/** pdfsig's report (it exits non-zero for an invalid signature; the report is what we read). */
function pdfsig(file: string): string {
  const run = spawnSync('pdfsig', [file], { encoding: 'utf8' });
  return run.stdout + run.stderr;
}

/** The CMS in /Contents and the bytes /ByteRange covers. */
function signatureParts(file: string): { cms: Buffer; covered: Buffer } {
  const pdf = readFileSync(file);
  const m = /\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]/.exec(pdf.toString('latin1'));
  if (!m) throw new Error('no ByteRange');
  const [a, b, c, d] = m.slice(1).map(Number);
  const hex = pdf
    .subarray(a + b + 1, c - 1)
    .toString('latin1')
    .replace(/(00)+$/, '');
  return {
    cms: Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex'),
    covered: Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]),
  };
}

beforeAll(async () => {
  certs = makeTestCertificates(dir);
  const source = await scanSource(SCANS.jpeg01, 0);
  async function* pages() {
    yield { source, ocr: truthPage('01', { index: 0 }) };
  }
  await writeSearchablePdf({ outputPath: input, title: 'Hồ sơ', pages: pages() });
  process.env.HOSO_TEST_P12_PASSWORD = 'secret';
  process.env.HOSO_TEST_WRONG_PASSWORD = 'not-the-password';
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sign = (out: string, p12: string, extra: string[] = [], passwordEnv = 'HOSO_TEST_P12_PASSWORD') =>
  runHosoInProcess(['sign', input, '-o', out, '--p12', p12, '--password-env', passwordEnv, '-q', ...extra]);

describe('hoso sign', () => {
  it('writes a PAdES signature that pdfsig validates, naming the signer, with a visible block', async () => {
    const out = join(dir, 'signed.pdf');
    const before = sha256(input);
    const run = await sign(out, certs.modern, [
      '--reason',
      'Sao y bản chính',
      '--location',
      'Hà Nội',
      '--visible',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = pdfsig(out);
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain(`Signer Certificate Common Name: ${SIGNER_CN}`);
    expect(report).toContain('Signature Type: ETSI.CAdES.detached');
    expect(report).toContain('Total document signed');
    expect(execFileSync('qpdf', ['--check', out]).toString()).toContain(
      'No syntax or stream encoding errors',
    );
    // The visible block is real text on the last page, in Vietnamese.
    const text = pdfText(out).normalize('NFC');
    expect(text).toContain(`Ký số bởi: ${SIGNER_CN}`);
    expect(text).toContain(`Đơn vị: ${SIGNER_O}`);
    expect(text).toContain('Lý do: Sao y bản chính');
    expect(text).toContain('Nơi ký: Hà Nội');
    // The signature dictionary carries the Vietnamese reason and location intact.
    const raw = execFileSync('qpdf', ['--qdf', '--object-streams=disable', out, '-']).toString('latin1');
    const hexText = (s: string) =>
      `<FEFF${[...s]
        .map((c) => c.charCodeAt(0).toString(16).padStart(4, '0'))
        .join('')
        .toUpperCase()}>`;
    expect(raw.toUpperCase()).toContain(hexText('Sao y bản chính').toUpperCase());
    expect(sha256(input)).toBe(before);
  });

  it('puts signing-certificate-v2 and no signing-time in the CMS, which OpenSSL verifies', async () => {
    const out = join(dir, 'signed-cms.pdf');
    expect((await sign(out, certs.modern)).code).toBe(0);
    const { cms, covered } = signatureParts(out);
    const cmsFile = join(dir, 'sig.der');
    const contentFile = join(dir, 'covered.bin');
    writeFileSync(cmsFile, cms);
    writeFileSync(contentFile, covered);
    const printed = execFileSync('openssl', [
      'cms',
      '-cmsout',
      '-print',
      '-inform',
      'DER',
      '-in',
      cmsFile,
    ]).toString();
    expect(printed).toMatch(/signingCertificateV2|id-smime-aa-signingCertificateV2/);
    expect(printed).toContain('messageDigest');
    expect(printed).not.toContain('signingTime');
    // -noverify: the test CA is not trusted; the signature over the covered bytes must still check.
    const verify = spawnSync(
      'openssl',
      [
        'cms',
        '-verify',
        '-binary',
        '-inform',
        'DER',
        '-in',
        cmsFile,
        '-content',
        contentFile,
        '-noverify',
        '-out',
        '/dev/null',
      ],
      { encoding: 'utf8' },
    );
    expect(verify.stderr).toContain('Verification successful');
  });

  it('a changed signed byte makes the signature invalid', async () => {
    const out = join(dir, 'signed-tampered.pdf');
    expect((await sign(out, certs.modern)).code).toBe(0);
    const bytes = readFileSync(out);
    expect(pdfsig(out)).toContain('Signature is Valid.');
    // One byte in the middle of the first signed range (inside the page's scan): the file still
    // parses, only its content changed.
    const [, length] = /\/ByteRange \[0 (\d+)/.exec(bytes.toString('latin1'))!;
    const at = Math.floor(Number(length) / 2);
    bytes[at] ^= 0x01;
    writeFileSync(out, bytes);
    const report = pdfsig(out);
    expect(report).not.toContain('Signature is Valid.');
    expect(report).toMatch(/Signature is Invalid|Digest Mismatch/);
  });

  it('keeps the certificate byte for byte as OpenSSL wrote it, and reads legacy PKCS#12 too', async () => {
    const signer = p12Signer(readFileSync(certs.legacy), 'secret');
    expect(Buffer.from(signer.certificateChain[0]).equals(readFileSync(certs.certificateDer))).toBe(true);
    const out = join(dir, 'signed-legacy.pdf');
    expect((await sign(out, certs.legacy)).code).toBe(0);
    expect(pdfsig(out)).toContain('Signature is Valid.');
  });

  it.each([
    ['a wrong password', () => certs.modern, 'HOSO_TEST_WRONG_PASSWORD', /wrong password/],
    ['a file that is not PKCS#12', () => input, 'HOSO_TEST_P12_PASSWORD', /not a (readable )?PKCS#12/],
    ['an expired certificate', () => certs.expired, 'HOSO_TEST_P12_PASSWORD', /expired on \d{4}-\d\d-\d\d/],
    [
      'a password variable that is not set',
      () => certs.modern,
      'HOSO_TEST_UNSET_VARIABLE',
      /HOSO_TEST_UNSET_VARIABLE is not set/,
    ],
  ])('refuses %s with exit 2 and writes nothing', async (_what, p12, env, message) => {
    const out = join(dir, 'refused.pdf');
    const run = await sign(out, p12(), [], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toMatch(/^error: /);
    expect(leftovers(dir, 'refused.pdf')).toEqual([]);
  });

  it('refuses to sign an already signed PDF (rewriting it would break that signature)', async () => {
    const signed = join(dir, 'signed.pdf');
    if (!existsSync(signed)) expect((await sign(signed, certs.modern)).code).toBe(0);
    const run = await runHosoInProcess([
      'sign',
      signed,
      '-o',
      join(dir, 'twice.pdf'),
      '--p12',
      certs.modern,
      '--password-env',
      'HOSO_TEST_P12_PASSWORD',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('already signed');
    expect(leftovers(dir, 'twice.pdf')).toEqual([]);
  });
});
