import { spawnSync } from 'node:child_process';
import { chmod, mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { dataPaths } from '../../main/src/services/data-dir';
import { createHost } from '../../main/src/services/host';
import { windowsAclArgs } from '../../main/src/services/private-files';
import { fakeRecognizer, makeImage, tempDir } from './helpers';

const mode = async (p: string) => (await stat(p)).mode & 0o777;

/** Every folder and file under `root` with its mode. */
async function modes(root: string): Promise<Map<string, number>> {
  const out = new Map<string, number>([['.', await mode(root)]]);
  for (const rel of await readdir(root, { recursive: true })) out.set(rel, await mode(path.join(root, rel)));
  return out;
}

/** Another OS user ("nobody") trying to read: possible to try only when the tests run as root. */
function readAsOtherUser(file: string): number | undefined {
  if (process.getuid?.() !== 0) return undefined;
  return spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'cat', file]).status ?? -1;
}

describe.skipIf(process.platform === 'win32')('the data folder is private to its user', () => {
  test('folders 0700, files 0600, originals 0400 — also for what an older version left readable', async () => {
    // The parent is traversable by everyone, like a home folder's .config.
    const parent = await tempDir();
    await chmod(parent, 0o755);
    const dataDir = path.join(parent, 'HoSo');
    const paths = dataPaths(dataDir);
    // An older install: world-readable everything, an original 0444, a stray folder.
    await mkdir(path.join(paths.derived, 'x'), { recursive: true, mode: 0o755 });
    await mkdir(paths.originals, { recursive: true, mode: 0o755 });
    await writeFile(path.join(paths.derived, 'x', '0.png'), 'old', { mode: 0o644 });
    await writeFile(path.join(paths.originals, 'a'.repeat(64)), 'old', { mode: 0o444 });
    await writeFile(paths.settings, '{}', { mode: 0o644 });
    await chmod(dataDir, 0o755);

    const host = await createHost({
      dataDir,
      env: { exportUrl: (n) => n },
      recognize: fakeRecognizer({ pages: 1 }).recognize,
    });
    try {
      const stored = await host.uploads.storeFile({ name: 'Trang 1.jpg' }, await makeImage('jpeg'));
      await host.run('setWatchFolder', { path: await tempDir('hoso-scan-') });
      const job = await host.run('enqueueOcr', {
        fileHash: stored.hash,
        fileName: 'Trang 1.jpg',
        lang: 'vie',
        forceOcr: false,
      });
      await host.queue.idle();
      await host.run('jobResult', { id: (job as { id: string }).id });
      await host.run('exportBundle', { fileName: 'b', caseData: {}, fileHashes: [stored.hash] });
      await host.pageImage(stored.hash, 0);

      const all = await modes(dataDir);
      const wrong: string[] = [];
      for (const [rel, m] of all) {
        const full = path.join(dataDir, rel);
        const isDir = (await stat(full)).isDirectory();
        const want = isDir ? 0o700 : rel.startsWith('originals/') ? 0o400 : 0o600;
        if (m !== want) wrong.push(`${rel}: ${m.toString(8)} (want ${want.toString(8)})`);
      }
      expect(wrong).toEqual([]);
      // Sanity: the walk saw the files this test made.
      expect([...all.keys()].filter((k) => k.startsWith('originals/'))).toHaveLength(2);
      expect([...all.keys()].some((k) => k.startsWith('exports/'))).toBe(true);
      expect([...all.keys()].some((k) => k.endsWith('.words.json'))).toBe(true);

      // The attack: another user reads the original and the job list directly.
      const asNobody = readAsOtherUser(path.join(paths.originals, stored.hash));
      if (asNobody !== undefined) {
        // Control: the same user can read a world-readable file next to the data folder.
        await writeFile(path.join(parent, 'public.txt'), 'x', { mode: 0o644 });
        expect(readAsOtherUser(path.join(parent, 'public.txt'))).toBe(0);
        expect(asNobody).not.toBe(0);
        expect(readAsOtherUser(path.join(paths.jobs, 'jobs.json'))).not.toBe(0);
      }
    } finally {
      await host.close();
    }
  });

  test('Windows: the ACL is reset to the user, SYSTEM and Administrators, inherited below', () => {
    expect(windowsAclArgs('C:\\Users\\ksv\\AppData\\Roaming\\HoSo', 'ksv')).toEqual([
      'C:\\Users\\ksv\\AppData\\Roaming\\HoSo',
      '/inheritance:r',
      '/grant:r',
      'ksv:(OI)(CI)F',
      '/grant:r',
      '*S-1-5-18:(OI)(CI)F',
      '/grant:r',
      '*S-1-5-32-544:(OI)(CI)F',
      '/T',
      '/Q',
    ]);
  });
});
