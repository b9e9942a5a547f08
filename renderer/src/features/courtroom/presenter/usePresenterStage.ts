import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { emptyPresentation, type PresentationModel } from '@hoso/domain';
import { stepCountOf } from '../data/exhibitContent';
import {
  initialStage,
  publishedStage,
  stageReduce,
  type StageAction,
  type StageContext,
  type StageState,
} from '../state/stage';
import { prefetchSteps } from '../stage/useStepImage';

const MOVES = new Set<StageAction['type']>(['next', 'prev', 'goto', 'jump']);

/**
 * The presenter's stage: the live state the presenter drives, the frozen snapshot (F), and the
 * published state the audience gets. The position survives a reload of the presenter window.
 */
export function usePresenterStage(
  caseId: string,
  presentationId: string,
  model: PresentationModel | undefined,
  /** Sends a state to the audience at once, before the presenter's own screen re-renders. */
  publishNow?: React.RefObject<((state: StageState) => void) | null>,
) {
  const m = model ?? emptyPresentation();
  const [stepCounts, setStepCounts] = useState<number[]>([]);
  const storageKey = `hoso.courtroom.${presentationId}`;
  const [live, setLive] = useState<StageState>(() =>
    restore(storageKey, initialStage(caseId, presentationId)),
  );
  const [frozen, setFrozen] = useState<StageState | null>(null);
  const liveRef = useRef(live);
  const frozenRef = useRef(frozen);
  frozenRef.current = frozen;

  const ctxRef = useRef<StageContext>({ model: m, stepCount: () => 1 });
  ctxRef.current = { model: m, stepCount: (i) => stepCounts[i] ?? 1 };

  const dispatch = useCallback(
    (action: StageAction) => {
      const next = stageReduce(liveRef.current, action, ctxRef.current);
      if (next === liveRef.current) return;
      liveRef.current = next;
      // Moving to another exhibit re-renders the presenter's (heavier) screen as a transition: it
      // yields to the audience window, which in browser mode shares this renderer's main thread
      // (window.open keeps the opener). Controls (checkboxes) must update synchronously.
      if (MOVES.has(action.type)) startTransition(() => setLive(next));
      else setLive(next);
      // The audience hears of a key press before the presenter's screen re-renders.
      if (ctxRef.current.model.exhibits.length)
        publishNow?.current?.(publishedStage(next, frozenRef.current, ctxRef.current.model));
    },
    [publishNow],
  );

  // Step counts of documents and maps come from Dexie; recount when the list changes.
  useEffect(() => {
    if (!model) return;
    let cancelled = false;
    void Promise.all(model.exhibits.map((e) => stepCountOf(e.source))).then((counts) => {
      if (!cancelled) setStepCounts(counts);
    });
    return () => {
      cancelled = true;
    };
  }, [model]);

  // A changed list (marks, redactions, reordering) refreshes the shown copies at once.
  useEffect(() => {
    if (model) dispatch({ type: 'model' });
  }, [model, dispatch]);

  useEffect(() => {
    try {
      sessionStorage.setItem(storageKey, JSON.stringify({ position: live.position, frame: live.frame }));
    } catch {
      // Storage full or disabled: a reload then starts at the first exhibit.
    }
  }, [storageKey, live.position, live.frame]);

  // Prefetch and decode the neighbours (and the next exhibit's first page) of the live position.
  useEffect(() => {
    const { index, step } = live.position;
    const around: Array<{ source: PresentationModel['exhibits'][number]['source']; step: number }> = [];
    const e = m.exhibits[index];
    if (e)
      around.push({ source: e.source, step: step + 1 }, { source: e.source, step: Math.max(0, step - 1) });
    for (const d of [1, 2, -1]) {
      const n = m.exhibits[index + d];
      if (n)
        around.push({ source: n.source, step: d < 0 ? Math.max(0, (stepCounts[index + d] ?? 1) - 1) : 0 });
    }
    prefetchSteps(around);
  }, [live.position, m.exhibits, stepCounts]);

  const toggleFreeze = useCallback(() => setFrozen((f) => (f ? null : liveRef.current)), []);
  const published = useMemo(() => (model ? publishedStage(live, frozen, m) : null), [model, live, frozen, m]);

  return { live, dispatch, frozen: !!frozen, toggleFreeze, published, stepCounts };
}

function restore(key: string, fallback: StageState): StageState {
  try {
    const saved = JSON.parse(sessionStorage.getItem(key) ?? 'null') as Pick<
      StageState,
      'position' | 'frame'
    > | null;
    if (saved?.position && Number.isInteger(saved.position.index)) return { ...fallback, ...saved };
  } catch {
    // Ignore a malformed entry: start at the beginning.
  }
  return fallback;
}
