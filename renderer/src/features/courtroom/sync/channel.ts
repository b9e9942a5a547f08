import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExhibitSource } from '@hoso/domain';
import type { StageState } from '../state/stage';
import { prefetchSteps } from '../stage/useStepImage';
import {
  audienceReduce,
  channelName,
  initialAudienceSync,
  initialPresenterSync,
  isCourtroomMessage,
  pointerMessage,
  presenterReduce,
  stateMessage,
  type AudienceSync,
  type LivePointer,
  type PresenterSync,
} from './protocol';

/** Wall-clock in ms with sub-ms precision, comparable between windows (for the speed bench). */
export function nowMs(): number {
  return performance.timeOrigin + performance.now();
}

/** The audience side: announces itself, applies the presenter's messages, says goodbye on close. */
export function useAudienceSync(caseId: string): AudienceSync {
  const [sync, setSync] = useState(() => initialAudienceSync(caseId));
  useEffect(() => {
    const audienceId = crypto.randomUUID();
    const channel = new BroadcastChannel(channelName(caseId));
    let current = initialAudienceSync(caseId);
    channel.onmessage = (event: MessageEvent) => {
      if (!isCourtroomMessage(event.data)) return;
      if (event.data.type === 'prefetch' && event.data.caseId === caseId) prefetchSteps(event.data.items);
      const [next, replies] = audienceReduce(current, event.data, audienceId);
      for (const reply of replies) channel.postMessage(reply);
      if (next !== current) {
        current = next;
        setSync(next);
      }
    };
    channel.postMessage({ type: 'hello', audienceId });
    const bye = () => channel.postMessage({ type: 'bye', audienceId });
    window.addEventListener('pagehide', bye);
    return () => {
      window.removeEventListener('pagehide', bye);
      bye();
      channel.close();
    };
  }, [caseId]);
  return sync;
}

export interface PresenterChannel {
  audiences: number;
  sendPointer: (pointer: LivePointer) => void;
  /** Sends a state now; the same state object is never sent twice. */
  publish: (state: StageState) => void;
  /** Asks audiences to decode these steps ahead (a jump being typed). */
  prefetch: (items: Array<{ source: ExhibitSource; step: number }>) => void;
}

/**
 * The presenter side: publishes every change of the published stage, answers hellos with the full
 * state, and on start tells audiences already open (a reload) to say hello again.
 */
export function usePresenterSync(caseId: string, published: StageState | null): PresenterChannel {
  const channelRef = useRef<BroadcastChannel | null>(null);
  const syncRef = useRef<PresenterSync>(initialPresenterSync(crypto.randomUUID()));
  const publishedRef = useRef(published);
  const lastSentRef = useRef<StageState | null>(null);
  const [audiences, setAudiences] = useState(0);

  const publish = useCallback((state: StageState) => {
    publishedRef.current = state;
    const channel = channelRef.current;
    if (!channel || state === lastSentRef.current) return;
    lastSentRef.current = state;
    const [next, msg] = stateMessage(syncRef.current, state, nowMs());
    syncRef.current = next;
    channel.postMessage(msg);
  }, []);

  useEffect(() => {
    const channel = new BroadcastChannel(channelName(caseId));
    channelRef.current = channel;
    channel.onmessage = (event: MessageEvent) => {
      if (!isCourtroomMessage(event.data)) return;
      const [next, out] = presenterReduce(syncRef.current, event.data, publishedRef.current, nowMs());
      syncRef.current = next;
      for (const m of out) channel.postMessage(m);
      setAudiences(next.audiences.length);
    };
    channel.postMessage({ type: 'presenter-online', from: syncRef.current.id, caseId });
    return () => {
      channel.close();
      channelRef.current = null;
    };
  }, [caseId]);

  useEffect(() => {
    if (published) publish(published);
  }, [published, publish]);

  const sendPointer = useCallback(
    (pointer: LivePointer) => {
      const channel = channelRef.current;
      if (!channel) return;
      const [next, msg] = pointerMessage(syncRef.current, caseId, pointer);
      syncRef.current = next;
      channel.postMessage(msg);
    },
    [caseId],
  );

  const prefetch = useCallback(
    (items: Array<{ source: ExhibitSource; step: number }>) =>
      channelRef.current?.postMessage({ type: 'prefetch', caseId, items }),
    [caseId],
  );

  return { audiences, sendPointer, publish, prefetch };
}
