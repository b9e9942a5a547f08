import { useEffect, useState } from 'react';
import { useT } from '../../../i18n';
import { courtroomMessages } from '../messages';

/** Elapsed presentation time; starts with the presenter view, can be paused and reset. */
export function Timer() {
  const t = useT(courtroomMessages);
  const [elapsed, setElapsed] = useState(0);
  const [running, setRunning] = useState(true);
  useEffect(() => {
    if (!running) return;
    const started = Date.now() - elapsed * 1000;
    const id = setInterval(() => setElapsed(Math.floor((Date.now() - started) / 1000)), 500);
    return () => clearInterval(id);
    // Restart the interval only on pause/resume, not on every tick.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [running]);
  const hh = Math.floor(elapsed / 3600);
  const mm = String(Math.floor((elapsed % 3600) / 60)).padStart(2, '0');
  const ss = String(elapsed % 60).padStart(2, '0');
  return (
    <div className="cr-timer" aria-label={t('timer')}>
      <span className="cr-timer-value" role="timer">
        {hh > 0 ? `${hh}:` : ''}
        {mm}:{ss}
      </span>
      <button type="button" onClick={() => setRunning((r) => !r)}>
        {running ? t('pause') : t('start')}
      </button>
      <button type="button" onClick={() => setElapsed(0)}>
        {t('reset')}
      </button>
    </div>
  );
}
