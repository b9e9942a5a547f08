import type { CaseDocument, Page, Volume } from './case';

/**
 * bút lục: pages numbered 1..N through the dossier in reading order — volumes by their order, then
 * documents by their order within the volume, then pages by their order within the document.
 */
export function dossierOrder(
  volumes: readonly Pick<Volume, 'id' | 'order'>[],
  documents: readonly Pick<CaseDocument, 'id' | 'volumeId' | 'order'>[],
  pages: readonly Pick<Page, 'id' | 'documentId' | 'order'>[],
): string[] {
  const volOrder = new Map(volumes.map((v) => [v.id, v.order]));
  const docRank = new Map(
    [...documents]
      .sort(
        (a, b) =>
          (volOrder.get(a.volumeId) ?? Infinity) - (volOrder.get(b.volumeId) ?? Infinity) ||
          a.order - b.order,
      )
      .map((d, i) => [d.id, i]),
  );
  return [...pages]
    .sort(
      (a, b) =>
        (docRank.get(a.documentId) ?? Infinity) - (docRank.get(b.documentId) ?? Infinity) ||
        a.order - b.order,
    )
    .map((p) => p.id);
}

export type FolioMode =
  /** Every page renumbered 1..N in dossier order. */
  | 'renumber'
  /** Pages that already carry a folio keep it (it may be stamped on paper); the others get the next numbers in dossier order. */
  | 'append';

/** The folio every page should carry: pageId → folio. */
export function assignFolios(
  volumes: readonly Pick<Volume, 'id' | 'order'>[],
  documents: readonly Pick<CaseDocument, 'id' | 'volumeId' | 'order'>[],
  pages: readonly Pick<Page, 'id' | 'documentId' | 'order' | 'folio'>[],
  mode: FolioMode = 'renumber',
): Map<string, number> {
  const ordered = dossierOrder(volumes, documents, pages);
  const result = new Map<string, number>();
  if (mode === 'renumber') {
    ordered.forEach((id, i) => result.set(id, i + 1));
    return result;
  }
  const byId = new Map(pages.map((p) => [p.id, p]));
  let next = Math.max(0, ...pages.map((p) => p.folio ?? 0)) + 1;
  for (const id of ordered) {
    const folio = byId.get(id)?.folio;
    result.set(id, folio ?? next++);
  }
  return result;
}

/** "BL 12–15" style range of a document's folios, or undefined when none is assigned. */
export function folioRange(
  pages: readonly Pick<Page, 'folio'>[],
): { first: number; last: number } | undefined {
  const folios = pages.map((p) => p.folio).filter((f): f is number => typeof f === 'number');
  if (folios.length === 0) return undefined;
  return { first: Math.min(...folios), last: Math.max(...folios) };
}

export function formatFolioRange(range: { first: number; last: number } | undefined): string {
  if (!range) return '';
  return range.first === range.last ? String(range.first) : `${range.first}–${range.last}`;
}
