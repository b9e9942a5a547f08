import { Suspense } from 'react';
import type { CaseDocument, Page, Volume } from '@hoso/domain';
import type { ImportRecord } from '../../db';
import { getBridge } from '../../bridge';
import { hrefFor } from '../../shared/router';
import { formatDate, useLocale, useT } from '../../i18n';
import { writeEvidenceDrag } from '../../shared/dnd';
import { hostErrorText } from '../../shared/hostErrors';
import { useJobProgress } from '../../sync';
import { dossierMessages } from './messages';
import { docTypeKey } from './docTypes';
import { folioRangeText } from './dossierRows';

export const DOC_MIME = 'application/x-hoso-document';

import { AddToPresentationButton } from '../courtroom/AddToPresentationLazy';

export type DocumentAction =
  'edit' | 'merge-next' | 'delete' | 'export' | { moveTo: string } | { shift: number };

/** A document's header row: what it is, its folios and OCR progress, and what can be done with it. */
export function DocumentHeader(props: {
  doc: CaseDocument;
  pages: Page[];
  record?: ImportRecord;
  volumes: Volume[];
  hasNext: boolean;
  onAction: (action: DocumentAction) => void;
  onDropDocument: (documentId: string) => void;
  onDropPage: (pageId: string) => void;
}) {
  const t = useT(dossierMessages);
  const locale = useLocale();
  const { doc, pages, record } = props;
  const job = useJobProgress(record?.id);
  const range = folioRangeText(pages);
  const first = pages[0];
  const state = job?.state ?? record?.state;
  const error = job?.error ?? record?.error;
  // A scan batch is one job per page: its progress is counted in pages, not in the shown job's.
  const batch = pages.some((p) => p.importId !== record?.id);
  const done = batch ? pages.filter((p) => p.ocrStatus === 'done').length : job?.pagesDone;
  const total = batch ? pages.length : (job?.pagesTotal ?? record?.pageCount);
  return (
    <div
      className="doc-header"
      onDragOver={(e) => {
        const types = e.dataTransfer.types;
        if (types.includes(DOC_MIME) || types.includes('application/x-hoso-page')) {
          e.preventDefault();
          e.currentTarget.classList.add('drop-target');
        }
      }}
      onDragLeave={(e) => e.currentTarget.classList.remove('drop-target')}
      onDrop={(e) => {
        e.currentTarget.classList.remove('drop-target');
        const docId = e.dataTransfer.getData(DOC_MIME);
        const pageId = e.dataTransfer.getData('application/x-hoso-page');
        if (docId && docId !== doc.id) {
          e.preventDefault();
          e.stopPropagation();
          props.onDropDocument(docId);
        } else if (pageId) {
          e.preventDefault();
          e.stopPropagation();
          props.onDropPage(pageId);
        }
      }}
    >
      <span
        className="drag-handle"
        draggable
        tabIndex={0}
        role="button"
        aria-label={`${t('dragDoc')}: ${doc.title}`}
        title={t('dragDoc')}
        onDragStart={(e) => {
          writeEvidenceDrag(e.dataTransfer, { kind: 'document', caseId: doc.caseId, documentId: doc.id });
          e.dataTransfer.setData(DOC_MIME, doc.id);
          e.dataTransfer.effectAllowed = 'copyMove';
        }}
        onKeyDown={(e) => {
          // Keyboard reordering: Alt+↑/↓ moves the document within its volume.
          if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
            e.preventDefault();
            props.onAction({ shift: e.key === 'ArrowUp' ? -1 : 1 });
          }
        }}
      >
        ⠿
      </span>
      <div className="doc-main">
        <div className="doc-title-line">
          <span className={`badge doc-type doc-type-${doc.type}`}>{t(docTypeKey(doc.type))}</span>
          {first ? (
            <a className="doc-title" href={hrefFor({ name: 'viewer', caseId: doc.caseId, pageId: first.id })}>
              {doc.title}
            </a>
          ) : (
            <span className="doc-title">{doc.title}</span>
          )}
        </div>
        <div className="doc-meta muted">
          {doc.number && <span>{t('docNo', { number: doc.number })}</span>}
          {doc.date && <span>{formatDate(doc.date, locale)}</span>}
          {doc.issuer && <span className="doc-issuer">{doc.issuer}</span>}
          <span>{t('pages', { n: pages.length })}</span>
          <span className="folio-range">{range ? t('folios', { range }) : t('noFolio')}</span>
        </div>
        {state === 'failed' && error && (
          <p className="error-text doc-error" role="alert">
            {hostErrorText(error, record?.fileName)}
          </p>
        )}
      </div>
      <OcrState state={state} done={done} total={total} jobId={record?.id} />
      <div className="doc-actions">
        <button type="button" onClick={() => props.onAction('edit')}>
          {t('editMeta')}
        </button>
        <button type="button" onClick={() => props.onAction('export')}>
          PDF
        </button>
        <Suspense fallback={null}>
          <AddToPresentationButton caseId={doc.caseId} exhibit={{ kind: 'document', documentId: doc.id }} />
        </Suspense>
        <select
          className="doc-more"
          aria-label={t('docActions')}
          value=""
          onChange={(e) => {
            const v = e.target.value;
            e.target.value = '';
            if (v === 'merge-next' || v === 'delete') props.onAction(v);
            else if (v.startsWith('move:')) props.onAction({ moveTo: v.slice(5) });
          }}
        >
          <option value="">⋯</option>
          {props.hasNext && <option value="merge-next">{t('mergeNext')}</option>}
          <optgroup label={t('moveTo')}>
            {props.volumes
              .filter((v) => v.id !== doc.volumeId)
              .map((v) => (
                <option key={v.id} value={`move:${v.id}`}>
                  → {v.name}
                </option>
              ))}
          </optgroup>
          <option value="delete">{t('deleteDoc')}</option>
        </select>
      </div>
    </div>
  );
}

function OcrState(props: { state?: ImportRecord['state']; done?: number; total?: number; jobId?: string }) {
  const t = useT(dossierMessages);
  if (!props.state) return <span className="ocr-state" />;
  const retry = props.jobId ? () => void getBridge().retryJob({ id: props.jobId! }) : undefined;
  switch (props.state) {
    case 'done':
      return (
        <span className="ocr-state">
          <span className="badge badge-ok">{t('ocrDone')}</span>
        </span>
      );
    case 'failed':
      return (
        <span className="ocr-state">
          <span className="badge badge-error">{t('ocrFailed')}</span>
          {retry && (
            <button type="button" onClick={retry}>
              {t('retry')}
            </button>
          )}
        </span>
      );
    case 'cancelled':
      return (
        <span className="ocr-state">
          <span className="badge">{t('ocrCancelled')}</span>
          {retry && (
            <button type="button" onClick={retry}>
              {t('retry')}
            </button>
          )}
        </span>
      );
    case 'running': {
      const total = props.total ?? 0;
      const done = props.done ?? 0;
      return (
        <span className="ocr-state ocr-running">
          <progress max={Math.max(1, total)} value={done} aria-label={t('ocrRunning', { done, total })} />
          <span className="muted">{t('ocrRunning', { done, total })}</span>
        </span>
      );
    }
    default:
      return (
        <span className="ocr-state">
          <span className="badge badge-warn">{t('ocrQueued')}</span>
        </span>
      );
  }
}
