import { useEffect, useRef, useState, type PointerEvent } from 'react';
import type { Box } from '@hoso/contracts';
import type { Page } from '@hoso/domain';
import { useDocuments, usePages, usePageTextOrNull } from '../../../db';
import { useT } from '../../../i18n';
import { writeEvidenceDrag } from '../../../shared/dnd';
import { useThumbnail } from '../data/evidence';
import { messages } from '../messages';

/**
 * The dossier beside the map: documents and pages to drag onto the map (the viewer and the
 * dossier tab are other screens), and a region picker — select part of a page, drag the
 * selection onto the map — so evidence nodes can point at a region without leaving the map.
 */
export function DossierPanel({ caseId }: { caseId: string }) {
  const t = useT(messages);
  const docs = useDocuments({ caseId });
  const pages = usePages({ caseId });
  const [picked, setPicked] = useState<Page | null>(null);
  return (
    <aside className="mm-dossier" aria-label={t('dossier')}>
      <h2>{t('dossier')}</h2>
      <p className="mm-hint">{t('dossierHint')}</p>
      {picked && <RegionPicker page={picked} onClose={() => setPicked(null)} />}
      {docs?.length === 0 && <p className="mm-hint">{t('dossierEmpty')}</p>}
      {docs?.map((d) => (
        <section key={d.id} className="mm-doc">
          <div
            className="mm-doc-title"
            draggable
            title={t('dragDocument')}
            onDragStart={(e) =>
              writeEvidenceDrag(e.dataTransfer, { kind: 'document', caseId, documentId: d.id })
            }
          >
            {d.title}
          </div>
          <div className="mm-pages">
            {pages
              ?.filter((p) => p.documentId === d.id)
              .map((p, i) => (
                <button
                  key={p.id}
                  type="button"
                  className={`mm-page${picked?.id === p.id ? ' mm-page-picked' : ''}`}
                  draggable
                  data-page-id={p.id}
                  title={t('pickRegion')}
                  onDragStart={(e) =>
                    writeEvidenceDrag(e.dataTransfer, { kind: 'page', caseId, pageId: p.id })
                  }
                  onClick={() => setPicked(p)}
                >
                  <PageThumbImage page={p} />
                  <span>{p.folio ? `BL ${p.folio}` : t('evidencePage', { n: i + 1 })}</span>
                </button>
              ))}
          </div>
        </section>
      ))}
    </aside>
  );
}

/** Cut only once scrolled into view: a dossier may hold thousands of pages. */
function PageThumbImage({ page }: { page: Page }) {
  const ref = useRef<HTMLSpanElement>(null);
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || seen) return;
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setSeen(true));
    io.observe(el);
    return () => io.disconnect();
  }, [seen]);
  const url = useThumbnail(seen ? { kind: 'page', pageId: page.id } : undefined, 160);
  return url ? (
    <img src={url} alt="" draggable={false} />
  ) : (
    <span ref={ref} className="mm-thumb-empty mm-page-blank" />
  );
}

/** A page drawn in its OCR frame; drag to select a region, then drag the selection onto the map. */
function RegionPicker({ page, onClose }: { page: Page; onClose(): void }) {
  const t = useT(messages);
  const width = 560;
  // The page record carries its OCR frame; older records without it need the (large) text record.
  const text = usePageTextOrNull(page.ocrFrame ? undefined : page.id);
  const ocr = page.ocrFrame ?? text?.ocr;
  const frame =
    text === undefined ? undefined : { w: ocr?.widthPx ?? page.widthPx, h: ocr?.heightPx ?? page.heightPx };
  const image = useThumbnail({ kind: 'page', pageId: page.id }, width);
  const [drag, setDrag] = useState<{ x0: number; y0: number; x1: number; y1: number } | null>(null);
  const [region, setRegion] = useState<Box | null>(null);
  if (!frame || !image) return <div className="mm-picker" aria-busy="true" />;

  const toFrame = (e: PointerEvent<HTMLDivElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const k = frame.w / r.width;
    return {
      x: Math.max(0, Math.min(frame.w, (e.clientX - r.left) * k)),
      y: Math.max(0, Math.min(frame.h, (e.clientY - r.top) * k)),
    };
  };
  const box: Box | null = drag
    ? [
        Math.min(drag.x0, drag.x1),
        Math.min(drag.y0, drag.y1),
        Math.max(drag.x0, drag.x1),
        Math.max(drag.y0, drag.y1),
      ]
    : region;
  const pct = (v: number, of: number) => `${(v / of) * 100}%`;
  return (
    <div className="mm-picker">
      <div className="mm-picker-head">
        <span>{page.folio ? `BL ${page.folio}` : page.fileName}</span>
        <button type="button" onClick={onClose} aria-label={t('close')}>
          ×
        </button>
      </div>
      <div
        className="mm-picker-page"
        data-testid="region-picker"
        style={{ aspectRatio: `${frame.w} / ${frame.h}` }}
        onPointerDown={(e) => {
          const p = toFrame(e);
          e.currentTarget.setPointerCapture(e.pointerId);
          setDrag({ x0: p.x, y0: p.y, x1: p.x, y1: p.y });
        }}
        onPointerMove={(e) => {
          if (!drag) return;
          const p = toFrame(e);
          setDrag({ ...drag, x1: p.x, y1: p.y });
        }}
        onPointerUp={() => {
          if (drag && box && box[2] - box[0] > 8 && box[3] - box[1] > 8)
            setRegion(box.map(Math.round) as Box);
          setDrag(null);
        }}
      >
        {image && <img src={image} alt="" draggable={false} />}
        {box && (
          <div
            className="mm-picker-box"
            style={{
              left: pct(box[0], frame.w),
              top: pct(box[1], frame.h),
              width: pct(box[2] - box[0], frame.w),
              height: pct(box[3] - box[1], frame.h),
            }}
          />
        )}
      </div>
      {region ? (
        <div
          className="mm-region-chip"
          draggable
          data-testid="region-chip"
          onDragStart={(e) =>
            writeEvidenceDrag(e.dataTransfer, {
              kind: 'region',
              caseId: page.caseId,
              pageId: page.id,
              region,
            })
          }
        >
          ⇲ {t('dragRegion')}
        </div>
      ) : (
        <p className="mm-hint">{t('selectRegion')}</p>
      )}
    </div>
  );
}
