import type { CaseDocument, Page, Volume } from '@hoso/domain';

/**
 * The dossier as one flat list of rows for the virtualizer: a volume header, then each document's
 * header followed by its page thumbnails, `perRow` to a row. 2 000 pages make a few hundred rows
 * of which only the visible ones are in the DOM.
 */
export type DossierRow =
  | { kind: 'volume'; key: string; volume: Volume; docCount: number; pageCount: number }
  | { kind: 'empty'; key: string; volume: Volume }
  | { kind: 'document'; key: string; volume: Volume; doc: CaseDocument; pages: Page[]; next?: CaseDocument }
  | { kind: 'pages'; key: string; doc: CaseDocument; pages: Page[]; first: number };

export function buildRows(
  volumes: readonly Volume[],
  documents: readonly CaseDocument[],
  pages: readonly Page[],
  perRow: number,
): DossierRow[] {
  const pagesByDoc = new Map<string, Page[]>();
  for (const p of pages) {
    const list = pagesByDoc.get(p.documentId);
    if (list) list.push(p);
    else pagesByDoc.set(p.documentId, [p]);
  }
  for (const list of pagesByDoc.values()) list.sort((a, b) => a.order - b.order);
  const rows: DossierRow[] = [];
  for (const volume of [...volumes].sort((a, b) => a.order - b.order)) {
    const docs = documents.filter((d) => d.volumeId === volume.id).sort((a, b) => a.order - b.order);
    const pageCount = docs.reduce((n, d) => n + (pagesByDoc.get(d.id)?.length ?? 0), 0);
    rows.push({ kind: 'volume', key: `v:${volume.id}`, volume, docCount: docs.length, pageCount });
    if (docs.length === 0) rows.push({ kind: 'empty', key: `e:${volume.id}`, volume });
    docs.forEach((doc, i) => {
      const docPages = pagesByDoc.get(doc.id) ?? [];
      rows.push({ kind: 'document', key: `d:${doc.id}`, volume, doc, pages: docPages, next: docs[i + 1] });
      for (let first = 0; first < docPages.length; first += perRow) {
        rows.push({
          kind: 'pages',
          key: `p:${doc.id}:${first}`,
          doc,
          pages: docPages.slice(first, first + perRow),
          first,
        });
      }
    });
  }
  return rows;
}

export function folioRangeText(pages: readonly Page[]): string | undefined {
  const folios = pages.map((p) => p.folio).filter((f): f is number => typeof f === 'number');
  if (folios.length === 0) return undefined;
  const first = Math.min(...folios);
  const last = Math.max(...folios);
  return first === last ? String(first) : `${first}–${last}`;
}
