import type { Box, Rotation } from '@hoso/contracts';
import { normalizeBox, type ExhibitDraft, type ExhibitSource } from '@hoso/domain';
import type { EvidenceLink } from '@hoso/mindmap';
import { getDocument, getMap, getPage, getPages, getPageText } from '../../../db';
import type { EvidenceRef } from '../../../shared/dnd';
import { documentPageIds } from './exhibitContent';

/**
 * What can be added to a presentation list: dossier evidence (the drag payload, regions in OCR
 * pixels), a map view, or an exhibit source as the domain model spells it (regions normalized).
 */
export type ExhibitRef =
  EvidenceRef | { kind: 'map'; caseId: string; mapId: string; focusNodeId?: string } | ExhibitSource;

/**
 * Turns a reference from the dossier, the viewer or the map into an exhibit draft with its folio
 * and a title for the default label. Regions arrive in the page's OCR pixel frame and are stored
 * normalized to the page as shown upright.
 */
export async function draftFromRef(ref: ExhibitRef): Promise<ExhibitDraft | null> {
  switch (ref.kind) {
    case 'page': {
      const page = await getPage(ref.pageId);
      return page ? { source: { kind: 'page', pageId: page.id }, folio: page.folio } : null;
    }
    case 'region': {
      const page = await getPage(ref.pageId);
      if (!page) return null;
      // Evidence refs (with caseId) carry OCR pixels; exhibit sources are already normalized.
      const region =
        'caseId' in ref ? await normalizedRegion(ref.pageId, ref.region) : normalizeBox(ref.region);
      return { source: { kind: 'region', pageId: page.id, region }, folio: page.folio };
    }
    case 'document': {
      const doc = await getDocument(ref.documentId);
      if (!doc) return null;
      const ids = await documentPageIds(doc.id);
      const pages = await getPages(ids);
      const folios = pages.map((p) => p?.folio);
      const stepFolios = folios.every((f): f is number => typeof f === 'number') ? folios : undefined;
      return {
        source: { kind: 'document', documentId: doc.id },
        folio: folios[0],
        stepFolios,
        title: doc.title,
      };
    }
    case 'image':
      return { source: ref, title: ref.name };
    case 'map': {
      // A damaged map can still be listed by name: the exhibit shows it as missing.
      const map = await getMap(ref.mapId).catch(() => undefined);
      return map
        ? { source: { kind: 'map', mapId: map.id, focusNodeId: ref.focusNodeId }, title: map.name }
        : null;
    }
  }
}

/** OCR-frame pixels → normalized box of the upright page (the user's extra turn applied). */
export async function normalizedRegion(pageId: string, region: Box): Promise<Box> {
  const [page, text] = await Promise.all([getPage(pageId), getPageText(pageId).catch(() => undefined)]);
  const w = text?.ocr.widthPx ?? page?.widthPx ?? 1;
  const h = text?.ocr.heightPx ?? page?.heightPx ?? 1;
  const box = normalizeBox([region[0] / w, region[1] / h, region[2] / w, region[3] / h]);
  return rotateBox(box, (page?.rotation ?? 0) as Rotation);
}

/** A normalized box turned with its page by quarter turns clockwise. */
export function rotateBox(b: Box, rotation: Rotation): Box {
  const [x0, y0, x1, y1] = b;
  switch (rotation) {
    case 90:
      return normalizeBox([1 - y1, x0, 1 - y0, x1]);
    case 180:
      return normalizeBox([1 - x1, 1 - y1, 1 - x0, 1 - y0]);
    case 270:
      return normalizeBox([y0, 1 - x1, y1, 1 - x0]);
    default:
      return b;
  }
}

/** A map evidence node's link as something to put on screen ad hoc, with a callout for regions. */
export async function adhocFromLink(
  link: EvidenceLink,
  title: string,
  folio?: number,
): Promise<{
  adhoc: { source: ExhibitDraft['source']; label: string; folio?: number };
  callout: Box | null;
} | null> {
  let pageId: string | undefined;
  if (link.kind === 'document') pageId = link.pageId ?? (await documentPageIds(link.documentId))[0];
  else pageId = link.pageId;
  if (!pageId) return null;
  const page = await getPage(pageId);
  if (!page) return null;
  const label = page.folio !== undefined ? `BL ${page.folio} · ${title}` : title;
  const callout = link.kind === 'region' ? await normalizedRegion(pageId, link.region) : null;
  return { adhoc: { source: { kind: 'page', pageId }, label, folio: page.folio ?? folio }, callout };
}
