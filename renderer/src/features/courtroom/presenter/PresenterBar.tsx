import { useT } from '../../../i18n';
import { courtroomMessages } from '../messages';
import type { KeyCommand } from '../state/keys';
import type { Screen } from '../state/stage';

/**
 * The presenter's top bar: where we are in the list, the number being typed, what the audience
 * sees (black, white, frozen) and the buttons for those states.
 */
export function PresenterBar(props: {
  listName: string;
  index: number;
  total: number;
  label?: string;
  step: number;
  steps: number;
  typed: string;
  notice: string | null;
  screen: Screen;
  frozen: boolean;
  onCommand: (cmd: KeyCommand) => void;
  onExit: () => void;
}) {
  const t = useT(courtroomMessages);
  const { screen, frozen, onCommand } = props;
  const toggle = (on: boolean, cmd: KeyCommand, text: string) => (
    <button type="button" aria-pressed={on} className={on ? 'on' : undefined} onClick={() => onCommand(cmd)}>
      {text}
    </button>
  );
  return (
    <header className="cr-bar">
      <strong className="cr-title">{props.listName}</strong>
      <span data-testid="position" aria-live="polite">
        {t('exhibitOf', { n: props.total ? props.index + 1 : 0, total: props.total })}
        {props.label ? ` · ${props.label}` : ''}
        {props.steps > 1 ? ` · ${props.step + 1}/${props.steps}` : ''}
      </span>
      {props.typed && (
        <span className="cr-typed" data-testid="typed">
          {t('jumpTo', { n: props.typed })}
        </span>
      )}
      {props.notice && (
        <span className="cr-notice" role="status">
          {props.notice}
        </span>
      )}
      {screen === 'black' && <span className="cr-badge cr-badge-black">{t('blackOn')}</span>}
      {screen === 'white' && <span className="cr-badge cr-badge-white">{t('whiteOn')}</span>}
      {frozen && <span className="cr-badge cr-badge-frozen">{t('frozen')}</span>}
      <span className="cr-spacer" />
      <span className="cr-screens">
        {toggle(screen === 'black', { type: 'black' }, t('black'))}
        {toggle(screen === 'white', { type: 'white' }, t('white'))}
        {toggle(frozen, { type: 'freeze' }, t('freeze'))}
      </span>
      <button type="button" onClick={props.onExit}>
        {t('exit')}
      </button>
    </header>
  );
}
