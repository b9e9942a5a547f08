import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-file';
import type { DataPaths } from './data-dir';

const SettingsSchema = z.object({
  watchFolder: z.string().nullable().default(null),
  /** The person's name as typed in Cài đặt, recorded with every audit entry next to the OS user. */
  userName: z.string().max(200).default(''),
  /** The digitization centre's Redis URL (may hold its password: the data folder is private). */
  ocrServer: z.string().nullable().default(null),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** Host settings, parsed with zod when read (a hand-edited or damaged file falls back to defaults). */
export class SettingsStore {
  constructor(private readonly paths: DataPaths) {}

  async read(): Promise<Settings> {
    try {
      return SettingsSchema.parse(JSON.parse(await readFile(this.paths.settings, 'utf8')));
    } catch {
      return SettingsSchema.parse({});
    }
  }

  async update(patch: Partial<Settings>): Promise<Settings> {
    const next = { ...(await this.read()), ...patch };
    await writeFileAtomic(this.paths.settings, JSON.stringify(next, null, 2), this.paths.tmp);
    return next;
  }
}
