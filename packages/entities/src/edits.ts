import type { Entity } from './types';

/**
 * The user's corrections to the person index, kept apart from what the reader found so a new
 * reading (more pages, a corrected word) keeps them: merge two entries that are one person
 * ("Ksor Y Phúc" and an OCR-misread "Ksor Y Phuc"), or split off a document's mentions from a
 * namesake.
 */
export type PersonEdit =
  | { id: string; kind: 'merge'; keys: string[] }
  | { id: string; kind: 'split'; key: string; documentId: string };

export function applyPersonEdits(entities: readonly Entity[], edits: readonly PersonEdit[]): Entity[] {
  let list = [...entities];
  for (const edit of edits) {
    if (edit.kind === 'split') {
      const at = list.findIndex((e) => e.key === edit.key);
      if (at < 0) continue;
      const e = list[at];
      const moved = e.occurrences.filter((o) => o.documentId === edit.documentId);
      const kept = e.occurrences.filter((o) => o.documentId !== edit.documentId);
      if (!moved.length || !kept.length) continue;
      const part = (occurrences: Entity['occurrences'], key: string): Entity => ({
        ...e,
        key,
        occurrences,
        documents: [...new Set(occurrences.map((o) => o.documentId))],
      });
      list.splice(at, 1, part(kept, e.key), {
        ...part(moved, `${e.key}@${edit.documentId}`),
        splitFrom: e.key,
      });
    } else {
      const parts = edit.keys.map((k) => list.find((e) => e.key === k)).filter((e): e is Entity => !!e);
      if (parts.length < 2) continue;
      const [head, ...rest] = parts;
      const merged: Entity = {
        ...head,
        key: `merge:${edit.id}`,
        role: head.role ?? rest.find((r) => r.role)?.role,
        occurrences: parts.flatMap((p) => p.occurrences),
        documents: [...new Set(parts.flatMap((p) => p.documents))],
        related: [...new Set(parts.flatMap((p) => p.related))],
        mergedFrom: parts.map((p) => p.key),
        mergeId: edit.id,
      };
      if (!merged.role) delete merged.role;
      list = list.filter((e) => !parts.includes(e));
      list.push(merged);
    }
  }
  return list;
}
