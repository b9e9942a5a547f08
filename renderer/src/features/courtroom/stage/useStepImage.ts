import { useEffect, useState } from 'react';
import type { ExhibitSource } from '@hoso/domain';
import { resolveStep, type StepContent } from '../data/exhibitContent';
import { preloadImage, type DecodedImage } from '../data/preload';

export type ReadyStep =
  | { key: string; content: Extract<StepContent, { kind: 'image' }>; natural: DecodedImage }
  | { key: string; content: Exclude<StepContent, { kind: 'image' }> }
  | { key: string; content: { kind: 'error' } };

export function stepKey(source: ExhibitSource | null | undefined, step: number): string {
  return source ? `${JSON.stringify(source)}#${step}` : '';
}

/**
 * The step's content once its image is decoded. Until then the previous step stays on screen
 * (no flash of black between exhibits); the decoded image then paints in one frame.
 */
export function useStepImage(source: ExhibitSource | null | undefined, step: number): ReadyStep | null {
  const key = stepKey(source, step);
  const [ready, setReady] = useState<ReadyStep | null>(null);
  useEffect(() => {
    if (!source) return;
    let cancelled = false;
    void resolveStep(source, step).then(async (content) => {
      if (content.kind !== 'image') {
        if (!cancelled) setReady({ key, content });
        return;
      }
      try {
        const natural = await preloadImage(content.url);
        if (!cancelled) setReady({ key, content, natural });
      } catch {
        if (!cancelled) setReady({ key, content: { kind: 'error' } });
      }
    });
    return () => {
      cancelled = true;
    };
    // `key` identifies source+step by value; the source object changes on every message.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return source ? ready : null;
}

/** Fetch and decode the neighbours' images ahead so stepping to them paints at once. */
export function prefetchSteps(items: Array<{ source: ExhibitSource; step: number }>): void {
  for (const { source, step } of items) {
    void resolveStep(source, step).then((c) =>
      c.kind === 'image' ? preloadImage(c.url).catch(() => undefined) : undefined,
    );
  }
}
