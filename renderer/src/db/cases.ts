import type { Case, ProceduralStage } from '@hoso/domain';
import { foldDiacritics } from '@hoso/text';
import { getDb, type HosoDb, caseStores } from './schema';
import { DbError, guard, notFound } from './errors';
import { newId, nowIso } from './ids';
import { DEFAULT_VOLUME_NAMES } from './volumes';
import { removeCaseIndex } from './searchIndex';

export type CaseInput = Partial<Omit<Case, 'id' | 'createdAt' | 'updatedAt' | 'deletedAt'>> & {
  number: string;
  name: string;
};
export type CasePatch = Partial<Omit<Case, 'id' | 'createdAt' | 'updatedAt'>>;

/** Creates a case with its two default volumes (procedure papers, evidence). */
export async function createCase(input: CaseInput, db: HosoDb = getDb()): Promise<Case> {
  if (!input.number.trim() && !input.name.trim()) {
    throw new DbError('INVALID_INPUT', 'A case needs a number or a name', 'number/name');
  }
  const now = nowIso();
  const c: Case = {
    charges: [],
    defendants: [],
    prosecutor: '',
    stage: 'dieu-tra',
    keyDates: [],
    ...input,
    number: input.number.normalize('NFC').trim(),
    name: input.name.normalize('NFC').trim(),
    id: newId(),
    createdAt: now,
    updatedAt: now,
  };
  return guard(() =>
    db.transaction('rw', [db.cases, db.volumes], async () => {
      await db.cases.add(c);
      await db.volumes.bulkAdd(
        DEFAULT_VOLUME_NAMES.map((name, order) => ({ id: newId(), caseId: c.id, order, name })),
      );
      return c;
    }),
  );
}

export async function getCase(id: string, db: HosoDb = getDb()): Promise<Case | undefined> {
  return db.cases.get(id);
}

export async function updateCase(id: string, patch: CasePatch, db: HosoDb = getDb()): Promise<Case> {
  return guard(() =>
    db.transaction('rw', db.cases, async () => {
      const c = await db.cases.get(id);
      if (!c) throw notFound('Case', id);
      const next: Case = { ...c, ...patch, id, createdAt: c.createdAt, updatedAt: nowIso() };
      await db.cases.put(next);
      return next;
    }),
  );
}

/** Soft delete: the case disappears from the list but can be restored until purged. */
export async function deleteCase(id: string, db: HosoDb = getDb()): Promise<void> {
  await guard(() =>
    db.transaction('rw', db.cases, async () => {
      const n = await db.cases.update(id, { deletedAt: nowIso() });
      if (n === 0) throw notFound('Case', id);
    }),
  );
}

export async function restoreCase(id: string, db: HosoDb = getDb()): Promise<void> {
  await guard(() =>
    db.transaction('rw', db.cases, async () => {
      const c = await db.cases.get(id);
      if (!c) throw notFound('Case', id);
      const { deletedAt: _gone, ...rest } = c;
      await db.cases.put({ ...rest, updatedAt: nowIso() });
    }),
  );
}

/** Removes a case and everything that belongs to it, in one transaction. */
export async function purgeCase(id: string, db: HosoDb = getDb()): Promise<void> {
  await guard(() =>
    db.transaction('rw', caseStores(db), async () => {
      await removeCaseIndex(db, id);
      for (const t of [
        db.volumes,
        db.documents,
        db.pages,
        db.pageTexts,
        db.imports,
        db.maps,
        db.presentations,
        db.entityPages,
        db.entityEdits,
        db.entityDecisions,
      ]) {
        await t.where('caseId').equals(id).delete();
      }
      await db.cases.delete(id);
    }),
  );
}

/** Purges cases soft-deleted more than `olderThanMs` ago; returns their ids. */
export async function purgeDeletedCases(olderThanMs: number, db: HosoDb = getDb()): Promise<string[]> {
  const cutoff = new Date(Date.now() - olderThanMs).toISOString();
  const old = await db.cases.where('deletedAt').belowOrEqual(cutoff).primaryKeys();
  for (const id of old) await purgeCase(id, db);
  return old;
}

export interface CaseFilter {
  /** Diacritic-insensitive text matched on number, name, defendants, charges and prosecutor. */
  text?: string;
  stage?: ProceduralStage;
  includeDeleted?: boolean;
  /** Only soft-deleted cases (the trash). */
  onlyDeleted?: boolean;
}

export function caseMatches(c: Case, filter: CaseFilter): boolean {
  if (filter.onlyDeleted ? !c.deletedAt : c.deletedAt && !filter.includeDeleted) return false;
  if (filter.stage && c.stage !== filter.stage) return false;
  const needle = foldDiacritics(filter.text ?? '').trim();
  if (!needle) return true;
  const hay = foldDiacritics(
    [
      c.number,
      c.name,
      c.prosecutor,
      ...c.defendants.map((d) => d.name),
      ...c.charges.map((ch) => `${ch.name} điều ${ch.article} ${ch.article}`),
    ].join(' \u0001 '),
  );
  return needle.split(/\s+/).every((part) => hay.includes(part));
}

/** Cases, most recently updated first. */
export async function listCases(filter: CaseFilter = {}, db: HosoDb = getDb()): Promise<Case[]> {
  const all = await db.cases.toArray();
  return all.filter((c) => caseMatches(c, filter)).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}
