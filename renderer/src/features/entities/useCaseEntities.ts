import { useEffect, useState } from 'react';
import { applyPersonEdits, type Entity } from '@hoso/entities';
import type { PageText } from '@hoso/domain';
import {
  getPageTexts,
  listEntityPages,
  saveEntityPages,
  usePageTextVersions,
  usePersonEdits,
  type EntityPageRecord,
} from '../../db';
import { mergeMentions, readPages } from './reader';

/** A page's text version: OCR result, corrections and document (short forms link per document). */
function versionOf(t: PageText, documentId: string): string {
  const s = `${documentId}|${t.ocr.meanConfidence}|${t.ocr.blocks.length}|${JSON.stringify(t.corrections)}`;
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}

export interface CaseEntities {
  entities: Entity[];
  /** Pages read so far / pages with text, while a reading runs. */
  reading?: { done: number; total: number };
}

const CHUNK = 40;

/**
 * The case's entities, read incrementally: pages whose text changed since their last reading
 * (new OCR, a correction, a move to another document) are read again in the worker, in chunks,
 * and their readings stored; then all readings are merged (also in the worker) and the user's
 * merges and splits applied.
 */
export function useCaseEntities(caseId: string): CaseEntities | undefined {
  // What to watch: each page's document and text version (the words stay in the worker's hands).
  const versions = usePageTextVersions(caseId, versionOf);
  const edits = usePersonEdits(caseId);
  const [state, setState] = useState<CaseEntities | undefined>(undefined);

  useEffect(() => {
    if (!versions || !edits) return;
    let cancelled = false;
    (async () => {
      const cached = new Map((await listEntityPages(caseId)).map((r) => [r.pageId, r]));
      const stale = [...versions]
        .filter(([id, v]) => cached.get(id)?.version !== v.version)
        .map(([id]) => id);
      for (let i = 0; i < stale.length && !cancelled; i += CHUNK) {
        setState((s) => ({ entities: s?.entities ?? [], reading: { done: i, total: stale.length } }));
        const ids = stale.slice(i, i + CHUNK);
        const texts = (await getPageTexts(ids)).filter((t): t is PageText => !!t);
        const results = await readPages(
          texts.map((t) => ({
            pageId: t.pageId,
            documentId: versions.get(t.pageId)!.documentId,
            ocr: t.ocr,
            corrections: t.corrections,
          })),
        );
        const records: EntityPageRecord[] = results.map((r) => ({
          pageId: r.pageId,
          caseId,
          documentId: versions.get(r.pageId)!.documentId,
          version: versions.get(r.pageId)!.version,
          mentions: r.mentions,
        }));
        await saveEntityPages(caseId, records, new Set(versions.keys()));
        for (const r of records) cached.set(r.pageId, r);
      }
      if (cancelled) return;
      if (!stale.length) await saveEntityPages(caseId, [], new Set(versions.keys()));
      const mentions = [...cached.values()].filter((r) => versions.has(r.pageId)).flatMap((r) => r.mentions);
      const entities = applyPersonEdits(await mergeMentions(mentions), edits);
      if (!cancelled) setState({ entities });
    })().catch((error) => {
      console.error('entity reading failed', error);
      if (!cancelled) setState((s) => ({ entities: s?.entities ?? [] }));
    });
    return () => {
      cancelled = true;
    };
  }, [caseId, versions, edits]);

  return state;
}
