import { Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import type { Box } from '@hoso/contracts';
import {
  correctWord,
  effectiveWords,
  findPageByFolio,
  setExportRedactions,
  useDocument,
  usePage,
  usePageText,
  usePages,
} from '../../db';
import { quotedQuery } from '@hoso/text';
import { getBridge } from '../../bridge';
import { noteCorrection } from '../custody/notices';
import { hrefFor, navigate } from '../../shared/router';
import type { Route } from '../../shared/routes';
import { useT } from '../../i18n';
import { AddToPresentationButton } from '../courtroom/AddToPresentationLazy';
import { writeEvidenceDrag } from '../../shared/dnd';
import { currentScreen, showToast } from '../../shared/toast';
import { attempt } from '../dossier/useDossierActions';
import { pageFrame } from '../../shared/pageFrame';
import { isTyping } from '../../shared/typing';
import { hitWordIndices } from './hits';
import { PageStage, scaleFor, type Tool, type Zoom } from './PageStage';
import type { ViewWord } from './WordOverlay';
import { viewerMessages } from './messages';
import './viewer.css';

const ZOOM_STEPS = [0.1, 0.15, 0.2, 0.25, 0.33, 0.5, 0.67, 0.8, 1, 1.25, 1.5, 2, 3];

/** One page of the dossier: read, zoom, select and copy text, correct words, cut out regions. */
export default function ViewerView({ route }: { route: Extract<Route, { name: 'viewer' }> }) {
  const t = useT(viewerMessages);
  const page = usePage(route.pageId);
  const text = usePageText(route.pageId);
  const doc = useDocument(page?.documentId);
  const casePages = usePages({ caseId: route.caseId });
  const [zoom, setZoom] = useState<Zoom>({ mode: 'fit-width' });
  const [viewport, setViewport] = useState({ width: 800, height: 600 });
  const [tool, setTool] = useState<Tool>('text');
  const [overlay, setOverlay] = useState(true);
  const [lowConf, setLowConf] = useState(true);
  const [selection, setSelection] = useState<Box | null>(null);
  const [folioInput, setFolioInput] = useState('');

  const words: ViewWord[] = useMemo(() => effectiveWords(text), [text]);
  const hits = useMemo(
    () =>
      hitWordIndices(
        words.map((w) => w.text),
        route.highlight,
      ),
    [words, route.highlight],
  );
  const index = casePages?.findIndex((p) => p.id === route.pageId) ?? -1;
  const go = useCallback(
    (delta: number) => {
      const target = casePages?.[index + delta];
      if (target) navigate({ name: 'viewer', caseId: route.caseId, pageId: target.id }, { replace: true });
    },
    [casePages, index, route.caseId],
  );
  const frame = page ? pageFrame(page, text?.ocr) : undefined;
  const scale = frame ? scaleFor(zoom, frame, viewport) : 1;
  const zoomBy = useCallback(
    (dir: 1 | -1) => {
      const next =
        dir > 0
          ? ZOOM_STEPS.find((z) => z > scale * 1.01)
          : [...ZOOM_STEPS].reverse().find((z) => z < scale * 0.99);
      setZoom({ mode: 'scale', scale: next ?? scale });
    },
    [scale],
  );

  useEffect(() => setSelection(null), [route.pageId]);
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      // Typing in a field is not a shortcut; a focused checkbox or button is.
      if (isTyping(e.target)) return;
      if (e.key === 'PageDown' || (e.key === 'ArrowRight' && e.altKey)) go(1);
      else if (e.key === 'PageUp' || (e.key === 'ArrowLeft' && e.altKey)) go(-1);
      else if (e.key === '+' || e.key === '=') zoomBy(1);
      else if (e.key === '-') zoomBy(-1);
      else if (e.key === 'w' || e.key === 'W') setZoom({ mode: 'fit-width' });
      else if (e.key === 'f' || e.key === 'F') setZoom({ mode: 'fit-page' });
      else if (e.key === 'Escape') setSelection(null);
      else return;
      e.preventDefault();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go, zoomBy]);

  if (page === undefined && casePages === undefined) return <div className="loading" aria-busy="true" />;
  if (!page || !frame)
    return (
      <section className="page">
        <p className="empty">{t('notFound')}</p>
      </section>
    );

  const label = page.folio
    ? t('folio', { n: page.folio })
    : t('pageOf', { n: index + 1, total: casePages?.length ?? 0 });
  const regionRef = selection
    ? { kind: 'region' as const, caseId: route.caseId, pageId: page.id, region: selection }
    : null;

  async function goFolio() {
    const n = Number(folioInput.replace(/\D/g, ''));
    if (!n) return;
    const target = await findPageByFolio(route.caseId, n);
    if (target) {
      setFolioInput('');
      navigate({ name: 'viewer', caseId: route.caseId, pageId: target.id });
    } else showToast({ tone: 'error', text: t('folioNotFound', { n }) });
  }

  return (
    <section className="viewer" aria-label={label}>
      <div className="viewer-bar" role="toolbar" aria-label={t('toolbar')}>
        <a className="button-link" href={hrefFor({ name: 'case', caseId: route.caseId })}>
          ← {t('back')}
        </a>
        <div className="viewer-title">
          <strong>{label}</strong>
          <span className="muted" title={doc?.title}>
            {doc?.title}
          </span>
        </div>
        <div className="group">
          <button
            type="button"
            onClick={() => go(-1)}
            disabled={index <= 0}
            aria-label={t('prev')}
            title={t('prev')}
          >
            ‹
          </button>
          <span className="muted nowrap">{t('pageOf', { n: index + 1, total: casePages?.length ?? 0 })}</span>
          <button
            type="button"
            onClick={() => go(1)}
            disabled={!casePages || index >= casePages.length - 1}
            aria-label={t('next')}
            title={t('next')}
          >
            ›
          </button>
          <form
            className="folio-jump"
            onSubmit={(e) => {
              e.preventDefault();
              void goFolio();
            }}
          >
            <input
              aria-label={t('goFolio')}
              placeholder={t('goFolioPlaceholder')}
              inputMode="numeric"
              value={folioInput}
              onChange={(e) => setFolioInput(e.target.value)}
              size={5}
            />
          </form>
        </div>
        <div className="group">
          <button type="button" onClick={() => zoomBy(-1)} aria-label={t('zoomOut')} title={t('zoomOut')}>
            −
          </button>
          <span className="muted nowrap zoom-level">{t('zoomLevel', { n: Math.round(scale * 100) })}</span>
          <button type="button" onClick={() => zoomBy(1)} aria-label={t('zoomIn')} title={t('zoomIn')}>
            +
          </button>
          <button
            type="button"
            aria-pressed={zoom.mode === 'fit-width'}
            onClick={() => setZoom({ mode: 'fit-width' })}
            title={t('fitWidth')}
          >
            ↔<span className="sr-only">{t('fitWidth')}</span>
          </button>
          <button
            type="button"
            aria-pressed={zoom.mode === 'fit-page'}
            onClick={() => setZoom({ mode: 'fit-page' })}
            title={t('fitPage')}
          >
            ⤢<span className="sr-only">{t('fitPage')}</span>
          </button>
        </div>
        <div className="group" role="radiogroup" aria-label={t('tools')}>
          {(['text', 'pan', 'region'] as Tool[]).map((name) => (
            <button
              key={name}
              type="button"
              role="radio"
              aria-checked={tool === name}
              aria-pressed={tool === name}
              onClick={() => setTool(name)}
            >
              {t(name === 'text' ? 'toolText' : name === 'pan' ? 'toolPan' : 'toolRegion')}
            </button>
          ))}
        </div>
        <div className="group">
          <label className="check">
            <input type="checkbox" checked={overlay} onChange={(e) => setOverlay(e.target.checked)} />
            {t('overlay')}
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={lowConf}
              onChange={(e) => setLowConf(e.target.checked)}
              disabled={!overlay}
            />
            {t('lowConf')}
          </label>
        </div>
        {page.exportRedactions && page.exportRedactions.length > 0 && (
          <div className="group">
            <button type="button" onClick={() => void attempt(() => setExportRedactions(page.id, []))}>
              {t('clearRedactions', { n: page.exportRedactions.length })}
            </button>
          </div>
        )}
        <div className="group">
          <span
            className="drag-chip"
            draggable
            title={t('dragHint')}
            onDragStart={(e) =>
              writeEvidenceDrag(e.dataTransfer, { kind: 'page', caseId: route.caseId, pageId: page.id })
            }
          >
            ⠿ {t('dragPage')}
          </span>
          {doc && (
            <span
              className="drag-chip"
              draggable
              title={t('dragHint')}
              onDragStart={(e) =>
                writeEvidenceDrag(e.dataTransfer, {
                  kind: 'document',
                  caseId: route.caseId,
                  documentId: doc.id,
                })
              }
            >
              ⠿ {t('dragDoc')}
            </span>
          )}
          <Suspense fallback={null}>
            <AddToPresentationButton caseId={route.caseId} exhibit={{ kind: 'page', pageId: page.id }} />
          </Suspense>
        </div>
      </div>
      <div className="viewer-status muted" role="status" aria-live="polite">
        {route.highlight && hits.size > 0 && (
          <span className="hit-count">
            {t('hits', { n: hits.size, q: quotedQuery(route.highlight) })}{' '}
            <a href={hrefFor({ name: 'viewer', caseId: route.caseId, pageId: page.id })}>{t('clearHits')}</a>
          </span>
        )}
        {!text &&
          (page.ocrStatus === 'queued' || page.ocrStatus === 'running' ? t('ocrPending') : t('noText'))}
        {text && overlay && tool === 'text' && <span>{t('copyHint')}</span>}
        {page.meanConfidence !== undefined && (
          <span>{t('lowPage', { n: Math.round(page.meanConfidence) })}</span>
        )}
      </div>
      <PageStage
        frame={frame}
        src={getBridge().pageImageUrl(page.fileHash, page.filePage)}
        alt={t('pageImage', { label, doc: doc?.title ?? '' })}
        zoom={zoom}
        viewport={viewport}
        onViewport={setViewport}
        tool={tool}
        words={words}
        overlay={overlay && !!text}
        lowConfidence={lowConf}
        hits={hits}
        region={route.region}
        redactions={page.exportRedactions}
        selection={selection}
        onSelection={setSelection}
        selectionChrome={
          regionRef && (
            <>
              <span
                className="drag-chip"
                draggable
                title={t('dragHint')}
                onDragStart={(e) => writeEvidenceDrag(e.dataTransfer, regionRef)}
              >
                ⠿ {t('dragRegion')}
              </span>
              <Suspense fallback={null}>
                <AddToPresentationButton caseId={route.caseId} exhibit={regionRef} />
              </Suspense>
              <button
                type="button"
                className="danger"
                onClick={() =>
                  void attempt(async () => {
                    await setExportRedactions(page.id, [...(page.exportRedactions ?? []), selection!]);
                    setSelection(null);
                    showToast({ tone: 'ok', text: t('redactedRegion') });
                  })
                }
              >
                {t('redactRegion')}
              </button>
              <button
                type="button"
                className="icon"
                aria-label={t('clearRegion')}
                onClick={() => setSelection(null)}
              >
                ×
              </button>
            </>
          )
        }
        onCorrect={(word, to) =>
          void attempt(async () => {
            await correctWord(page.id, { block: word.block, line: word.line, word: word.word }, to);
            noteCorrection({
              caseId: page.caseId,
              documentId: page.documentId,
              pageId: page.id,
              fileHash: page.fileHash,
              page: page.filePage,
              wordIndex: word.word,
              before: word.text,
              after: to,
            });
            showToast({
              tone: 'ok',
              text: t('corrected', { from: word.text, to: to || '∅' }),
              scope: currentScreen(),
            });
          })
        }
        labels={{ lowConfWord: t('lowConfWord'), correct: t('correct'), correctHint: t('correctHint') }}
      />
    </section>
  );
}
