import { useEffect, useState } from 'react';
import type { DisplayInfo } from '@hoso/contracts';
import { getBridge } from '../../../bridge';
import { useT } from '../../../i18n';
import { courtroomMessages } from '../messages';

/**
 * Opens the audience screen: in Electron full-screen on the chosen display (the host falls back to
 * one window with a single display); in the browser a popup the user moves to the projector.
 */
export function AudienceLauncher(props: {
  caseId: string;
  presentationId: string;
  audiences: number;
  fixed169: boolean;
  onFixed169: (on: boolean) => void;
}) {
  const t = useT(courtroomMessages);
  const bridge = getBridge();
  const [displays, setDisplays] = useState<DisplayInfo[]>([]);
  const [displayId, setDisplayId] = useState<string>('');
  const [error, setError] = useState<string | null>(null);
  const [hint, setHint] = useState(false);

  useEffect(() => {
    if (bridge.mode !== 'electron') return;
    void bridge.listDisplays().then((r) => {
      if (!r.ok) return;
      setDisplays(r.value);
      // The projector is usually the display that is not the laptop's own screen.
      const other = r.value.find((d) => !d.primary) ?? r.value[0];
      if (other) setDisplayId(other.id);
    });
  }, [bridge]);

  const open = () => {
    setError(null);
    void bridge
      .openAudienceWindow({
        caseId: props.caseId,
        presentationId: props.presentationId,
        displayId: displayId || undefined,
        fixed169: props.fixed169,
      })
      .then((r) => {
        if (!r.ok)
          setError(
            r.error.code === 'POPUP_BLOCKED'
              ? t('popupBlocked')
              : t('openFailed', { error: r.error.message }),
          );
        else if (bridge.mode === 'web') setHint(true);
      });
  };

  return (
    <div className="cr-launcher">
      {displays.length > 1 && (
        <label>
          {t('display')}{' '}
          <select value={displayId} onChange={(e) => setDisplayId(e.target.value)}>
            {displays.map((d) => (
              <option key={d.id} value={d.id}>
                {d.label} ({d.width}×{d.height})
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="cr-check">
        <input
          type="checkbox"
          checked={props.fixed169}
          onChange={(e) => props.onFixed169(e.target.checked)}
        />{' '}
        {t('fixed169')}
      </label>
      <button type="button" className="primary" onClick={open}>
        {t('openAudience')}
      </button>
      <span className={`cr-audience-count${props.audiences ? ' on' : ''}`} data-testid="audience-count">
        {props.audiences ? t('audiences', { n: props.audiences }) : t('noAudience')}
      </span>
      {hint && <p className="cr-hint">{t('audienceHint')}</p>}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
