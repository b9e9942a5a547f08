import type { ExportPage, ExportPdfRequest, OutlineEntry } from '@hoso/contracts';
import {
  effectiveWords,
  getCase,
  getPageTexts,
  listCaseDocuments,
  listCasePages,
  listVolumes,
} from '../../db';
import { folioRangeText } from './dossierRows';

export type ExportScope =
  { kind: 'dossier' } | { kind: 'volume'; volumeId: string } | { kind: 'document'; documentId: string };

export interface ExportOptions {
  tableOfContents: boolean;
  folioStamps: boolean;
  labels: { tocHeading: string; tocColumns: [string, string, string] };
}

/** File names keep Vietnamese letters but drop characters Windows forbids. */
export function safeFileName(name: string): string {
  const visible = [...name.normalize('NFC')].map((ch) => (ch.charCodeAt(0) < 32 ? ' ' : ch)).join('');
  return (
    visible
      .replace(/[\\/:*?"<>|]+/g, '-')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 120) || 'hoso'
  );
}

/**
 * Builds the host's export request from Dexie: pages in dossier order with their corrected words
 * (what the user sees is what the PDF's text layer says), bookmarks volume → document, and the
 * optional mục lục rows with folio ranges.
 */
export async function buildExportRequest(
  caseId: string,
  scope: ExportScope,
  options: ExportOptions,
): Promise<ExportPdfRequest> {
  return (await buildExport(caseId, scope, options)).request;
}

/** The request and, for each of its pages, the Dexie page id (redactions are chosen per page). */
export async function buildExport(
  caseId: string,
  scope: ExportScope,
  options: ExportOptions,
): Promise<{ request: ExportPdfRequest & { pages: ExportPage[] }; pageIds: string[] }> {
  const [c, volumes, documents, allPages] = await Promise.all([
    getCase(caseId),
    listVolumes(caseId),
    listCaseDocuments(caseId),
    listCasePages(caseId),
  ]);
  const docById = new Map(documents.map((d) => [d.id, d]));
  const pages = allPages.filter((p) => {
    if (scope.kind === 'document') return p.documentId === scope.documentId;
    // A scanned page left out as blank is not part of the dossier until restored (Khôi phục).
    if (p.leftOut) return false;
    if (scope.kind === 'volume') return docById.get(p.documentId)?.volumeId === scope.volumeId;
    return true;
  });
  const texts = await getPageTexts(pages.map((p) => p.id));
  const exportPages: ExportPage[] = pages.map((p, i) => {
    const text = texts[i];
    const ocr = text?.ocr;
    return {
      fileHash: p.fileHash,
      page: p.filePage,
      rotation: p.rotation,
      frame: ocr
        ? {
            widthPx: ocr.widthPx,
            heightPx: ocr.heightPx,
            dpi: ocr.dpi,
            ocrRotation: ocr.rotation,
            deskewDeg: ocr.deskewDeg,
          }
        : { widthPx: p.widthPx, heightPx: p.heightPx, dpi: p.dpi ?? 300, ocrRotation: 0, deskewDeg: 0 },
      words: effectiveWords(text).map((w) => ({ text: w.text, box: w.box, confidence: w.confidence })),
      ...(p.folio ? { folio: p.folio } : {}),
    };
  });

  // Outline and mục lục: one entry per document at its first exported page, grouped by volume.
  const outline: OutlineEntry[] = [];
  const rows: { title: string; folios: string; pageIndex: number }[] = [];
  for (const v of volumes) {
    const volumeEntry: OutlineEntry = { title: v.name, pageIndex: -1, children: [] };
    for (const d of documents.filter((x) => x.volumeId === v.id)) {
      const first = pages.findIndex((p) => p.documentId === d.id);
      if (first < 0) continue;
      const title = d.number ? `${d.title} (${d.number})` : d.title;
      volumeEntry.children!.push({ title, pageIndex: first });
      if (volumeEntry.pageIndex < 0) volumeEntry.pageIndex = first;
      rows.push({
        title,
        folios: folioRangeText(pages.filter((p) => p.documentId === d.id)) ?? '',
        pageIndex: first,
      });
    }
    if (volumeEntry.pageIndex >= 0) outline.push(volumeEntry);
  }
  const scopeName =
    scope.kind === 'document'
      ? docById.get(scope.documentId)?.title
      : scope.kind === 'volume'
        ? volumes.find((v) => v.id === scope.volumeId)?.name
        : undefined;
  const caseTitle = c ? `${c.number} ${c.name}`.trim() : 'HoSo';
  const title = scopeName ? `${caseTitle} — ${scopeName}` : caseTitle;
  const request = {
    title,
    fileName: `${safeFileName(title)}.pdf`,
    pages: exportPages,
    outline: scope.kind === 'document' ? (outline[0]?.children ?? []) : outline,
    ...(options.tableOfContents && rows.length > 0
      ? { tableOfContents: { heading: options.labels.tocHeading, columns: options.labels.tocColumns, rows } }
      : {}),
    folioStamps: options.folioStamps,
  };
  return { request, pageIds: pages.map((p) => p.id) };
}
