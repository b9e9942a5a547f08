import { spawnSync } from 'node:child_process';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditLog } from '../../../main/src/services/audit/audit-log';
import { runAuditCli } from '../../../main/src/services/audit/cli';
import { verifyAuditLog } from '../../../main/src/services/audit/verify';
import { tempDir } from '../helpers';

const actor = () => ({ osUser: 'kiemsatvien', userName: 'Nguyễn Thị Hồng' });
const hash = (c: string) => c.repeat(64);

async function logWith(n: number) {
  const data = await tempDir('hoso-audit-');
  const dir = path.join(data, 'audit');
  const log = await AuditLog.open(dir, actor);
  for (let i = 0; i < n; i++)
    await log.append({
      action: 'file-stored',
      caseId: 'case-1',
      files: [{ role: 'original', sha256: hash(String(i % 10)), name: `Biên bản ${i}.jpg`, bytes: 100 + i }],
    });
  const [month] = (await readdir(dir)).filter((f) => f.endsWith('.jsonl'));
  return { data, dir, log, file: path.join(dir, month) };
}

const lines = async (file: string) => (await readFile(file, 'utf8')).split('\n').filter(Boolean);
const writeLines = (file: string, ls: string[]) => writeFile(file, ls.map((l) => `${l}\n`).join(''));

async function cli(data: string) {
  let out = '';
  let err = '';
  const code = await runAuditCli(['verify', '--data-dir', data], {
    stdout: { write: (s: string) => ((out += s), true) } as NodeJS.WritableStream,
    stderr: { write: (s: string) => ((err += s), true) } as NodeJS.WritableStream,
  });
  return { code, out, err };
}

describe('audit log', () => {
  it('chains entries with the person, and verify says intact (exit 0)', async () => {
    const { data, file } = await logWith(5);
    const entries = (await lines(file)).map((l) => JSON.parse(l));
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(entries[0].prev).toBe('0'.repeat(64));
    for (let i = 1; i < 5; i++) expect(entries[i].prev).toBe(entries[i - 1].hash);
    expect(entries[2]).toMatchObject({
      osUser: 'kiemsatvien',
      userName: 'Nguyễn Thị Hồng',
      caseId: 'case-1',
    });
    const r = await cli(data);
    expect(r).toMatchObject({ code: 0 });
    expect(r.out).toMatch(/intact: 5 entries/);
  });

  it('a changed byte anywhere is exit 2 naming that entry', async () => {
    const { data, file } = await logWith(5);
    const raw = await readFile(file);
    const ls = raw.toString('utf8').split('\n');
    // Change one digit inside entry 3's byte count (still valid JSON, still canonical).
    ls[2] = ls[2].replace('"bytes":102', '"bytes":103');
    await writeFile(file, ls.join('\n'));
    const r = await cli(data);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/entry 3 .*line 3.*changed/);
    // A byte that breaks the JSON, in entry 4.
    const again = (await lines(file)).slice();
    again[2] = ls[2].replace('"bytes":103', '"bytes":102');
    again[3] = again[3].replace('{', '[');
    await writeLines(file, again);
    expect((await cli(data)).err).toMatch(/entry 4 .*line 4/);
  });

  it('whitespace added to a line counts as a change', async () => {
    const { dir, file } = await logWith(3);
    const ls = await lines(file);
    ls[1] = ls[1].replace(',', ', ');
    await writeLines(file, ls);
    const r = await verifyAuditLog(dir);
    expect(r).toMatchObject({ ok: false, seq: 2, line: 2 });
  });

  it('a removed entry in the middle is exit 2 naming the missing one', async () => {
    const { data, file } = await logWith(5);
    const ls = await lines(file);
    ls.splice(1, 1);
    await writeLines(file, ls);
    const r = await cli(data);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/entry 2 .*missing/);
  });

  it('reordered entries are exit 2 naming the first out of place', async () => {
    const { dir, file } = await logWith(5);
    const ls = await lines(file);
    [ls[2], ls[3]] = [ls[3], ls[2]];
    await writeLines(file, ls);
    expect(await verifyAuditLog(dir)).toMatchObject({ ok: false, seq: 3, line: 3 });
  });

  it('entries cut from the end are caught by HEAD.json; a missing HEAD is too', async () => {
    const { data, dir, file } = await logWith(5);
    const ls = await lines(file);
    await writeLines(file, ls.slice(0, 3));
    const r = await cli(data);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/entries 4\.\.5 are missing \(log truncated\)/);
    await rm(path.join(dir, 'HEAD.json'));
    expect(await verifyAuditLog(dir)).toMatchObject({ ok: false, reason: 'HEAD.json is missing' });
  });

  it('a deleted log next to stored originals is not "intact"', async () => {
    const { data, dir } = await logWith(2);
    await rm(dir, { recursive: true });
    await writeFile(path.join(data, 'x'), '');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(path.join(data, 'originals'));
    await writeFile(path.join(data, 'originals', hash('a')), 'scan');
    expect((await cli(data)).code).toBe(2);
  });

  it('temp files a kill -9 left mid-replace of HEAD or the anchor go on open; nothing else does', async () => {
    const { data, dir } = await logWith(2);
    const leftovers = [
      '.HEAD.json.0b6f3c1e-4d2a-4f7b-9c1d-2e3f4a5b6c7d.tmp',
      '.ANCHOR.sealed.9e8d7c6b-5a49-4382-a1b0-c9d8e7f6a5b4.tmp',
    ];
    for (const name of leftovers) await writeFile(path.join(dir, name), 'half-written');
    await writeFile(path.join(dir, 'ghi-chu.txt'), 'not ours');
    const log = await AuditLog.open(dir, actor);
    await log.append({ action: 'file-stored', caseId: 'case-1' });
    const names = await readdir(dir);
    for (const name of leftovers) expect(names).not.toContain(name);
    expect(names).toContain('ghi-chu.txt');
    expect((await cli(data)).code).toBe(0);
  });

  it('a line torn mid-write (truncated file) fails verify, and the host repairs it into the chain on open', async () => {
    const { data, dir, file } = await logWith(4);
    const raw = await readFile(file);
    // Cut entry 4 in half, as a kill -9 during its write would.
    const cut = raw.byteLength - 40;
    await writeFile(file, raw.subarray(0, cut));
    let r = await cli(data);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/entry 4 .*incomplete last line/);
    // (HEAD still says 3 here: the line never finished, so its HEAD update never happened.)
    const head = JSON.parse(await readFile(path.join(dir, 'HEAD.json'), 'utf8'));
    await writeFile(
      path.join(dir, 'HEAD.json'),
      JSON.stringify({ ...head, seq: 3, hash: JSON.parse((await lines(file))[2]).hash }),
    );
    const log = await AuditLog.open(dir, actor);
    expect(log.lastSeq).toBe(4);
    const last = JSON.parse((await lines(file)).at(-1)!);
    expect(last).toMatchObject({
      seq: 4,
      action: 'log-recovered',
      detail: { tornBytes: cut - raw.subarray(0, cut).lastIndexOf(10) - 1 },
    });
    const torn = await readdir(path.join(dir, 'torn'));
    expect(torn).toHaveLength(1);
    r = await cli(data);
    expect(r.code).toBe(0);
  });

  it('a whole last entry that only lost its newline is completed, not set aside', async () => {
    const { dir, file } = await logWith(3);
    const raw = await readFile(file);
    await writeFile(file, raw.subarray(0, raw.byteLength - 1));
    const log = await AuditLog.open(dir, actor);
    expect(log.lastSeq).toBe(3);
    expect(await verifyAuditLog(dir)).toMatchObject({ ok: true, entries: 3 });
  });

  it('survives kill -9 of a process appending in a loop: open recovers and verify passes', async () => {
    const data = await tempDir('hoso-audit-kill-');
    const dir = path.join(data, 'audit');
    const script = `
      import { AuditLog } from ${JSON.stringify(path.resolve('main/src/services/audit/audit-log.ts'))};
      const log = await AuditLog.open(${JSON.stringify(dir)}, () => ({ osUser: 'u', userName: 'n' }));
      for (let i = 0; ; i++) {
        await log.append({ action: 'ocr-done', detail: { note: 'x'.repeat(3000), i } });
        if (i === 20) process.stdout.write('ready\\n');
      }`;
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const log = await AuditLog.open(dir, actor);
    await log.append({ action: 'ocr-done' });
    const r = await verifyAuditLog(dir);
    expect(r).toMatchObject({ ok: true });
    expect(r.entries).toBeGreaterThan(20);
  });

  it('hoso audit verify runs from the hoso command', () => {
    const r = spawnSync(
      process.execPath,
      ['ocr/bin/hoso.mjs', 'audit', 'verify', '--data-dir', '/nonexistent-hoso'],
      {
        encoding: 'utf8',
      },
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/intact: 0 entries/);
  });
});
