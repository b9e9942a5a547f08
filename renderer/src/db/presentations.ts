import { z } from 'zod';
import { emptyPresentation, PresentationModelSchema, type PresentationModel } from '@hoso/domain';
import { getDb, type HosoDb } from './schema';
import { damaged, DbError } from './errors';
import { newId } from './ids';

/**
 * Presentation lists (danh mục trình chiếu, `presentations` store): one record per list, its model
 * inside, parsed with @hoso/domain's schema when read. A list that does not parse is shown with a
 * DAMAGED_RECORD message and is never written over.
 */
const PresentationHeadSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  name: z.string(),
  updatedAt: z.string(),
});
export type PresentationSummary = z.infer<typeof PresentationHeadSchema>;
export type PresentationRecord = PresentationSummary & { model: PresentationModel };

export interface LoadedPresentation {
  record: PresentationSummary;
  model: PresentationModel;
  /** Set when the stored model does not parse (the model is then empty): show describeDbError(damaged). */
  damaged?: DbError;
}

/** The case's lists by name (Vietnamese collation). */
export async function listPresentations(
  caseId: string,
  db: HosoDb = getDb(),
): Promise<PresentationSummary[]> {
  const rows = await db.presentations.where('caseId').equals(caseId).toArray();
  return rows
    .map((r) => PresentationHeadSchema.safeParse(r))
    .flatMap((p) => (p.success ? [p.data] : []))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

function parseModel(raw: PresentationSummary & { model?: unknown }): PresentationModel | DbError {
  const parsed = PresentationModelSchema.safeParse(raw.model);
  return parsed.success ? parsed.data : damaged(`danh mục «${raw.name}»`, raw.id, parsed.error.message);
}

/** The list and its model; null when there is none. */
export async function loadPresentation(id: string, db: HosoDb = getDb()): Promise<LoadedPresentation | null> {
  const raw = await db.presentations.get(id);
  const head = PresentationHeadSchema.safeParse(raw);
  if (!raw || !head.success) return null;
  const model = parseModel(raw);
  return model instanceof DbError
    ? { record: head.data, model: emptyPresentation(), damaged: model }
    : { record: head.data, model };
}

/**
 * Every model of a case's lists. A damaged one is an error (DAMAGED_RECORD), not left out: the
 * export applies their redactions, and one silently missing would leak what it hides.
 */
export async function listPresentationModels(
  caseId: string,
  db: HosoDb = getDb(),
): Promise<PresentationModel[]> {
  const rows = await db.presentations.where('caseId').equals(caseId).toArray();
  return rows.map((r) => {
    const model = parseModel(r);
    if (model instanceof DbError) throw model;
    return model;
  });
}

export async function createPresentation(
  caseId: string,
  name: string,
  db: HosoDb = getDb(),
): Promise<PresentationRecord> {
  const record: PresentationRecord = {
    id: newId(),
    caseId,
    name: name.trim() || 'Danh mục trình chiếu',
    updatedAt: new Date().toISOString(),
    model: emptyPresentation(),
  };
  await db.presentations.add(record);
  return record;
}

export async function renamePresentation(id: string, name: string, db: HosoDb = getDb()): Promise<void> {
  const trimmed = name.trim();
  if (!trimmed) return;
  await db.presentations.update(id, { name: trimmed, updatedAt: new Date().toISOString() });
}

export async function deletePresentation(id: string, db: HosoDb = getDb()): Promise<void> {
  await db.presentations.delete(id);
}

/**
 * Read-modify-write of a list's model in one transaction, so two windows editing the same list
 * (presenter drawing while the list tab reorders) never lose each other's change. Null when the
 * list is gone; a damaged list is refused (DAMAGED_RECORD) rather than replaced.
 */
export async function changePresentation(
  id: string,
  change: (model: PresentationModel) => PresentationModel,
  db: HosoDb = getDb(),
): Promise<PresentationModel | null> {
  return db.transaction('rw', db.presentations, async () => {
    const record = await db.presentations.get(id);
    if (!record) return null;
    const current = parseModel(record);
    if (current instanceof DbError) throw current;
    const model = change(current);
    await db.presentations.put({ ...record, model, updatedAt: new Date().toISOString() });
    return model;
  });
}
