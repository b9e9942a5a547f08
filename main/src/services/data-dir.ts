import os from 'node:os';
import path from 'node:path';

/**
 * Where HoSo keeps its originals, derived images, jobs and exports: `HOSO_DATA_DIR` when set,
 * else the platform's user-data folder (what Electron's app.getPath('userData') would give).
 */
export function resolveDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.HOSO_DATA_DIR) return path.resolve(env.HOSO_DATA_DIR);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'HoSo');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'HoSo');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'HoSo');
}

/** The fixed layout under the data dir. */
export function dataPaths(dataDir: string) {
  return {
    root: dataDir,
    originals: path.join(dataDir, 'originals'),
    meta: path.join(dataDir, 'meta'),
    derived: path.join(dataDir, 'derived'),
    jobs: path.join(dataDir, 'jobs'),
    /** Stored originals awaiting the dossier (inbox.ts). */
    inbox: path.join(dataDir, 'inbox'),
    exports: path.join(dataDir, 'exports'),
    tmp: path.join(dataDir, 'tmp'),
    audit: path.join(dataDir, 'audit'),
    /** SHA-256 records of derived files (derived-files.ts). */
    integrity: path.join(dataDir, 'integrity'),
    settings: path.join(dataDir, 'settings.json'),
  };
}
export type DataPaths = ReturnType<typeof dataPaths>;
