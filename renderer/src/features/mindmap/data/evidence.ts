import { useEffect, useState } from 'react';
import type { Box } from '@hoso/contracts';
import type { Page } from '@hoso/domain';
import type { EvidenceLink } from '@hoso/mindmap';
import { getBridge } from '../../../bridge';
import { getDocument, getPage, getPageText, listPages, usePageOrNull } from '../../../db';
import type { EvidenceRef } from '../../../shared/dnd';
import { pageFrame } from '../../../shared/pageFrame';

/**
 * What an evidence node needs from the dossier: the page it points at (folio, image) and a
 * thumbnail cut from the page image. Thumbnails are cropped in a canvas in the OCR frame (the
 * frame region boxes use), cached per page+region for the session.
 */

/** The page an evidence link opens: the linked page, or a document's first page. */
export function linkPageId(link: EvidenceLink): string | undefined {
  return link.pageId;
}

export function useLinkedPage(link: EvidenceLink | undefined): Page | null | undefined {
  const pageId = link && linkPageId(link);
  return usePageOrNull(pageId);
}

export interface ResolvedEvidence {
  link: EvidenceLink;
  page?: Page;
  documentTitle?: string;
}

/** Turns a drag payload from the dossier/viewer into a link plus what is needed to name the node. */
export async function resolveEvidenceRef(ref: EvidenceRef): Promise<ResolvedEvidence | null> {
  if (ref.kind === 'document') {
    const doc = await getDocument(ref.documentId);
    if (!doc) return null;
    const [first] = await listPages(doc.id);
    return {
      link: { kind: 'document', documentId: doc.id, ...(first ? { pageId: first.id } : {}) },
      page: first,
      documentTitle: doc.title,
    };
  }
  const page = await getPage(ref.pageId);
  if (!page) return null;
  const doc = await getDocument(page.documentId);
  const link: EvidenceLink =
    ref.kind === 'region'
      ? { kind: 'region', pageId: page.id, region: ref.region }
      : { kind: 'page', pageId: page.id };
  return { link, page, documentTitle: doc?.title };
}

const cache = new Map<string, Promise<string | null>>();

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error(`image ${url} did not load`));
    img.src = url;
  });
}

/** JPEG data URL of the linked region (or the whole page), at most `maxWidth` px wide. */
export function linkThumbnail(link: EvidenceLink, maxWidth = 480): Promise<string | null> {
  const pageId = linkPageId(link);
  if (!pageId) return Promise.resolve(null);
  const key = `${pageId}:${link.kind === 'region' ? link.region.join(',') : 'page'}:${maxWidth}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = cropPage(pageId, link.kind === 'region' ? link.region : undefined, maxWidth).catch(() => null);
    cache.set(key, hit);
  }
  return hit;
}

async function cropPage(pageId: string, region: Box | undefined, maxWidth: number): Promise<string | null> {
  const page = await getPage(pageId);
  if (!page) return null;
  // The page record carries its OCR frame; older records without it need the (large) text record.
  const f = page.ocrFrame ? pageFrame(page) : pageFrame(page, (await getPageText(pageId))?.ocr);
  const img = await loadImage(getBridge().pageImageUrl(page.fileHash, page.filePage));
  const [x0, y0, x1, y1] = region ?? [0, 0, f.width, f.height];
  const w = Math.max(1, x1 - x0);
  const h = Math.max(1, y1 - y0);
  const k = Math.min(1, maxWidth / w);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(w * k);
  canvas.height = Math.round(h * k);
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  // Same construction as the viewer: the image centred in the frame, turned by OCR rotation + deskew.
  ctx.scale(k, k);
  ctx.translate(-x0 + f.width / 2, -y0 + f.height / 2);
  ctx.rotate((f.imageTurnDeg * Math.PI) / 180);
  ctx.drawImage(img, -f.imageWidth / 2, -f.imageHeight / 2, f.imageWidth, f.imageHeight);
  return canvas.toDataURL('image/jpeg', 0.85);
}

export function useThumbnail(link: EvidenceLink | undefined, maxWidth = 480): string | null | undefined {
  const [url, setUrl] = useState<string | null | undefined>(undefined);
  const key = link ? JSON.stringify(link) : '';
  useEffect(() => {
    if (!link) return;
    let live = true;
    void linkThumbnail(link, maxWidth).then((u) => live && setUrl(u));
    return () => {
      live = false;
    };
    // The link object is rebuilt on every render; its JSON is the identity that matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, maxWidth]);
  return link ? url : null;
}
