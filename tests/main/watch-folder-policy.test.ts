import { mkdir, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createHost, type Host } from '../../main/src/services/host';
import { forbiddenReason } from '../../main/src/services/watch-folder-policy';
import { fakeRecognizer, tempDir } from './helpers';

let host: Host | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'accepted',
    (e: { error?: { code: string } }) => e.error?.code ?? 'THROWN',
  );

describe('the watch folder is only a folder of its own', () => {
  test('system folders, roots, home and above, the data folder and links to them are refused', async () => {
    const dataDir = await tempDir();
    host = await createHost({ dataDir, env: { exportUrl: (n) => n }, recognize: fakeRecognizer().recognize });
    const set = (p: string) => codeOf(host!.run('setWatchFolder', { path: p }));
    const outside = await tempDir('hoso-links-');
    await symlink('/etc', path.join(outside, 'Scan'));
    await mkdir(path.join(dataDir, 'originals'), { recursive: true });
    for (const evil of [
      '/etc',
      '/etc/ssh',
      '/',
      '/usr/share',
      '/proc/self',
      '/var/log',
      os.homedir(),
      path.dirname(os.homedir()),
      dataDir,
      path.join(dataDir, 'originals'),
      path.dirname(dataDir),
      path.join(outside, 'Scan'), // ~/Scan → /etc
    ])
      expect(`${evil}: ${await set(evil)}`).toBe(`${evil}: FORBIDDEN_WATCH_FOLDER`);
    expect(await set('relative/scan')).toBe('INVALID_WATCH_FOLDER');
    expect(await set('/no/such/folder')).toBe('NOT_FOUND');
    expect(await host.run('getWatchFolder', {})).toBeNull();
    // A folder of its own is fine, stored as its real path.
    const scan = await tempDir('hoso-scan-');
    expect(await host.run('setWatchFolder', { path: scan })).toBe(scan);
  });

  test('a forbidden folder saved in settings.json (older version, hand edit) is not watched at start', async () => {
    const dataDir = await tempDir();
    await writeFile(path.join(dataDir, 'settings.json'), JSON.stringify({ watchFolder: '/etc' }));
    host = await createHost({ dataDir, env: { exportUrl: (n) => n }, recognize: fakeRecognizer().recognize });
    expect(host.watch['folder' as keyof typeof host.watch]).toBeFalsy();
  });

  test('Windows: C:\\Windows, Program Files, a drive root, the profile and %APPDATA%\\HoSo are refused', () => {
    const ctx = {
      platform: 'win32' as const,
      home: 'C:\\Users\\ksv',
      dataDir: 'C:\\Users\\ksv\\AppData\\Roaming\\HoSo',
    };
    for (const evil of [
      'C:\\Windows',
      'c:\\windows\\system32',
      'C:\\Program Files\\X',
      'C:\\ProgramData',
      'C:\\',
      'D:\\',
      'C:\\Users',
      'C:\\Users\\ksv',
      'C:\\Users\\ksv\\AppData\\Roaming\\HoSo\\originals',
    ])
      expect(forbiddenReason(evil, ctx), evil).toBeDefined();
    expect(forbiddenReason('C:\\Users\\ksv\\Scan', ctx)).toBeUndefined();
    expect(forbiddenReason('D:\\May quet', ctx)).toBeUndefined();
  });
});
