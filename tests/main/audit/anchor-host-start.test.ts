import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { ANCHOR_FILE } from '../../../main/src/services/audit/anchor';
import { unlockDataFolder } from '../../../main/src/services/crypto/encrypt-data-folder';
import { dataPaths } from '../../../main/src/services/data-dir';
import { startWebServer, type WebServer } from '../../../main/src/web/server';
import { HOSO_BIN } from '../../ocr/cli/run-hoso';
import { fakeRecognizer, makeImage, tempDir } from '../helpers';

/**
 * The sealed anchor wired through a real host start: the browser-mode server (as `npm run web`
 * starts it), its gate, the unlock command with the passphrase (the first screen of the app) and
 * the remembered-key unlock Electron uses; the log is then checked by the real `hoso` command.
 */
const PASS = 'Mật khẩu kho hồ sơ 2026';
const TOKEN = 'anchor-host-start-secret-0123456789';
const servers: WebServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

type Reply = { ok: boolean; value?: any; error?: { code: string; message: string } }; // eslint-disable-line @typescript-eslint/no-explicit-any -- test replies

async function start(dataDir: string) {
  const s = await startWebServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    rendererDir: path.join(await tempDir('hoso-renderer-'), 'dist'),
    recognize: fakeRecognizer({ pages: 1 }).recognize,
    token: TOKEN,
  });
  servers.push(s);
  const headers = { Authorization: `Bearer ${TOKEN}`, Origin: s.url.slice(0, -1) };
  const call = async (command: string, payload: unknown = {}): Promise<Reply> =>
    (await fetch(`${s.url}api/call/${command}`, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify(payload),
    }).then((r) => r.json())) as Reply;
  const store = async (name: string, seed: number): Promise<Reply> =>
    (await fetch(`${s.url}api/files?name=${name}&caseId=case-1`, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/octet-stream' },
      body: new Uint8Array(await makeImage('jpeg', seed)),
    }).then((r) => r.json())) as Reply;
  const stop = async () => {
    await s.close();
    servers.splice(servers.indexOf(s), 1);
  };
  return { s, call, store, stop };
}

/** `hoso audit verify` as a real process, the passphrase in the environment only. */
function verifyCli(dataDir: string) {
  const r = spawnSync(
    process.execPath,
    [HOSO_BIN, 'audit', 'verify', '--data-dir', dataDir, '--passphrase-env', 'HOSO_TEST_PASS'],
    { env: { ...process.env, HOSO_TEST_PASS: PASS }, encoding: 'utf8' },
  );
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** An encrypted data folder whose log holds entries from before and after encryption was switched on. */
async function encryptedFolderWithEntries() {
  const dataDir = await tempDir('hoso-anchor-host-');
  const app = await start(dataDir);
  expect((await app.store('a.jpg', 1)).ok).toBe(true);
  expect((await app.call('enableEncryption', { passphrase: PASS })).value).toMatchObject({
    encryption: 'on',
    locked: false,
  });
  for (let i = 2; i <= 4; i++) expect((await app.store(`p${i}.jpg`, i)).ok).toBe(true);
  const { entries } = (await app.call('listAudit', {})).value as { entries: { action: string }[] };
  await app.stop();
  return { dataDir, entries: entries.length };
}

/** What someone with the disk but not the passphrase can do: cut the last entries and rewrite HEAD to match. */
async function cutTail(dataDir: string, keep: number) {
  const audit = dataPaths(dataDir).audit;
  const month = (await readdir(audit)).filter((f) => f.endsWith('.jsonl')).sort();
  expect(month).toHaveLength(1);
  const file = path.join(audit, month[0]);
  const lines = (await readFile(file, 'utf8')).split('\n').filter(Boolean).slice(0, keep);
  await writeFile(file, lines.map((l) => `${l}\n`).join(''));
  const last = JSON.parse(lines.at(-1)!) as { seq: number; hash: string };
  await writeFile(
    path.join(audit, 'HEAD.json'),
    JSON.stringify({ seq: last.seq, hash: last.hash, file: month[0] }),
  );
}

const actionsOf = async (app: Awaited<ReturnType<typeof start>>) =>
  (
    (await app.call('listAudit', {})).value.entries as { action: string; detail?: Record<string, unknown> }[]
  ).map((e) => ({ action: e.action, detail: e.detail }));

describe('the sealed anchor through a real host start', () => {
  test('untouched folder: restart and unlock add no reset entry, and hoso audit verify passes with the anchor checked', async () => {
    const { dataDir, entries } = await encryptedFolderWithEntries();
    // file-stored, encryption-enabled, then three file-stored under the seal.
    expect(entries).toBe(5);
    expect((await readdir(dataPaths(dataDir).audit)).includes(ANCHOR_FILE)).toBe(true);
    for (let restart = 0; restart < 2; restart++) {
      const app = await start(dataDir);
      expect((await app.call('encryptionStatus')).value).toMatchObject({ locked: true });
      expect((await app.call('unlock', { passphrase: PASS })).value).toMatchObject({ locked: false });
      const listing = (await app.call('listAudit', {})).value;
      expect(listing.entries).toHaveLength(5);
      expect(listing.chain).toEqual({ ok: true, entries: 5 });
      await app.stop();
    }
    const r = verifyCli(dataDir);
    expect(r, r.err).toMatchObject({ code: 0, err: '' });
    expect(r.out).toMatch(/audit log intact: 5 entries/);
    expect(r.out).toMatch(/sealed anchor checked: it matches the log/);
  });

  test('tail cut and HEAD rewritten while stopped: the next unlock records log-anchor-reset, and hoso audit verify exits 2 naming the truncation', async () => {
    const { dataDir, entries } = await encryptedFolderWithEntries();
    await cutTail(dataDir, 3);
    // Before any start: the anchor alone names it.
    const cold = verifyCli(dataDir);
    expect(cold.code).toBe(2);
    expect(cold.err).toMatch(new RegExp(`log truncated: anchor says ${entries} entries, found 3`));

    const app = await start(dataDir);
    // Locked: nothing of the log is opened before the passphrase.
    expect((await app.call('listAudit', {})).error?.code).toBe('LOCKED');
    expect((await app.call('unlock', { passphrase: PASS })).value).toMatchObject({ locked: false });
    const after = await actionsOf(app);
    expect(after.map((e) => e.action)).toEqual([
      'file-stored',
      'encryption-enabled',
      'file-stored',
      'log-anchor-reset',
    ]);
    expect(after[3].detail).toMatchObject({
      problem: `log truncated: anchor says ${entries} entries, found 3`,
      anchorEntries: entries,
      foundEntries: 3,
    });
    // The Nhật ký says the chain is not whole, at the reset entry.
    expect((await app.call('listAudit', {})).value.chain).toMatchObject({ ok: false, seq: 4 });
    // New actions are still recorded after the reset.
    expect((await app.store('p9.jpg', 9)).ok).toBe(true);
    await app.stop();

    const warm = verifyCli(dataDir);
    expect(warm.code).toBe(2);
    expect(warm.err).toMatch(
      new RegExp(`entry 4 .*sealed the log again: log truncated: anchor says ${entries} entries, found 3`),
    );

    // A second restart does not reset again: the loss is recorded once, and stays recorded.
    const again = await start(dataDir);
    expect((await again.call('unlock', { passphrase: PASS })).value).toMatchObject({ locked: false });
    expect((await actionsOf(again)).filter((e) => e.action === 'log-anchor-reset')).toHaveLength(1);
    await again.stop();
    expect(verifyCli(dataDir).code).toBe(2);
  });

  test('remembered-key unlock (Electron safeStorage): the right key records the cut tail, a stale key is refused and writes nothing', async () => {
    const { dataDir, entries } = await encryptedFolderWithEntries();
    await cutTail(dataDir, 4);
    const audit = dataPaths(dataDir).audit;
    const month = (await readdir(audit)).find((f) => f.endsWith('.jsonl'))!;
    const before = await readFile(path.join(audit, month));

    const stale = await start(dataDir);
    await expect(stale.s.gate.unlockWithDataKey(randomBytes(32))).rejects.toMatchObject({
      error: { code: 'WRONG_PASSPHRASE' },
    });
    expect(stale.s.gate.state().locked).toBe(true);
    expect((await readFile(path.join(audit, month))).equals(before)).toBe(true);
    await stale.stop();

    const { dataKey } = await unlockDataFolder(dataPaths(dataDir), PASS);
    const app = await start(dataDir);
    expect(await app.s.gate.unlockWithDataKey(dataKey)).toMatchObject({ locked: false });
    const after = await actionsOf(app);
    expect(after.at(-1)).toMatchObject({
      action: 'log-anchor-reset',
      detail: { problem: `log truncated: anchor says ${entries} entries, found 4` },
    });
    await app.stop();
    expect(verifyCli(dataDir).code).toBe(2);
  });
});
