import { useEffect, useState } from 'react';
import { applyPersonEdits, type Entity } from '@hoso/entities';
import { listEntityPages, usePersonEdits } from '../../db';
import { useCaseReading } from './background';
import { mergeMentions } from './reader';

export interface CaseEntities {
  entities: Entity[];
  /** Pages read so far / pages to read, while a reading runs. */
  reading?: { done: number; total: number };
}

/**
 * The case's entities: the stored page readings (kept fresh in the background, background.ts)
 * merged in the worker, with the user's merges and splits applied. Merged again whenever the
 * background reader stored new readings of the case.
 */
export function useCaseEntities(caseId: string): CaseEntities | undefined {
  const { revision, reading } = useCaseReading(caseId);
  const edits = usePersonEdits(caseId);
  const [entities, setEntities] = useState<Entity[] | undefined>(undefined);

  useEffect(() => {
    if (!edits) return;
    let cancelled = false;
    (async () => {
      const mentions = (await listEntityPages(caseId)).flatMap((r) => r.mentions);
      const merged = applyPersonEdits(await mergeMentions(mentions), edits);
      if (!cancelled) setEntities(merged);
    })().catch((error) => {
      console.error('entity merge failed', error);
      if (!cancelled) setEntities((e) => e ?? []);
    });
    return () => {
      cancelled = true;
    };
  }, [caseId, revision, edits]);

  if (!entities) return reading ? { entities: [], reading } : undefined;
  return { entities, ...(reading ? { reading } : {}) };
}
