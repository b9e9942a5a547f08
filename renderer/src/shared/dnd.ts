import type { Box } from '@hoso/contracts';

/**
 * Drag payload from the dossier/viewer to the mind map and the presentation list: a page, a
 * whole document, or a region of a page (box in the page's OCR frame, see contracts/ocr.ts).
 */
export const EVIDENCE_MIME = 'application/x-hoso-evidence';

export type EvidenceRef =
  | { kind: 'page'; caseId: string; pageId: string }
  | { kind: 'document'; caseId: string; documentId: string }
  | { kind: 'region'; caseId: string; pageId: string; region: Box };

export function writeEvidenceDrag(dt: DataTransfer, ref: EvidenceRef): void {
  dt.setData(EVIDENCE_MIME, JSON.stringify(ref));
  dt.effectAllowed = 'copyLink';
}

export function readEvidenceDrag(dt: DataTransfer): EvidenceRef | null {
  const raw = dt.getData(EVIDENCE_MIME);
  if (!raw) return null;
  try {
    const ref = JSON.parse(raw) as EvidenceRef;
    return ref && typeof ref === 'object' && 'kind' in ref && 'caseId' in ref ? ref : null;
  } catch {
    return null;
  }
}
