import type { Box, Rotation } from '@hoso/contracts';
import type { ExhibitSource } from '@hoso/domain';
import { getBridge } from '../../../bridge';
import { getMap, getPage, getPageText, listPages } from '../../../db';
import type { MapStepPicture } from './mapStage';

/**
 * What one step of an exhibit shows, resolved from Dexie: an image (a page, a region of it, a
 * photo) or a mind map focused on a node. Both the presenter and the audience resolve content
 * themselves from the same database; only positions and marks travel over the channel.
 */
export type StepContent =
  | {
      kind: 'image';
      url: string;
      /** Quarter turns clockwise to show the page upright (OCR's turn plus the user's). */
      rotation: Rotation;
      /**
       * Degrees the OCR straightened the page by, applied on top of `rotation` as the viewer and the
       * exported PDF do (issue 9: a page deskewed −1.75° showed tilted on the stage and audience).
       */
      deskewDeg?: number;
      /** Normalized box of the upright page to show, for region exhibits. */
      crop?: Box;
      folio?: number;
      pageId?: string;
      /** Map steps: the evidence the focused node points at, opened with O. */
      evidence?: MapStepPicture['evidence'];
      /** Map steps: where evidence nodes are on the picture, opened by clicking them. */
      hotspots?: MapStepPicture['hotspots'];
    }
  | { kind: 'missing'; reason: 'page' | 'document' | 'map' | 'empty' };

const cache = new Map<string, Promise<StepContent>>();

/** Content of step `step` of a source; cached because the same steps resolve on every keypress. */
export function resolveStep(source: ExhibitSource, step: number): Promise<StepContent> {
  const key = `${JSON.stringify(source)}#${step}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = resolveUncached(source, step);
    cache.set(key, hit);
    // Forget failures and map steps (maps change while editing) so they resolve again next time.
    void hit.then((c) => {
      if (c.kind !== 'image' || source.kind === 'map')
        setTimeout(() => {
          cache.delete(key);
        }, 2000);
    });
    if (cache.size > 500) {
      const oldest = cache.keys().next().value as string;
      cache.delete(oldest);
    }
  }
  return hit;
}

export function forgetResolvedContent(): void {
  cache.clear();
}

async function resolveUncached(source: ExhibitSource, step: number): Promise<StepContent> {
  switch (source.kind) {
    case 'page':
      return pageContent(source.pageId);
    case 'region': {
      const c = await pageContent(source.pageId);
      return c.kind === 'image' ? { ...c, crop: source.region } : c;
    }
    case 'image':
      return { kind: 'image', url: getBridge().pageImageUrl(source.fileHash, source.filePage), rotation: 0 };
    case 'document': {
      const pages = await documentPageIds(source.documentId);
      if (pages.length === 0) return { kind: 'missing', reason: 'document' };
      return pageContent(pages[Math.min(step, pages.length - 1)]);
    }
    case 'map': {
      // A damaged map (DAMAGED_RECORD) shows as missing, like a deleted one.
      const record = await getMap(source.mapId).catch(() => undefined);
      if (!record || record.model.nodes.length === 0) return { kind: 'missing', reason: 'map' };
      // Loaded on demand: the map drawing code is large and most lists show only pages.
      const { mapStepPicture } = await import('./mapStage');
      const pic = mapStepPicture(record.model, record.name, step, source.focusNodeId);
      return {
        kind: 'image',
        url: pic.url,
        rotation: 0,
        crop: pic.crop,
        evidence: pic.evidence,
        hotspots: pic.hotspots,
      };
    }
  }
}

async function pageContent(pageId: string): Promise<StepContent> {
  const page = await getPage(pageId);
  if (!page) return { kind: 'missing', reason: 'page' };
  // The OCR frame copied onto the page (what the viewer's pageFrame reads), else the OCR result.
  const ocr = page.ocrFrame ?? (await getPageText(pageId).catch(() => undefined))?.ocr;
  const turn = ((ocr?.rotation ?? 0) + (page.rotation ?? 0)) % 360;
  return {
    kind: 'image',
    url: getBridge().pageImageUrl(page.fileHash, page.filePage),
    rotation: turn as Rotation,
    deskewDeg: ocr?.deskewDeg ?? 0,
    folio: page.folio,
    pageId,
  };
}

export async function documentPageIds(documentId: string): Promise<string[]> {
  return (await listPages(documentId)).map((p) => p.id);
}

/** How many steps an exhibit has: the pages of a document, the nodes of a map, else 1. */
export async function stepCountOf(source: ExhibitSource): Promise<number> {
  if (source.kind === 'document') return Math.max(1, (await documentPageIds(source.documentId)).length);
  if (source.kind === 'map') {
    const record = await getMap(source.mapId).catch(() => undefined);
    const { mapStepOrder } = await import('./mapStage');
    return Math.max(1, record ? mapStepOrder(record.model, source.focusNodeId).length : 1);
  }
  return 1;
}
