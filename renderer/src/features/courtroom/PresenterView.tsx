import { useCallback, useEffect, useRef, useState } from 'react';
import {
  addMark,
  addRedaction,
  clearMarks,
  marksForStep,
  redactionsForStep,
  resolveJump,
  type JumpKind,
  saveMarkedStepAsExhibit,
  updateExhibit,
  type Mark,
} from '@hoso/domain';
import { hrefFor, navigate } from '../../shared/router';
import type { Route } from '../../shared/routes';
import { getLocale, useT } from '../../i18n';
import { changePresentation, describeDbError, usePresentation } from '../../db';
import { documentPageIds, forgetResolvedContent } from './data/exhibitContent';
import { newId } from '../../db/ids';
import { courtroomMessages } from './messages';
import { keyCommand, typeDigit, type KeyCommand, type Tool } from './state/keys';
import type { StageState } from './state/stage';
import { Stage } from './stage/Stage';
import { prefetchSteps } from './stage/useStepImage';
import { usePresenterSync } from './sync/channel';
import type { LivePointer } from './sync/protocol';
import { usePresenterStage } from './presenter/usePresenterStage';
import { ToolOverlay } from './presenter/ToolOverlay';
import { Toolbar, MARK_COLORS } from './presenter/Toolbar';
import { PresenterSide } from './presenter/PresenterSide';
import { AudienceLauncher } from './presenter/AudienceLauncher';
import { useMapEvidence } from './presenter/useMapEvidence';
import { PresenterBar } from './presenter/PresenterBar';
import { isTyping } from '../../shared/typing';
import { blurAfterMouseClick, isControl } from './presenter/focus';
import './courtroom.css';

type PresenterRoute = Extract<Route, { name: 'presenter' }>;

/** The prosecutor's screen at trial: the stage with tools, the list, next exhibit, notes, timer. */
export default function PresenterView({ route }: { route: PresenterRoute }) {
  const t = useT(courtroomMessages);
  const { caseId, presentationId } = route;
  const loaded = usePresentation(presentationId);
  const model = loaded?.model;
  const publishNow = useRef<((state: StageState) => void) | null>(null);
  const stage = usePresenterStage(caseId, presentationId, model, publishNow);
  const { live, dispatch, published } = stage;
  const channel = usePresenterSync(caseId, published);
  publishNow.current = channel.publish;

  const [tool, setTool] = useState<Tool>('pan');
  const [color, setColor] = useState(MARK_COLORS[0]);
  const [typed, setTyped] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [pointer, setPointer] = useState<LivePointer>({ laser: null, stroke: null });

  // Page records may have changed since another screen resolved them (OCR turned a page upright).
  useEffect(() => forgetResolvedContent(), []);

  const exhibits = model?.exhibits ?? [];
  const current = exhibits[live.position.index];
  const step = live.position.step;

  // A map node on screen may point at evidence: O or a click opens its page.
  const mapEvidence = useMapEvidence(current?.source, step, dispatch);

  // While a number is typed, decode where Enter would land, here and on the audience screen.
  const prefetchAudience = channel.prefetch;
  useEffect(() => {
    if (!typed || !model) return;
    // Either Enter (exhibit) or B (folio) may follow: decode both.
    const items = (['exhibit', 'folio'] as const).flatMap((kind) => {
      const target = resolveJump(model, typed, kind);
      const e = target && model.exhibits[target.index];
      return e && target ? [{ source: e.source, step: target.step }] : [];
    });
    if (items.length === 0) return;
    prefetchSteps(items);
    prefetchAudience(items);
  }, [typed, model, prefetchAudience]);

  const sendPointer = channel.sendPointer;
  const pointerRef = useRef(pointer);
  const updatePointer = useCallback(
    (change: Partial<LivePointer>) => {
      const next = { ...pointerRef.current, ...change };
      pointerRef.current = next;
      setPointer(next);
      // Frozen: the audience keeps its picture; live pointer and strokes stay on the presenter.
      if (!stage.frozen) sendPointer(next);
    },
    [sendPointer, stage.frozen],
  );

  const change = useCallback(
    (fn: Parameters<typeof changePresentation>[1]) => void changePresentation(presentationId, fn),
    [presentationId],
  );

  const handleRef = useRef<(cmd: KeyCommand) => void>(() => {});
  handleRef.current = (cmd: KeyCommand) => {
    if (cmd.type !== 'digit' && cmd.type !== 'enter' && cmd.type !== 'backspace') setNotice(null);
    const jump = (kind: JumpKind) => {
      if (!model) return;
      if (resolveJump(model, typed, kind)) dispatch({ type: 'jump', typed, kind });
      else setNotice(t(kind === 'folio' ? 'jumpMissingFolio' : 'jumpMissingExhibit', { n: typed }));
      setTyped('');
    };
    switch (cmd.type) {
      case 'next':
      case 'prev':
        setTyped('');
        dispatch({ type: cmd.type });
        return;
      case 'digit': {
        const r = typeDigit(typed, cmd.digit);
        if (r.resetZoom) dispatch({ type: 'view', view: { zoom: 1, cx: 0.5, cy: 0.5 } });
        setTyped(r.buffer);
        return;
      }
      case 'backspace':
        if (typed) setTyped(typed.slice(0, -1));
        else if (live.adhoc) dispatch({ type: 'adhoc', adhoc: null });
        return;
      case 'enter':
        if (typed) jump('exhibit');
        return;
      case 'black':
        if (typed && cmd.letter) return jump('folio');
        return dispatch({ type: 'screen', screen: 'black' });
      case 'white':
        return dispatch({ type: 'screen', screen: 'white' });
      case 'freeze':
        return stage.toggleFreeze();
      case 'escape':
        setTyped('');
        updatePointer({ laser: null, stroke: null });
        dispatch({ type: 'callout', box: null });
        if (live.adhoc) dispatch({ type: 'adhoc', adhoc: null });
        else if (current) change((m) => clearMarks(m, current.id, step));
        return;
      case 'zoom-in':
        return dispatch({ type: 'zoom', factor: 1.25 });
      case 'zoom-out':
        return dispatch({ type: 'zoom', factor: 0.8 });
      case 'zoom-reset':
        return dispatch({ type: 'view', view: { zoom: 1, cx: 0.5, cy: 0.5 } });
      case 'side-by-side':
        return dispatch({ type: 'side-by-side' });
      case 'stamp':
        if (current) change((m) => updateExhibit(m, current.id, (e) => ({ ...e, stamp: !e.stamp })));
        return;
      case 'open-evidence':
        mapEvidence.openFocused();
        return;
      case 'tool':
        if (tool === 'laser' && cmd.tool !== 'laser') updatePointer({ laser: null });
        setTool(cmd.tool);
        return;
    }
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target)) return;
      // Enter and Space on a focused button press that button (keyboard-only use of the toolbar).
      if ((e.key === 'Enter' || e.key === ' ') && isControl(e.target)) return;
      const cmd = keyCommand(e);
      if (!cmd) return;
      e.preventDefault();
      if (cmd.type === 'next' || cmd.type === 'prev' || cmd.type === 'enter')
        // For `npm run bench:courtroom`: the key's own timestamp, matched to the audience's paint.
        performance.mark('hoso-courtroom-key', { startTime: e.timeStamp });
      handleRef.current(cmd);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (loaded === null || loaded?.damaged)
    return (
      <section className="cr-notfound">
        <p className="error-text">
          {loaded?.damaged ? describeDbError(loaded.damaged, getLocale()) : t('notFound')}
        </p>
        <a href={hrefFor({ name: 'case', caseId, tab: 'present' })}>{t('backToList')}</a>
      </section>
    );
  if (!loaded) return <div className="loading" aria-busy="true" />;

  const redactionCount = current && !live.adhoc ? redactionsForStep(current, step).length : 0;
  const markCount = current && !live.adhoc ? marksForStep(current, step).length : 0;

  const saveMarked = async () => {
    if (!current) return;
    const pageId =
      current.source.kind === 'document'
        ? (await documentPageIds(current.source.documentId))[step]
        : undefined;
    change((m) => saveMarkedStepAsExhibit(m, current.id, step, newId(), pageId));
  };

  return (
    <div className="cr-presenter" data-testid="presenter" onClick={blurAfterMouseClick}>
      <PresenterBar
        listName={loaded.record.name}
        index={live.position.index}
        total={exhibits.length}
        label={current?.label}
        step={step}
        steps={stage.stepCounts[live.position.index] ?? 1}
        typed={typed}
        notice={notice}
        screen={live.screen}
        frozen={stage.frozen}
        onCommand={(cmd) => handleRef.current(cmd)}
        onExit={() => navigate({ name: 'case', caseId, tab: 'present' })}
      />
      <div className="cr-body">
        <ol className="cr-rail" aria-label={t('presentations')}>
          {exhibits.map((e, i) => (
            <li key={e.id}>
              <button
                type="button"
                aria-current={i === live.position.index ? 'true' : undefined}
                title={`${i + 1}. ${e.label}\n${t('railHint')}`}
                onClick={(ev) =>
                  dispatch(
                    ev.shiftKey
                      ? { type: 'secondary', index: i }
                      : { type: 'goto', position: { index: i, step: 0 } },
                  )
                }
              >
                <span className="cr-rail-n">{i + 1}</span>
                <span className="cr-rail-label">{e.label}</span>
              </button>
            </li>
          ))}
        </ol>
        <div className="cr-center">
          {live.adhoc && (
            <p className="cr-adhoc">
              {t('adhocShown', { label: live.adhoc.label })}{' '}
              <button type="button" onClick={() => dispatch({ type: 'adhoc', adhoc: null })}>
                {t('backToList')}
              </button>
            </p>
          )}
          <div className="cr-main-stage">
            <Stage
              state={{ ...live, screen: 'exhibit' }}
              pointer={pointer}
              audience={false}
              missingText={t('missing')}
              tools={
                <ToolOverlay
                  tool={tool}
                  color={color}
                  view={live.view}
                  step={live.adhoc ? 0 : step}
                  onLaser={(laser) => updatePointer({ laser })}
                  onStroke={(stroke) => updatePointer({ stroke })}
                  onCommitStroke={(mark: Mark) => {
                    if (current && !live.adhoc) change((m) => addMark(m, current.id, mark));
                  }}
                  onRedaction={(box) => {
                    if (current && !live.adhoc)
                      change((m) => addRedaction(m, current.id, { id: newId(), box, step }));
                  }}
                  onCallout={(box) => dispatch({ type: 'callout', box })}
                  onView={(view) => dispatch({ type: 'view', view })}
                  onZoom={(factor, at) => dispatch({ type: 'zoom', factor, at })}
                  onTap={(point) => !live.adhoc && mapEvidence.openAt(point)}
                />
              }
            />
          </div>
          <Toolbar
            tool={tool}
            color={color}
            onTool={(next) => handleRef.current({ type: 'tool', tool: next })}
            onColor={setColor}
            onZoom={(f) =>
              dispatch(
                f === 'fit'
                  ? { type: 'view', view: { zoom: 1, cx: 0.5, cy: 0.5 } }
                  : { type: 'zoom', factor: f },
              )
            }
            sideBySide={!!live.secondary}
            onSideBySide={() => dispatch({ type: 'side-by-side' })}
            stamp={!!current?.stamp}
            onStamp={() => handleRef.current({ type: 'stamp' })}
            onClearMarks={() => handleRef.current({ type: 'escape' })}
            hasCallout={!!live.callout}
            onCloseCallout={() => dispatch({ type: 'callout', box: null })}
            canSaveMarked={markCount + redactionCount > 0}
            onSaveMarked={() => void saveMarked()}
            redactionCount={redactionCount}
            onRemoveRedactions={() => {
              if (current && window.confirm(t('confirmRemoveRedactions')))
                change((m) =>
                  updateExhibit(m, current.id, (e) => ({
                    ...e,
                    redactions: e.redactions.filter((r) => r.step !== step),
                  })),
                );
            }}
          />
          <p className="cr-keys">{t('keysHelp')}</p>
        </div>
        <PresenterSide
          model={model!}
          live={live}
          published={stage.frozen ? published : null}
          stepCounts={stage.stepCounts}
          hasEvidence={mapEvidence.hasEvidence}
          onOpenEvidence={mapEvidence.openFocused}
        >
          <AudienceLauncher
            caseId={caseId}
            presentationId={presentationId}
            audiences={channel.audiences}
            fixed169={live.frame === '16:9'}
            onFixed169={(on) => dispatch({ type: 'frame', frame: on ? '16:9' : 'fill' })}
          />
        </PresenterSide>
      </div>
    </div>
  );
}
