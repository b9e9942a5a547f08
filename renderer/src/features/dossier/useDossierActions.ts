import { noteDeletion } from '../custody/notices';
import type { CaseDocument, Page } from '@hoso/domain';
import {
  deleteDocument,
  deletePages,
  mergeDocuments,
  moveDocument,
  movePages,
  rotatePage,
  splitDocument,
} from '../../db';
import { attempt } from '../../shared/attempt';

export { attempt };

/** Page and document edits of the dossier, by the thing the user dragged or clicked. */
export const dossierActions = {
  rotate: (page: Page, delta: number) => attempt(() => rotatePage(page.id, delta)),
  deletePage: async (page: Page) => {
    const done = await attempt(() => deletePages([page.id]));
    if (done)
      noteDeletion({
        caseId: page.caseId,
        kind: 'page',
        ids: [page.id],
        fileHashes: [page.fileHash],
        label: page.folio ? `BL ${page.folio}` : undefined,
      });
    return done;
  },
  split: (page: Page) => attempt(() => splitDocument(page.documentId, page.id)),
  /** Moves a page before `target` (any document of the case). */
  dropPageOn: (pageId: string, target: Page) =>
    attempt(() => movePages([pageId], target.documentId, target.order)),
  dropPageAtEnd: (pageId: string, doc: CaseDocument, count: number) =>
    attempt(() => movePages([pageId], doc.id, count)),
  shiftPage: (page: Page, delta: number, count: number) =>
    attempt(() =>
      movePages([page.id], page.documentId, Math.max(0, Math.min(count - 1, page.order + delta))),
    ),
  /** Moves a document before `target` (same or other volume). */
  dropDocumentOn: (docId: string, target: CaseDocument) =>
    attempt(() => moveDocument(docId, target.volumeId, target.order)),
  shiftDocument: (doc: CaseDocument, delta: number) =>
    attempt(() => moveDocument(doc.id, doc.volumeId, Math.max(0, doc.order + delta))),
  moveToVolume: (doc: CaseDocument, volumeId: string) =>
    attempt(() => moveDocument(doc.id, volumeId, Number.MAX_SAFE_INTEGER)),
  mergeNext: (doc: CaseDocument, next: CaseDocument) => attempt(() => mergeDocuments(doc.id, [next.id])),
  deleteDocument: async (doc: CaseDocument) => {
    const done = await attempt(() => deleteDocument(doc.id));
    if (done) noteDeletion({ caseId: doc.caseId, kind: 'document', ids: [doc.id], label: doc.title });
    return done;
  },
};
