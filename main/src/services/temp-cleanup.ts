import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * After a crash or kill -9 mid-upload, mid-bundle-import or mid-OCR, tmp/ keeps the half-received
 * bytes (`*.part`, case data) and work folders forever. Nothing in tmp/ outlives the process that
 * made it (every temp file is renamed away or removed when its operation ends), so at start
 * everything in it is a leftover and goes. The host is single-instance per data folder (Electron's
 * lock; one `npm run web` per folder), so no live operation owns these files.
 * Returns the names removed, for the log.
 */
export async function cleanTempFolder(tmpDir: string): Promise<string[]> {
  const names = await readdir(tmpDir).catch(() => [] as string[]);
  await Promise.all(names.map((name) => rm(path.join(tmpDir, name), { recursive: true, force: true })));
  return names;
}
