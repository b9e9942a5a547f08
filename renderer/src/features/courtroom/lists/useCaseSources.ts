import { useMemo } from 'react';
import { useCaseMaps, useDocuments, usePages } from '../../../db';

/** The case's pages, documents and maps, for the "add exhibit" pickers. */
export function useCaseSources(caseId: string) {
  const pages = usePages({ caseId });
  const documents = useDocuments({ caseId });
  const maps = useCaseMaps(caseId);
  return useMemo(() => {
    if (!pages || !documents || !maps) return undefined;
    const docTitle = new Map(documents.map((d) => [d.id, d.title]));
    const byFolio = [...pages].sort((a, b) => (a.folio ?? 1e9) - (b.folio ?? 1e9) || a.order - b.order);
    return {
      pages: byFolio.map((p) => ({
        id: p.id,
        folio: p.folio,
        title: docTitle.get(p.documentId) ?? p.fileName,
      })),
      documents: documents.map((d) => ({ id: d.id, title: d.title })),
      maps: maps.map((m) => ({ id: m.id, name: m.name })),
    };
  }, [pages, documents, maps]);
}
