import { useLiveQuery } from 'dexie-react-hooks';
import {
  addExhibit,
  asPresentationModel,
  emptyPresentation,
  makeExhibit,
  type PresentationModel,
} from '@hoso/domain';
import { getDb } from '../../../db/schema';
import type { PresentationRecord } from '../../../db/schema';
import { newId } from '../../../db/ids';
import { draftFromRef, type ExhibitRef } from './drafts';

/** Presentation lists (danh mục trình chiếu) in Dexie: one record per list, its model inside. */

export function usePresentations(caseId: string): PresentationRecord[] | undefined {
  return useLiveQuery(
    () =>
      getDb()
        .presentations.where('caseId')
        .equals(caseId)
        .toArray()
        .then((rows) => rows.sort((a, b) => a.name.localeCompare(b.name, 'vi'))),
    [caseId],
  );
}

export interface LoadedPresentation {
  record: PresentationRecord;
  model: PresentationModel;
}

/** The list and its model; `null` once known to be missing (deleted, wrong id). */
export function usePresentation(presentationId: string): LoadedPresentation | null | undefined {
  return useLiveQuery(async () => {
    const record = await getDb().presentations.get(presentationId);
    return record ? { record, model: asPresentationModel(record.model) } : null;
  }, [presentationId]);
}

export async function createPresentation(caseId: string, name: string): Promise<PresentationRecord> {
  const record: PresentationRecord = {
    id: newId(),
    caseId,
    name: name.trim() || 'Danh mục trình chiếu',
    updatedAt: new Date().toISOString(),
    model: emptyPresentation(),
  };
  await getDb().presentations.add(record);
  return record;
}

export async function renamePresentation(id: string, name: string): Promise<void> {
  const trimmed = name.trim();
  if (!trimmed) return;
  await getDb().presentations.update(id, { name: trimmed, updatedAt: new Date().toISOString() });
}

export async function deletePresentation(id: string): Promise<void> {
  await getDb().presentations.delete(id);
}

/**
 * Read-modify-write of a list's model in one transaction, so two windows editing the same list
 * (presenter drawing while the list tab reorders) never lose each other's change.
 */
export async function changePresentation(
  id: string,
  change: (model: PresentationModel) => PresentationModel,
): Promise<PresentationModel | null> {
  const db = getDb();
  return db.transaction('rw', db.presentations, async () => {
    const record = await db.presentations.get(id);
    if (!record) return null;
    const model = change(asPresentationModel(record.model));
    await db.presentations.put({ ...record, model, updatedAt: new Date().toISOString() });
    return model;
  });
}

/** Adds dossier evidence or a map view at the end of a list (or at `at`); false when it is gone. */
export async function addRefToPresentation(
  presentationId: string,
  ref: ExhibitRef,
  at?: number,
): Promise<boolean> {
  const draft = await draftFromRef(ref);
  if (!draft) return false;
  const result = await changePresentation(presentationId, (m) =>
    addExhibit(m, makeExhibit(draft, newId(), (at ?? m.exhibits.length) + 1), at),
  );
  return result !== null;
}
