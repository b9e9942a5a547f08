import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { CaseDocument, Page, Volume } from '@hoso/domain';
import type { ImportRecord } from '../../db';
import { useT } from '../../i18n';
import { buildRows, type DossierRow } from './dossierRows';
import { DocumentHeader, type DocumentAction } from './DocumentHeader';
import { ocrRecordByDocument } from './documentOcr';
import { PageThumb, THUMB_H, THUMB_W } from './PageThumb';
import { dossierActions } from './useDossierActions';
import { dossierMessages } from './messages';

const GAP = 12;

/**
 * The whole dossier in one virtualized scroller (volumes → documents → page thumbnails), so a
 * 2 000-page case keeps only the visible rows in the DOM.
 */
export function DossierList(props: {
  volumes: Volume[];
  documents: CaseDocument[];
  pages: Page[];
  imports: ImportRecord[];
  onDocumentAction: (doc: CaseDocument, action: DocumentAction, next?: CaseDocument) => void;
  onAskDeletePage: (page: Page) => void;
  onFilesDropped: (files: File[], volumeId: string) => void;
}) {
  const t = useT(dossierMessages);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(900);
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => setWidth(entry.contentRect.width));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const perRow = Math.max(1, Math.floor((width - 48 + GAP) / (THUMB_W + 16 + GAP)));
  const rows = useMemo(
    () => buildRows(props.volumes, props.documents, props.pages, perRow),
    [props.volumes, props.documents, props.pages, perRow],
  );
  const recordByDoc = useMemo(() => ocrRecordByDocument(props.imports), [props.imports]);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => estimate(rows[i]),
    getItemKey: (i) => rows[i].key,
    overscan: 4,
  });

  const [dropVolume, setDropVolume] = useState<string | null>(null);

  return (
    <div
      ref={scrollRef}
      className="dossier-scroll"
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        const vol =
          (e.target as HTMLElement).closest<HTMLElement>('[data-volume]')?.dataset.volume ??
          props.volumes[0]?.id;
        if (vol !== dropVolume) setDropVolume(vol ?? null);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node)) setDropVolume(null);
      }}
      onDrop={(e) => {
        if (!e.dataTransfer.files.length) return;
        e.preventDefault();
        const vol =
          (e.target as HTMLElement).closest<HTMLElement>('[data-volume]')?.dataset.volume ??
          props.volumes[0]?.id;
        setDropVolume(null);
        if (vol) props.onFilesDropped([...e.dataTransfer.files], vol);
      }}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          const volumeId =
            row.kind === 'pages' ? row.doc.volumeId : row.kind === 'document' ? row.volume.id : row.volume.id;
          return (
            <div
              key={item.key}
              data-index={item.index}
              data-volume={volumeId}
              ref={virtualizer.measureElement}
              className={`dossier-row row-${row.kind}${dropVolume === volumeId ? ' drop-volume' : ''}`}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                right: 0,
                transform: `translateY(${item.start}px)`,
              }}
            >
              <Row
                row={row}
                volumes={props.volumes}
                record={row.kind === 'document' ? recordByDoc.get(row.doc.id) : undefined}
                onDocumentAction={props.onDocumentAction}
                onAskDeletePage={props.onAskDeletePage}
                allPages={props.pages}
              />
            </div>
          );
        })}
      </div>
      {dropVolume && (
        <div className="drop-overlay" aria-hidden="true">
          {t('dropHere', { volume: props.volumes.find((v) => v.id === dropVolume)?.name ?? '' })}
        </div>
      )}
    </div>
  );
}

function estimate(row: DossierRow): number {
  switch (row.kind) {
    case 'volume':
      return 56;
    case 'empty':
      return 64;
    case 'document':
      return 72;
    case 'pages':
      return THUMB_H + 56;
  }
}

// Memoized: scrolling re-renders the list on every frame, but a row only changes with its data.
const Row = memo(function Row(props: {
  row: DossierRow;
  volumes: Volume[];
  record?: ImportRecord;
  allPages: Page[];
  onDocumentAction: (doc: CaseDocument, action: DocumentAction, next?: CaseDocument) => void;
  onAskDeletePage: (page: Page) => void;
}) {
  const t = useT(dossierMessages);
  const { row } = props;
  const pageById = (id: string) => props.allPages.find((p) => p.id === id);
  switch (row.kind) {
    case 'volume':
      return (
        <h2 className="volume-head">
          <span>{row.volume.name}</span>
          <span className="muted">{t('volumePages', { docs: row.docCount, pages: row.pageCount })}</span>
        </h2>
      );
    case 'empty':
      return <p className="volume-empty">{t('emptyVolume')}</p>;
    case 'document':
      return (
        <DocumentHeader
          doc={row.doc}
          pages={row.pages}
          record={props.record}
          volumes={props.volumes}
          hasNext={!!row.next}
          onAction={(a) => props.onDocumentAction(row.doc, a, row.next)}
          onDropDocument={(id) => {
            const moving = row.doc.id !== id ? id : null;
            if (moving) void dossierActions.dropDocumentOn(moving, row.doc);
          }}
          onDropPage={(id) => void dossierActions.dropPageAtEnd(id, row.doc, row.pages.length)}
        />
      );
    case 'pages':
      return <PagesRow row={row} onAskDeletePage={props.onAskDeletePage} pageById={pageById} />;
  }
});

function PagesRow(props: {
  row: Extract<DossierRow, { kind: 'pages' }>;
  onAskDeletePage: (page: Page) => void;
  pageById: (id: string) => Page | undefined;
}) {
  const { row } = props;
  const docPageCount = row.first + row.pages.length;
  return (
    <div className="thumb-row" style={{ gap: GAP }}>
      {row.pages.map((page, i) => (
        <PageThumb
          key={page.id}
          page={page}
          index={row.first + i}
          onRotate={(d) => void dossierActions.rotate(page, d)}
          onDelete={() => props.onAskDeletePage(page)}
          onSplit={page.order > 0 ? () => void dossierActions.split(page) : undefined}
          onMove={(d) => void dossierActions.shiftPage(page, d, Math.max(docPageCount, page.order + 2))}
          onDropPage={(id) => {
            if (props.pageById(id)) void dossierActions.dropPageOn(id, page);
          }}
        />
      ))}
    </div>
  );
}
