import { useCallback, useEffect, useState } from 'react';
import type { Route } from '../../shared/routes';
import { useT } from '../../i18n';
import { usePresentation } from '../../db';
import { courtroomMessages } from './messages';
import { Stage } from './stage/Stage';
import { frame169 } from './stage/geometry';
import { useSize } from './stage/useSize';
import { prefetchSteps } from './stage/useStepImage';
import { useAudienceSync } from './sync/channel';
import './courtroom.css';

type AudienceRoute = Extract<Route, { name: 'audience' }>;

/**
 * The projector: nothing but the exhibit on black. It never shows notes, app chrome or the case
 * list; its state arrives over the channel (without notes) and page content comes from Dexie.
 */
export default function AudienceView({ route }: { route: AudienceRoute }) {
  const sync = useAudienceSync(route.caseId);
  const state = sync.state;
  const fixed = route.fixed169 || state?.frame === '16:9';
  const [ref, win] = useSize<HTMLDivElement>();
  usePrefetchNeighbours(state?.presentationId ?? route.presentationId, state?.position.index ?? 0);

  const seq = sync.seq;
  const onPainted = useCallback(
    (key: string) => performance.mark('hoso-courtroom-painted', { detail: { key, seq } }),
    [seq],
  );

  useEffect(() => {
    document.title = 'HoSo';
  }, []);
  // For the speed bench: when each state arrived (the channel's share of the delay).
  useEffect(() => {
    if (seq >= 0) performance.mark('hoso-courtroom-state', { detail: { seq } });
  }, [seq]);

  const box = fixed ? frame169(win) : { left: 0, top: 0, width: win.width, height: win.height };
  return (
    <div
      ref={ref}
      className="cr-audience"
      data-testid="audience"
      data-screen={state?.screen ?? 'none'}
      data-frame={fixed ? '16:9' : 'fill'}
      onDoubleClick={toggleFullscreen}
    >
      {state && win.width > 0 && (
        <div className="cr-audience-frame" style={box}>
          <Stage state={state} pointer={sync.pointer} audience onPainted={onPainted} />
        </div>
      )}
      <FullscreenHint />
    </div>
  );
}

function toggleFullscreen() {
  if (document.fullscreenElement) void document.exitFullscreen();
  else void document.documentElement.requestFullscreen().catch(() => undefined);
}

/** Decode the neighbouring exhibits too, in case the presenter window is slow to prefetch. */
function usePrefetchNeighbours(presentationId: string, index: number) {
  const loaded = usePresentation(presentationId);
  const exhibits = loaded?.model.exhibits;
  useEffect(() => {
    if (!exhibits) return;
    prefetchSteps(
      [index + 1, index - 1, index + 2]
        .map((i) => exhibits[i])
        .filter((e) => !!e)
        .map((e) => ({ source: e.source, step: 0 })),
    );
  }, [exhibits, index]);
}

/**
 * Until the window is full-screen, moving the mouse shows how to get there (F11, double-click or
 * the button); it fades after two seconds and never appears in full screen.
 */
function FullscreenHint() {
  const t = useT(courtroomMessages);
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onMove = () => {
      if (document.fullscreenElement) return;
      setVisible(true);
      clearTimeout(timer);
      timer = setTimeout(() => setVisible(false), 2000);
    };
    const onFs = () => document.fullscreenElement && setVisible(false);
    window.addEventListener('mousemove', onMove);
    document.addEventListener('fullscreenchange', onFs);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('mousemove', onMove);
      document.removeEventListener('fullscreenchange', onFs);
    };
  }, []);
  if (!visible) return null;
  return (
    <div className="cr-fs-hint">
      <button type="button" onClick={toggleFullscreen}>
        {t('fullscreen')}
      </button>
      <span>{t('audienceHint')}</span>
    </div>
  );
}
