import { useLiveQuery } from 'dexie-react-hooks';
import type { Case, CaseDocument, Page, PageText, Volume } from '@hoso/domain';
import { getDb, type ImportRecord } from './schema';
import { listCases, type CaseFilter } from './cases';
import { listVolumes } from './volumes';
import { listDocuments, listCaseDocuments } from './documents';
import { listCasePages, listPages } from './pages';
import { listImports } from './imports';
import { listDecisions, listPersonEdits, type EntityDecisionRecord, type EntityEditRecord } from './entities';
import { listCaseMapRecords, listCaseMaps, type MapRecord, type MapSummary } from './maps';
import {
  listPresentations,
  loadPresentation,
  type LoadedPresentation,
  type PresentationSummary,
} from './presentations';
import { getSetting, type AppSettings } from './settings';

/**
 * Live views of the data (re-render when the records change, in this window or another). Each
 * returns undefined while loading. The only live-query hooks: features never query tables.
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

/** The page, null once known to be missing (deleted, wrong id). */
export function usePageOrNull(id: string | undefined): Page | null | undefined {
  return useLiveQuery(async () => (id ? ((await getDb().pages.get(id)) ?? null) : null), [id]);
}

/** The page's OCR words, null once known to be absent (no OCR yet). */
export function usePageTextOrNull(pageId: string | undefined): PageText | null | undefined {
  return useLiveQuery(
    async () => (pageId ? ((await getDb().pageTexts.get(pageId)) ?? null) : null),
    [pageId],
  );
}

/** The case's maps, most recently changed first. */
export function useCaseMaps(caseId: string): MapSummary[] | undefined {
  return useLiveQuery(() => listCaseMaps(caseId), [caseId]);
}

/** The case's maps with their models (those that parse), most recently changed first. */
export function useCaseMapRecords(caseId: string): MapRecord[] | undefined {
  return useLiveQuery(() => listCaseMapRecords(caseId), [caseId]);
}

/** The case's presentation lists by name. */
export function usePresentations(caseId: string): PresentationSummary[] | undefined {
  return useLiveQuery(() => listPresentations(caseId), [caseId]);
}

/** A list and its model; null once known to be missing (deleted, wrong id); `damaged` when it does not parse. */
export function usePresentation(presentationId: string): LoadedPresentation | null | undefined {
  return useLiveQuery(() => loadPresentation(presentationId), [presentationId]);
}

export function useSetting<K extends keyof AppSettings>(key: K): AppSettings[K] | undefined {
  return useLiveQuery(() => getSetting(key), [key]);
}

export function useSuggestionDecisions(caseId: string): EntityDecisionRecord[] | undefined {
  return useLiveQuery(() => listDecisions(caseId), [caseId]);
}

export function usePersonEdits(caseId: string): EntityEditRecord[] | undefined {
  return useLiveQuery(() => listPersonEdits(caseId), [caseId]);
}
