import type { ImportRecord } from '../../db';

/** Which state speaks for a document: the least finished of its imports. */
const RANK: Record<ImportRecord['state'], number> = {
  failed: 0,
  running: 1,
  queued: 2,
  cancelled: 3,
  done: 4,
};

/**
 * The import that shows a document's OCR state. A file import is one record per document; a scan
 * batch is one record per page (one job each), and the document is done only when every page is:
 * a failed page shows (with its retry) before a running one, a running one before the done ones.
 */
export function ocrRecordByDocument(imports: readonly ImportRecord[]): Map<string, ImportRecord> {
  const byDoc = new Map<string, ImportRecord>();
  for (const r of imports) {
    const seen = byDoc.get(r.documentId);
    if (!seen || RANK[r.state] < RANK[seen.state]) byDoc.set(r.documentId, r);
  }
  return byDoc;
}
