import type { Table } from 'dexie';
import { z } from 'zod';
import type { IndexStats } from '@hoso/search';
import type { HosoDb, SettingRecord } from './schema';

/**
 * The search index's own counters, in the `searchMeta` store: per-case statistics (pages indexed,
 * their tokens: BM25's N and average length) and the next page number (docNo). Kept as counters
 * beside the index because counting records is linear in Chromium's IndexedDB: `pageTexts.count()`
 * cost ~350 ms at 10 000 pages. Parsed when read: a damaged counter counts as absent.
 */
const StatsRecordSchema = z.object({
  key: z.string().startsWith('stats:'),
  caseId: z.string(),
  pages: z.number().int().nonnegative(),
  tokens: z.number().int().nonnegative(),
});
const NextDocNoRecordSchema = z.object({ key: z.literal('nextDocNo'), value: z.number().int().positive() });

export type SearchMetaRecord = z.infer<typeof StatsRecordSchema> | z.infer<typeof NextDocNoRecordSchema>;

const statsKey = (caseId: string) => `stats:${caseId}`;
const NEXT_DOC_NO = 'nextDocNo';

function statsOf(r: SearchMetaRecord | undefined): IndexStats | undefined {
  const parsed = StatsRecordSchema.safeParse(r);
  return parsed.success ? { pages: parsed.data.pages, tokens: parsed.data.tokens } : undefined;
}

/** N and total tokens of the index, for one case or all. */
export async function readIndexStats(db: HosoDb, caseId?: string): Promise<IndexStats> {
  const records = caseId
    ? [await db.searchMeta.get(statsKey(caseId))]
    : await db.searchMeta.where('key').startsWith('stats:').toArray();
  const sum = { pages: 0, tokens: 0 };
  for (const r of records) {
    const v = statsOf(r);
    if (v) {
      sum.pages += v.pages;
      sum.tokens += v.tokens;
    }
  }
  return sum;
}

/** Stores a case's stats (inside the index write's transaction). */
export async function writeIndexStats(db: HosoDb, caseId: string, stats: IndexStats): Promise<void> {
  await db.searchMeta.put({ key: statsKey(caseId), caseId, ...stats });
}

export async function readCaseStats(db: HosoDb, caseId: string): Promise<IndexStats> {
  return statsOf(await db.searchMeta.get(statsKey(caseId))) ?? { pages: 0, tokens: 0 };
}

export async function removeCaseStats(db: HosoDb, caseId: string): Promise<void> {
  await db.searchMeta.delete(statsKey(caseId));
}

/** The next unused page number (1 in a new database). */
export async function readNextDocNo(db: HosoDb): Promise<number> {
  const parsed = NextDocNoRecordSchema.safeParse(await db.searchMeta.get(NEXT_DOC_NO));
  return parsed.success ? parsed.data.value : 1;
}

export async function writeNextDocNo(db: HosoDb, next: number): Promise<void> {
  await db.searchMeta.put({ key: NEXT_DOC_NO, value: next });
}

/** Where versions 1–2 kept the counters, in `settings`. */
const OLD_STATS_PREFIX = 'search.stats:';
const OLD_NEXT_DOC_NO = 'search.nextDocNo';
const OldStatsSchema = z.object({ pages: z.number(), tokens: z.number() });

/**
 * Schema upgrade 2 → 3: moves the counters out of `settings` into `searchMeta`. Runs inside
 * Dexie's upgrade transaction. A counter that does not parse is dropped (the index reads it as
 * zero, as it would a missing one) rather than failing the whole upgrade.
 */
export async function moveSearchCounters(
  settings: Table<SettingRecord, string>,
  searchMeta: Table<SearchMetaRecord, string>,
): Promise<void> {
  const old = await settings.where('key').startsWith('search.').toArray();
  const moved: SearchMetaRecord[] = [];
  const done: string[] = [];
  for (const r of old) {
    if (r.key === OLD_NEXT_DOC_NO) {
      done.push(r.key);
      const n = z.number().int().positive().safeParse(r.value);
      if (n.success) moved.push({ key: NEXT_DOC_NO, value: n.data });
    } else if (r.key.startsWith(OLD_STATS_PREFIX)) {
      done.push(r.key);
      const v = OldStatsSchema.safeParse(r.value);
      const caseId = r.key.slice(OLD_STATS_PREFIX.length);
      if (v.success) {
        const stats = { pages: Math.max(0, v.data.pages), tokens: Math.max(0, v.data.tokens) };
        moved.push({ key: statsKey(caseId), caseId, ...stats });
      }
    }
  }
  await searchMeta.bulkPut(moved);
  await settings.bulkDelete(done);
}
