import type { ReactNode } from 'react';
import { FIT_VIEW, type StageState } from '../state/stage';
import type { LivePointer } from '../sync/protocol';
import { StagePane } from './StagePane';

export interface StageProps {
  state: StageState;
  pointer: LivePointer;
  audience: boolean;
  /** Presenter tool overlay for the main exhibit. */
  tools?: ReactNode;
  missingText?: string;
  onPainted?: (key: string) => void;
}

/**
 * The whole stage as the audience sees it: black or white screen, one exhibit or two side by side.
 * The presenter draws the same component (with its tools) so both screens match.
 */
export function Stage({ state, pointer, audience, tools, missingText, onPainted }: StageProps) {
  const main = state.shown;
  const source = state.adhoc?.source ?? main?.source ?? null;
  const stamp = (e: typeof main, label?: string) => (e?.stamp ? (label ?? e.label) : undefined);
  return (
    <div className={`cr-stage cr-screen-${state.screen}`} data-screen={state.screen}>
      {state.screen === 'exhibit' && (
        <div className={`cr-panes${state.shownSecondary ? ' cr-panes-two' : ''}`}>
          <StagePane
            exhibit={main}
            source={source}
            adhoc={!!state.adhoc}
            adhocRedactions={state.adhoc?.redactions}
            step={state.adhoc ? 0 : state.position.step}
            view={state.view}
            callout={state.callout}
            laser={pointer.laser}
            liveStroke={pointer.stroke}
            audience={audience}
            stampLabel={state.adhoc ? undefined : stamp(main)}
            margin={audience ? 0 : 6}
            missingText={missingText}
            onPainted={onPainted}
          >
            {tools}
          </StagePane>
          {state.shownSecondary && state.secondary && (
            <StagePane
              exhibit={state.shownSecondary}
              source={state.shownSecondary.source}
              step={state.secondary.step}
              view={FIT_VIEW}
              callout={null}
              audience={audience}
              stampLabel={stamp(state.shownSecondary)}
              margin={audience ? 0 : 6}
              missingText={missingText}
            />
          )}
        </div>
      )}
    </div>
  );
}
