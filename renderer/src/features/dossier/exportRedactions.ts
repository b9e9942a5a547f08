import type { ExportPage } from '@hoso/contracts';
import {
  findRedactionHits,
  frameBoxToDisplayed,
  regionBoxToPage,
  type Box,
  type RedactionHit,
  type RedactionRule,
} from '@hoso/text';
import { getPages, listCasePages, listPresentationModels } from '../../db';

/**
 * What an export redacts: hits of the user's rules over the exported words (reviewed one by one in
 * the export dialog) and, if asked, the courtroom's redaction boxes on the same pages. Boxes go to
 * the host as fractions of the page as displayed, the courtroom's own geometry.
 */
export interface ReviewHit {
  key: string;
  pageIndex: number;
  folio?: number;
  hit: RedactionHit;
}

export function findExportHits(pages: ExportPage[], rules: RedactionRule[]): ReviewHit[] {
  if (rules.length === 0) return [];
  return pages.flatMap((page, pageIndex) =>
    findRedactionHits([page.words], rules).map((hit, i) => ({
      key: `${pageIndex}:${i}`,
      pageIndex,
      folio: page.folio,
      hit,
    })),
  );
}

export function hitRedactions(pages: ExportPage[], hits: ReviewHit[]): Map<number, Box[]> {
  const byPage = new Map<number, Box[]>();
  for (const { pageIndex, hit } of hits) {
    const page = pages[pageIndex];
    const boxes = hit.boxes.map((b) => frameBoxToDisplayed(b, page.frame, page.rotation));
    byPage.set(pageIndex, [...(byPage.get(pageIndex) ?? []), ...boxes]);
  }
  return byPage;
}

/** The courtroom's redaction boxes of the case, by exported page (page, region and document exhibits). */
export async function courtroomRedactions(caseId: string, pageIds: string[]): Promise<Map<number, Box[]>> {
  const [models, casePages] = await Promise.all([listPresentationModels(caseId), listCasePages(caseId)]);
  const indexOf = new Map(pageIds.map((id, i) => [id, i]));
  const byPage = new Map<number, Box[]>();
  const add = (pageId: string | undefined, box: Box) => {
    const index = pageId === undefined ? undefined : indexOf.get(pageId);
    if (index === undefined) return;
    byPage.set(index, [...(byPage.get(index) ?? []), box]);
  };
  for (const model of models) {
    for (const exhibit of model.exhibits) {
      const source = exhibit.source;
      for (const r of exhibit.redactions) {
        if (source.kind === 'page') add(source.pageId, r.box);
        else if (source.kind === 'region') add(source.pageId, regionBoxToPage(r.box, source.region));
        else if (source.kind === 'document') {
          // A document exhibit's steps are its pages in dossier order.
          add(casePages.filter((p) => p.documentId === source.documentId)[r.step]?.id, r.box);
        }
      }
    }
  }
  return byPage;
}

export function mergeRedactions(
  ...maps: Array<Map<number, Box[]>>
): Array<{ pageIndex: number; boxes: Box[] }> {
  const merged = new Map<number, Box[]>();
  for (const map of maps)
    for (const [page, boxes] of map) merged.set(page, [...(merged.get(page) ?? []), ...boxes]);
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  return [...merged]
    .sort((a, b) => a[0] - b[0])
    .map(([pageIndex, boxes]) => ({
      pageIndex,
      boxes: boxes.map((b) => b.map(clamp) as Box).filter((b) => b[2] > b[0] && b[3] > b[1]),
    }))
    .filter((r) => r.boxes.length > 0);
}

/** The viewer's export redaction boxes (frame pixels on the page record) of the exported pages. */
export async function viewerRedactions(pages: ExportPage[], pageIds: string[]): Promise<Map<number, Box[]>> {
  const records = await getPages(pageIds);
  const byPage = new Map<number, Box[]>();
  records.forEach((record, i) => {
    const boxes = record?.exportRedactions;
    if (!boxes?.length) return;
    byPage.set(
      i,
      boxes.map((b) => frameBoxToDisplayed(b, pages[i].frame, pages[i].rotation)),
    );
  });
  return byPage;
}
