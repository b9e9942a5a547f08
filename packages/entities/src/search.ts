import { foldDiacritics } from '@hoso/text';
import type { Entity } from './types';

/**
 * The form an entity is found by, however OCR or the user spaced and marked it: "51K - 888. 12",
 * "51k88812" and "51K-888.12" all give "51k88812"; "nguyen van an" finds "Nguyễn Văn An".
 */
export function entityMatchKey(text: string): string {
  return foldDiacritics(text.normalize('NFC')).replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Entities whose text or normalized value matches the query (whole key first, then prefix/contains). */
export function findEntities(entities: readonly Entity[], query: string): Entity[] {
  const q = entityMatchKey(query);
  if (q.length < 2) return [];
  const scored: [Entity, number][] = [];
  for (const e of entities) {
    const keys = [entityMatchKey(e.normalized), entityMatchKey(e.text)];
    const score = keys.some((k) => k === q)
      ? 0
      : keys.some((k) => k.startsWith(q))
        ? 1
        : keys.some((k) => k.includes(q))
          ? 2
          : -1;
    if (score >= 0) scored.push([e, score]);
  }
  return scored
    .sort((a, b) => a[1] - b[1] || b[0].occurrences.length - a[0].occurrences.length)
    .map(([e]) => e);
}
