import { useLiveQuery } from 'dexie-react-hooks';
import type { Case, CaseDocument, Page, PageText, Volume } from '@hoso/domain';
import { getDb, type ImportRecord } from './schema';
import { listCases, type CaseFilter } from './cases';
import { listVolumes } from './volumes';
import { listDocuments, listCaseDocuments } from './documents';
import { listCasePages, listPages } from './pages';
import { listImports } from './imports';

/**
 * Live views of the data (re-render when the records change, in this window or another). Each
 * returns undefined while loading.
 */
export function useCases(filter: CaseFilter = {}): Case[] | undefined {
  const { text, stage, includeDeleted, onlyDeleted } = filter;
  return useLiveQuery(
    () => listCases({ text, stage, includeDeleted, onlyDeleted }),
    [text, stage, includeDeleted, onlyDeleted],
  );
}

export function useCase(id: string | undefined): Case | undefined {
  return useLiveQuery(() => (id ? getDb().cases.get(id) : undefined), [id]);
}

export function useVolumes(caseId: string | undefined): Volume[] | undefined {
  return useLiveQuery(() => (caseId ? listVolumes(caseId) : []), [caseId]);
}

/** Documents of a volume, or of a whole case (in dossier order). */
export function useDocuments(
  scope: { volumeId: string } | { caseId: string } | undefined,
): CaseDocument[] | undefined {
  const volumeId = scope && 'volumeId' in scope ? scope.volumeId : undefined;
  const caseId = scope && 'caseId' in scope ? scope.caseId : undefined;
  return useLiveQuery(
    () => (volumeId ? listDocuments(volumeId) : caseId ? listCaseDocuments(caseId) : []),
    [volumeId, caseId],
  );
}

export function useDocument(id: string | undefined): CaseDocument | undefined {
  return useLiveQuery(() => (id ? getDb().documents.get(id) : undefined), [id]);
}

/** Pages of a document, or of a whole case in dossier order. Page records are small (no OCR words). */
export function usePages(scope: { documentId: string } | { caseId: string } | undefined): Page[] | undefined {
  const documentId = scope && 'documentId' in scope ? scope.documentId : undefined;
  const caseId = scope && 'caseId' in scope ? scope.caseId : undefined;
  return useLiveQuery(
    () => (documentId ? listPages(documentId) : caseId ? listCasePages(caseId) : []),
    [documentId, caseId],
  );
}

export function usePage(id: string | undefined): Page | undefined {
  return useLiveQuery(() => (id ? getDb().pages.get(id) : undefined), [id]);
}

/** The page's OCR words and corrections (use `effectiveWords` on it). */
export function usePageText(pageId: string | undefined): PageText | undefined {
  return useLiveQuery(() => (pageId ? getDb().pageTexts.get(pageId) : undefined), [pageId]);
}

export function useImports(caseId: string | undefined): ImportRecord[] | undefined {
  return useLiveQuery(() => (caseId ? listImports(caseId) : []), [caseId]);
}
