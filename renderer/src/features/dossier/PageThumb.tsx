import type { Page } from '@hoso/domain';
import { getBridge } from '../../bridge';
import { hrefFor } from '../../shared/router';
import { useT } from '../../i18n';
import { writeEvidenceDrag } from '../../shared/dnd';
import { displaySize, pageFrame } from '../../shared/pageFrame';
import { PageFrameView } from '../../shared/PageFrameView';
import { restoreLeftOutPage } from '../../db';
import { dossierMessages } from './messages';
import { attempt } from './useDossierActions';
import { useThumbnail } from './thumbnails';

export const THUMB_W = 132;
export const THUMB_H = 176;
/** Internal drag type for reordering pages inside the dossier (alongside the evidence payload). */
export const PAGE_MIME = 'application/x-hoso-page';

export function PageThumb(props: {
  page: Page;
  index: number;
  onRotate: (delta: number) => void;
  onDelete: () => void;
  onSplit?: () => void;
  onMove: (delta: number) => void;
  onDropPage: (pageId: string) => void;
}) {
  const t = useT(dossierMessages);
  const { page } = props;
  const frame = pageFrame(page);
  const shown = displaySize(frame);
  const scale = Math.min(THUMB_W / shown.width, THUMB_H / shown.height);
  const label = page.folio ? `BL ${page.folio}` : t('pageLabel', { n: props.index + 1 });
  const status = page.ocrStatus;
  // Twice the displayed width: crisp on high-density screens, still small.
  const thumb = useThumbnail(
    getBridge().pageImageUrl(page.fileHash, page.filePage),
    Math.round(frame.imageWidth * scale * 2),
  );
  return (
    <div
      className={`thumb ocr-${status}${page.leftOut ? ' left-out' : ''}`}
      draggable
      title={page.leftOut ? t('leftOutBlank') : t('dragPage')}
      onDragStart={(e) => {
        writeEvidenceDrag(e.dataTransfer, { kind: 'page', caseId: page.caseId, pageId: page.id });
        e.dataTransfer.setData(PAGE_MIME, page.id);
        e.dataTransfer.effectAllowed = 'copyMove';
      }}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes(PAGE_MIME)) {
          e.preventDefault();
          e.currentTarget.classList.add('drop-before');
        }
      }}
      onDragLeave={(e) => e.currentTarget.classList.remove('drop-before')}
      onDrop={(e) => {
        e.currentTarget.classList.remove('drop-before');
        const id = e.dataTransfer.getData(PAGE_MIME);
        if (id && id !== page.id) {
          e.preventDefault();
          e.stopPropagation();
          props.onDropPage(id);
        }
      }}
    >
      <a
        className="thumb-link"
        href={hrefFor({ name: 'viewer', caseId: page.caseId, pageId: page.id })}
        aria-label={t('openPage', { label })}
        draggable={false}
        onKeyDown={(e) => {
          // Keyboard reordering: Alt+←/→ moves the page within its document.
          if (e.altKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
            e.preventDefault();
            props.onMove(e.key === 'ArrowLeft' ? -1 : 1);
          }
        }}
      >
        <div className="thumb-image" style={{ width: THUMB_W, height: THUMB_H }}>
          {thumb ? (
            <PageFrameView frame={frame} scale={scale} src={thumb} alt="" />
          ) : (
            <div
              className="thumb-placeholder"
              style={{ width: shown.width * scale, height: shown.height * scale }}
            />
          )}
        </div>
      </a>
      <div className="thumb-foot">
        <span className="thumb-label">{label}</span>
        {page.leftOut && (
          <button
            type="button"
            className="restore-page"
            aria-label={`${t('restorePage')} ${label}`}
            title={t('leftOutBlank')}
            onClick={() => void attempt(() => restoreLeftOutPage(page.id))}
          >
            {t('restorePage')}
          </button>
        )}
        {status === 'done' && page.meanConfidence !== undefined && page.meanConfidence < 70 && (
          <span
            className="dot-warn"
            title={t('lowConfidence', { n: Math.round(page.meanConfidence) })}
            aria-label={t('lowConfidence', { n: Math.round(page.meanConfidence) })}
          />
        )}
        {(status === 'queued' || status === 'running') && (
          <span className="dot-busy" aria-label={t('ocrQueued')} />
        )}
      </div>
      <div className="thumb-tools">
        <button
          type="button"
          className="icon"
          aria-label={`${t('rotateLeft')} ${label}`}
          title={t('rotateLeft')}
          onClick={() => props.onRotate(-1)}
        >
          ⟲
        </button>
        <button
          type="button"
          className="icon"
          aria-label={`${t('rotateRight')} ${label}`}
          title={t('rotateRight')}
          onClick={() => props.onRotate(1)}
        >
          ⟳
        </button>
        {props.onSplit && (
          <button
            type="button"
            className="icon"
            aria-label={`${t('split')} (${label})`}
            title={t('split')}
            onClick={props.onSplit}
          >
            ✂
          </button>
        )}
        <button
          type="button"
          className="icon danger"
          aria-label={`${t('deletePage')} ${label}`}
          title={t('deletePage')}
          onClick={props.onDelete}
        >
          ×
        </button>
      </div>
    </div>
  );
}
