import type { z } from 'zod';
import type { BlobCodec } from './crypto/blob-codec';

/** A JSON file read and checked: its value, absent, or present but unusable (with why). */
export type JsonFileRead<T> =
  { ok: true; value: T } | { ok: false; missing: true } | { ok: false; missing: false; why: string };

/**
 * Reads a small JSON state file of the data folder through its codec (opened when sealed) and
 * checks it against `schema`. A missing file is `missing`; text that is not complete JSON or not
 * of the schema is `why`, for the caller's own policy (the job list falls back to its last good
 * copy, the inbox refuses to work). Errors of the read itself (LOCKED, a sealed file that does not
 * open, EACCES) are thrown: what they mean is the caller's to say.
 */
export async function readJsonFile<S extends z.ZodType>(
  codec: BlobCodec,
  file: string,
  schema: S,
  what?: string,
): Promise<JsonFileRead<z.infer<S>>> {
  let text: string;
  try {
    text = (await codec.readFile(file, what)).toString('utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { ok: false, missing: true };
    throw err;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, missing: false, why: `it is not complete JSON (${(err as Error).message})` };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    return {
      ok: false,
      missing: false,
      why: `it does not match the expected format (${parsed.error.issues[0]?.message})`,
    };
  return { ok: true, value: parsed.data };
}
