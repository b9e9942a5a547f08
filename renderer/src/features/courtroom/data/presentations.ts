import { addExhibit, makeExhibit } from '@hoso/domain';
import { changePresentation } from '../../../db';
import { newId } from '../../../db/ids';
import { draftFromRef, type ExhibitRef } from './drafts';

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
