import type { HosoDb } from './schema';

/**
 * "These pages' text changed": said by the functions that write page text (an OCR result
 * stored, a word corrected, pages moved to another document or deleted), after their
 * transaction committed. The dossier reader (features/entities) listens and reads those pages
 * again. An explicit signal from the writers, because a live query that only counts a case's
 * pages does not fire when a page's words change.
 */
export interface TextChange {
  db: HosoDb;
  caseId: string;
  pageIds: readonly string[];
}
type Listener = (change: TextChange) => void;

const listeners = new Set<Listener>();

export function onPageTextChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function announceTextChange(db: HosoDb, caseId: string, pageIds: readonly string[]): void {
  if (!pageIds.length) return;
  for (const l of [...listeners]) {
    try {
      l({ db, caseId, pageIds });
    } catch (error) {
      console.error('page text listener failed', error); // a listener's fault must not fail the write
    }
  }
}
