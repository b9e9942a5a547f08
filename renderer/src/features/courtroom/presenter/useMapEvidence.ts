import { useCallback, useEffect, useState } from 'react';
import type { ExhibitSource } from '@hoso/domain';
import { adhocFromLink } from '../data/drafts';
import { resolveStep } from '../data/exhibitContent';
import type { MapStepPicture } from '../data/mapStage';
import type { StageAction } from '../state/stage';

type Evidence = NonNullable<MapStepPicture['evidence']>;

/**
 * Evidence on the map step on screen: the focused node's (opened with O) and every evidence node's
 * place on the picture (opened by clicking it). Opening shows the page ad hoc, its region called out.
 */
export function useMapEvidence(
  source: ExhibitSource | undefined,
  step: number,
  dispatch: (a: StageAction) => void,
) {
  const [evidence, setEvidence] = useState<Evidence | null>(null);
  const [hotspots, setHotspots] = useState<MapStepPicture['hotspots']>([]);

  useEffect(() => {
    let cancelled = false;
    setEvidence(null);
    setHotspots([]);
    if (source?.kind === 'map')
      void resolveStep(source, step).then((c) => {
        if (cancelled || c.kind !== 'image') return;
        setEvidence(c.evidence ?? null);
        setHotspots(c.hotspots ?? []);
      });
    return () => {
      cancelled = true;
    };
  }, [source, step]);

  const open = useCallback(
    async (target: Evidence | null) => {
      if (!target) return;
      const opened = await adhocFromLink(target.link, target.title, target.folio);
      if (!opened) return;
      dispatch({ type: 'adhoc', adhoc: opened.adhoc });
      if (opened.callout) dispatch({ type: 'callout', box: opened.callout });
    },
    [dispatch],
  );

  const openFocused = useCallback(() => void open(evidence), [open, evidence]);

  /** A click at a normalized point of the picture: opens the evidence node under it, if any. */
  const openAt = useCallback(
    ([x, y]: [number, number]) => {
      const hit = hotspots.find(({ box: b }) => x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3]);
      if (hit) void open(hit.evidence);
    },
    [hotspots, open],
  );

  return { hasEvidence: !!evidence, openFocused, openAt };
}
