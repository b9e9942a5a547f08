import { randomBytes } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANCHOR_FILE, auditAnchorKey } from '../../../main/src/services/audit/anchor';
import { AuditLog } from '../../../main/src/services/audit/audit-log';
import { runAuditCli } from '../../../main/src/services/audit/cli';
import { verifyAuditLog } from '../../../main/src/services/audit/verify';
import { keyringPath } from '../../../main/src/services/crypto/encrypt-data-folder';
import { createKeyring, writeKeyring } from '../../../main/src/services/crypto/keyring';
import { sealBytes } from '../../../main/src/services/crypto/sealed-file';
import { dataPaths } from '../../../main/src/services/data-dir';
import { tempDir } from '../helpers';

const PASS = 'Mật khẩu kho hồ sơ 2026';
const actor = () => ({ osUser: 'kiemsatvien', userName: 'Nguyễn Thị Hồng' });
// The keyring as the app writes it, with a small scrypt cost so the test does not wait on it.
const FAST_KDF = { N: 2 ** 14, r: 8, p: 1 };

async function encryptedLogWith(n: number) {
  const data = await tempDir('hoso-anchor-');
  const paths = dataPaths(data);
  const { keyring, dataKey } = await createKeyring(PASS, randomBytes(32), FAST_KDF);
  await writeKeyring(keyringPath(paths), keyring, paths.tmp);
  const key = auditAnchorKey(dataKey);
  const log = await AuditLog.open(paths.audit, actor, { key, startAnchor: true });
  for (let i = 0; i < n; i++) await log.append({ action: 'file-stored', caseId: 'case-1', detail: { n: i } });
  const [month] = (await readdir(paths.audit)).filter((f) => f.endsWith('.jsonl'));
  return { data, dir: paths.audit, dataKey, key, file: path.join(paths.audit, month) };
}

async function cli(data: string, withPassphrase: boolean | string = true) {
  let out = '';
  let err = '';
  const args = ['verify', '--data-dir', data];
  if (withPassphrase) args.push('--passphrase-env', 'HOSO_TEST_PASS');
  const code = await runAuditCli(
    args,
    {
      stdout: { write: (s: string) => ((out += s), true) } as NodeJS.WritableStream,
      stderr: { write: (s: string) => ((err += s), true) } as NodeJS.WritableStream,
    },
    { HOSO_TEST_PASS: typeof withPassphrase === 'string' ? withPassphrase : PASS },
  );
  return { code, out, err };
}

/** Cuts the log back to its first `keep` entries and rewrites HEAD.json to match: HEAD alone is fooled. */
async function truncateWithHead(dir: string, file: string, keep: number) {
  const lines = (await readFile(file, 'utf8')).split('\n').filter(Boolean).slice(0, keep);
  await writeFile(file, lines.map((l) => `${l}\n`).join(''));
  const last = JSON.parse(lines.at(-1)!);
  await writeFile(
    path.join(dir, 'HEAD.json'),
    JSON.stringify({ seq: last.seq, hash: last.hash, file: path.basename(file) }),
  );
}

describe('the sealed anchor of the audit log', () => {
  it('an intact log verifies with the anchor checked (exit 0); without the passphrase it says the anchor was not checked', async () => {
    const { data } = await encryptedLogWith(4);
    const checked = await cli(data);
    expect(checked).toMatchObject({ code: 0, err: '' });
    expect(checked.out).toMatch(/intact: 4 entries/);
    expect(checked.out).toMatch(/sealed anchor checked/);
    const unchecked = await cli(data, false);
    expect(unchecked.code).toBe(0);
    expect(unchecked.out).toMatch(/sealed anchor NOT checked: give --passphrase-env VAR/);
  });

  it('the last entries cut off and HEAD rewritten: fools HEAD, not the anchor (exit 2, names it)', async () => {
    const { data, dir, file } = await encryptedLogWith(5);
    await truncateWithHead(dir, file, 3);
    // The chain and HEAD alone see nothing wrong: that is the gap the anchor closes.
    expect((await cli(data, false)).code).toBe(0);
    const r = await cli(data);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/log truncated: anchor says 5 entries, found 3/);
  });

  it('a changed, replaced or removed anchor is exit 2', async () => {
    const { data, dir, dataKey } = await encryptedLogWith(3);
    const anchorFile = path.join(dir, ANCHOR_FILE);
    const sealed = await readFile(anchorFile);
    const flipped = Buffer.from(sealed);
    flipped[flipped.length - 20] ^= 0x01;
    await writeFile(anchorFile, flipped);
    expect(await cli(data)).toMatchObject({
      code: 2,
      err: expect.stringMatching(/ANCHOR\.sealed does not open/),
    });
    // An anchor sealed with the data key itself (as any other sealed file of the folder is) is not one.
    const forged = JSON.stringify({ format: 'hoso-audit-anchor', v: 1, entries: 3, hash: 'a'.repeat(64) });
    await writeFile(anchorFile, await sealBytes(dataKey, Buffer.from(forged)));
    expect((await cli(data)).err).toMatch(/ANCHOR\.sealed does not open/);
    await rm(anchorFile);
    expect((await cli(data)).err).toMatch(/ANCHOR\.sealed is missing/);
  });

  it('an entry replaced at the anchored position (log rewritten from there) is exit 2', async () => {
    const { data, dir, file, key } = await encryptedLogWith(3);
    await truncateWithHead(dir, file, 2);
    // Someone without the key writes a new entry 3 through a log opened without the anchor.
    const rogue = await AuditLog.open(dir, actor);
    await rogue.append({ action: 'file-stored', caseId: 'case-1', detail: { n: 99 } });
    expect(await verifyAuditLog(dir, { anchorKey: key })).toMatchObject({
      ok: false,
      reason: 'log rewritten: entry 3 is not the entry the anchor sealed',
    });
    expect((await cli(data)).code).toBe(2);
  });

  it('a host starting on a truncated log records the loss in the chain instead of re-sealing over it', async () => {
    const { data, dir, file, key } = await encryptedLogWith(5);
    await truncateWithHead(dir, file, 3);
    const log = await AuditLog.open(dir, actor, { key });
    await log.append({ action: 'file-stored', caseId: 'case-1', detail: { n: 5 } });
    const entries = await log.list();
    expect(entries.map((e) => e.action)).toEqual([
      'file-stored',
      'file-stored',
      'file-stored',
      'log-anchor-reset',
      'file-stored',
    ]);
    expect(entries[3].detail).toMatchObject({ anchorEntries: 5, foundEntries: 3 });
    // Reported with and without the passphrase: the reset entry is part of the plain chain.
    for (const r of [await cli(data), await cli(data, false)]) {
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/entry 4 .*log truncated: anchor says 5 entries, found 3/);
    }
  });

  it('a restart on an intact log adds nothing; a wrong passphrase and a plain folder are told apart', async () => {
    const { data, dir, key } = await encryptedLogWith(2);
    const again = await AuditLog.open(dir, actor, { key });
    expect(again.lastSeq).toBe(2);
    expect(await cli(data, 'không phải mật khẩu')).toMatchObject({
      code: 2,
      err: expect.stringMatching(/passphrase is wrong/),
    });
    const plain = await tempDir('hoso-anchor-plain-');
    const log = await AuditLog.open(dataPaths(plain).audit, actor);
    await log.append({ action: 'file-stored' });
    expect((await cli(plain, false)).out).toMatch(/NOT checked: the data folder is not encrypted/);
    expect(await cli(plain)).toMatchObject({ code: 2, err: expect.stringMatching(/not encrypted/) });
  });
});
