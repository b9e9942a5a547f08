import type { ReactNode } from 'react';
import { stepPosition, type PresentationModel } from '@hoso/domain';
import { useT } from '../../../i18n';
import { courtroomMessages } from '../messages';
import { FIT_VIEW, type StageState } from '../state/stage';
import { Stage } from '../stage/Stage';
import { StagePane } from '../stage/StagePane';
import { Timer } from './Timer';

const NO_POINTER = { laser: null, stroke: null };

/** Right column: what comes next, the private notes, the timer, and the frozen audience picture. */
export function PresenterSide(props: {
  model: PresentationModel;
  live: StageState;
  published: StageState | null;
  stepCounts: number[];
  hasEvidence: boolean;
  onOpenEvidence: () => void;
  /** The audience launcher. */
  children?: ReactNode;
}) {
  const t = useT(courtroomMessages);
  const { model, live } = props;
  const count = model.exhibits.length;
  const nextPos = stepPosition(live.position, 1, count, (i) => props.stepCounts[i] ?? 1);
  const atEnd = nextPos.index === live.position.index && nextPos.step === live.position.step;
  const next = atEnd ? undefined : model.exhibits[nextPos.index];
  const current = model.exhibits[live.position.index];
  return (
    <aside className="cr-side">
      <Timer />
      {props.children}
      <section className="cr-next" aria-label={t('next')}>
        <h3>
          {t('next')}: {next ? `${nextPos.index + 1}. ${next.label}` : t('end')}
        </h3>
        <div className="cr-next-pane">
          {next && (
            <StagePane
              exhibit={next}
              source={next.source}
              step={nextPos.step}
              view={FIT_VIEW}
              callout={null}
              audience={false}
            />
          )}
        </div>
      </section>
      {props.hasEvidence && (
        <button type="button" className="primary" onClick={props.onOpenEvidence}>
          {t('openEvidence')}
        </button>
      )}
      <section className="cr-notes" aria-label={t('notes')}>
        <h3>{t('notes')}</h3>
        <p data-testid="presenter-notes">{current?.notes || t('noNotes')}</p>
      </section>
      {props.published && (
        <section className="cr-mirror" aria-label={t('audienceSees')}>
          <h3>{t('audienceSees')}</h3>
          <div className="cr-mirror-pane">
            <Stage state={props.published} pointer={NO_POINTER} audience />
          </div>
        </section>
      )}
    </aside>
  );
}
