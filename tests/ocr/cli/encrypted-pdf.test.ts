import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runHoso } from './run-hoso';

const dir = mkdtempSync(join(tmpdir(), 'hoso-encrypted-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const source = join(import.meta.dirname, '../../../fixtures/born-digital/01-quyet-dinh-khoi-to.pdf');

describe('hoso ocr on an encrypted PDF prints its one error and nothing else', () => {
  // Objects inside (encrypted) object streams are what made pdf-lib print parser noise.
  test.each([
    [
      'AES-256, user password, object streams',
      ['--object-streams=generate', '--encrypt', 'mat-khau', 'o', '256', '--'],
    ],
    [
      'AES-256, no user password, object streams',
      ['--object-streams=generate', '--encrypt', '', 'o', '256', '--'],
    ],
    ['RC4-128, no user password', ['--allow-weak-crypto', '--encrypt', '', 'o', '128', '--']],
  ])('%s', async (label, qpdfArgs) => {
    const input = join(dir, `${label.replace(/\W+/g, '-')}.pdf`);
    execFileSync('qpdf', [...qpdfArgs, source, input]);
    const out = join(dir, 'out.pdf');
    const run = await runHoso(['ocr', input, '-o', out, '--quiet']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `error: ${input}: PDF is encrypted or password-protected; save an unprotected copy and try again\n` +
        'This problem stopped the job; nothing was written.\n' +
        'Fix or remove the file, or pass --skip-bad-pages to leave bad pages out.\n',
    );
    expect(readdirSync(dir)).not.toContain('out.pdf');
  });
});
