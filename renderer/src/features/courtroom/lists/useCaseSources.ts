import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../../db/schema';

/** The case's pages, documents and maps, for the "add exhibit" pickers. */
export function useCaseSources(caseId: string) {
  return useLiveQuery(async () => {
    const db = getDb();
    const [pages, documents, maps] = await Promise.all([
      db.pages.where('caseId').equals(caseId).toArray(),
      db.documents.where('caseId').equals(caseId).toArray(),
      db.maps.where('caseId').equals(caseId).toArray(),
    ]);
    const docTitle = new Map(documents.map((d) => [d.id, d.title]));
    pages.sort((a, b) => (a.folio ?? 1e9) - (b.folio ?? 1e9) || a.order - b.order);
    return {
      pages: pages.map((p) => ({
        id: p.id,
        folio: p.folio,
        title: docTitle.get(p.documentId) ?? p.fileName,
      })),
      documents: documents.map((d) => ({ id: d.id, title: d.title })),
      maps: maps.map((m) => ({ id: m.id, name: m.name })),
    };
  }, [caseId]);
}
