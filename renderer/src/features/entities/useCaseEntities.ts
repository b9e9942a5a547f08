import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { applyPersonEdits, type Entity } from '@hoso/entities';
import type { PageText } from '@hoso/domain';
import { getDb } from '../../db';
import { listEntityPages, listPersonEdits, saveEntityPages, type EntityPageRecord } from '../../db/entities';
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
  const db = getDb();
  // What to watch: each page's document and text version (the words stay in the worker's hands).
  const versions = useLiveQuery(async () => {
    const pages = await db.pages.where('caseId').equals(caseId).toArray();
    const docOf = new Map(pages.map((p) => [p.id, p.documentId]));
    const out = new Map<string, { documentId: string; version: string }>();
    await db.pageTexts
      .where('caseId')
      .equals(caseId)
      .each((t) => {
        const documentId = docOf.get(t.pageId);
        if (documentId) out.set(t.pageId, { documentId, version: versionOf(t, documentId) });
      });
    return out;
  }, [caseId]);
  const edits = useLiveQuery(() => listPersonEdits(caseId), [caseId]);
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
        const texts = (await db.pageTexts.bulkGet(ids)).filter((t): t is PageText => !!t);
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
  }, [caseId, versions, edits, db]);

  return state;
}
