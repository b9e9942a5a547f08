import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

/**
 * The log lives in <data>/audit: one file per calendar month (UTC), `2026-12.jsonl`, one entry per
 * line, and HEAD.json naming the last entry written. One chain runs through all months.
 */
export const MONTH_FILE = /^\d{4}-\d{2}\.jsonl$/;
export const HEAD_FILE = 'HEAD.json';
export const TORN_DIR = 'torn';

export const HeadSchema = z.object({ seq: z.number().int().min(0), hash: z.string(), file: z.string() });
export type Head = z.infer<typeof HeadSchema>;

export const monthFileOf = (iso: string): string => `${iso.slice(0, 7)}.jsonl`;

export async function monthFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [] as string[];
    throw err;
  });
  return names.filter((n) => MONTH_FILE.test(n)).sort();
}

export async function readHead(dir: string): Promise<Head | undefined | 'invalid'> {
  let text: string;
  try {
    text = await readFile(path.join(dir, HEAD_FILE), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  try {
    return HeadSchema.parse(JSON.parse(text));
  } catch {
    return 'invalid';
  }
}

/**
 * Splits a month file into its complete lines and a trailing fragment: bytes after the last
 * newline, which only a write cut short (power loss, kill -9) leaves behind.
 */
export function splitLines(bytes: Buffer): { lines: string[]; torn: Buffer | undefined } {
  const end = bytes.lastIndexOf(0x0a);
  const complete = end < 0 ? Buffer.alloc(0) : bytes.subarray(0, end);
  const rest = bytes.subarray(end + 1);
  const lines = end < 0 ? [] : complete.toString('utf8').split('\n');
  return { lines, torn: rest.byteLength > 0 ? rest : undefined };
}
