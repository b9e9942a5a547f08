import { useEffect, useRef, useState } from 'react';
import type { CaseDocument, Page } from '@hoso/domain';
import {
  createVolume,
  renumberFolios,
  useDocuments,
  useImports,
  usePages,
  useVolumes,
  type ImportRecord,
} from '../../db';
import { getBridge } from '../../bridge';
import { useT } from '../../i18n';
import { ConfirmDialog } from '../../shared/ConfirmDialog';
import { dismissToastKey, showToast } from '../../shared/toast';
import { DossierList } from './DossierList';
import { DocumentDialog } from './DocumentDialog';
import { ExportDialog, type ExportScope } from './ExportDialog';
import type { DocumentAction } from './DocumentHeader';
import { importFiles } from './importFiles';
import { dossierMessages } from './messages';
import { attempt, dossierActions } from './useDossierActions';
import { useQuestion } from './useQuestion';
import { ScanDialog } from './ScanDialog';
import { WatchFolderToggle } from './WatchFolderToggle';
import { ocrRecordByDocument } from './documentOcr';

/** "Nhận dạng chữ: 4/5 tài liệu xong, 1 lỗi" — the dossier's OCR at a glance. */
function OcrSummary({
  caseId,
  documentIds,
  imports,
}: {
  caseId: string;
  documentIds: string[];
  imports: ImportRecord[];
}) {
  const t = useT(dossierMessages);
  const byDoc = ocrRecordByDocument(imports);
  const mine = documentIds.flatMap((id) => byDoc.get(id) ?? []);
  const done = mine.filter((r) => r.state === 'done').length;
  const failed = mine.filter((r) => r.state === 'failed').length;
  // "… đang nhận dạng chữ" is over once nothing is left to recognize.
  const running = mine.length - done - failed;
  useEffect(() => {
    if (running === 0) dismissToastKey(ocrToastKey(caseId));
  }, [running, caseId]);
  return (
    <span className="muted ocr-summary" data-done={done} data-failed={failed} data-total={mine.length}>
      {t('ocrSummary', { done, total: mine.length })}
      {failed > 0 && t('ocrSummaryFailed', { n: failed })}
    </span>
  );
}

const ocrToastKey = (caseId: string) => `ocr-running:${caseId}`;

const ACCEPT = 'image/jpeg,image/png,image/tiff,application/pdf,.jpg,.jpeg,.png,.tif,.tiff,.pdf';

/** Hồ sơ tab: import, organize, number and export the case's pages. */
export function DossierTab({ caseId }: { caseId: string }) {
  const t = useT(dossierMessages);
  const volumes = useVolumes(caseId);
  const documents = useDocuments({ caseId });
  const pages = usePages({ caseId });
  const imports = useImports(caseId);
  const [targetVolume, setTargetVolume] = useState<string>('');
  const [status, setStatus] = useState('');
  const [scanOpen, setScanOpen] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const { ask, dialog } = useQuestion();
  const [editing, setEditing] = useState<CaseDocument | null>(null);
  const [exporting, setExporting] = useState<ExportScope | null>(null);
  const [deletingDoc, setDeletingDoc] = useState<{ doc: CaseDocument; n: number } | null>(null);
  const [deletingPage, setDeletingPage] = useState<Page | null>(null);
  const [renumbering, setRenumbering] = useState(false);

  if (!volumes || !documents || !pages || !imports) return <div className="loading" aria-busy="true" />;
  const volumeId = targetVolume && volumes.some((v) => v.id === targetVolume) ? targetVolume : volumes[0]?.id;

  async function runImport(files: File[], intoVolume: string) {
    if (files.length === 0) return;
    const outcome = await importFiles(
      getBridge(),
      files,
      { caseId, volumeId: intoVolume },
      (name, folios) =>
        ask({
          title: t('dupTitle', { name }),
          body: t('dupBody', { folios: folios.length ? t('dupFolios', { list: folios.join(', ') }) : '' }),
          confirm: t('dupImport'),
          cancel: t('dupSkip'),
        }),
      (done, total, name) => setStatus(done < total ? t('importing', { name, done: done + 1, total }) : ''),
    );
    if (outcome.imported.length)
      showToast({
        tone: 'ok',
        text: t('importDone', { n: outcome.imported.length }),
        key: ocrToastKey(caseId),
      });
    if (outcome.skipped.length)
      showToast({ tone: 'info', text: t('importSkipped', { n: outcome.skipped.length }) });
    for (const message of outcome.failed) showToast({ tone: 'error', text: message });
  }

  function onDocumentAction(doc: CaseDocument, action: DocumentAction, next?: CaseDocument) {
    if (action === 'edit') setEditing(doc);
    else if (action === 'export') setExporting({ kind: 'document', documentId: doc.id });
    else if (action === 'delete')
      setDeletingDoc({ doc, n: pages!.filter((p) => p.documentId === doc.id).length });
    else if (action === 'merge-next' && next) void dossierActions.mergeNext(doc, next);
    else if (typeof action === 'object' && 'moveTo' in action)
      void dossierActions.moveToVolume(doc, action.moveTo);
    else if (typeof action === 'object' && 'shift' in action)
      void dossierActions.shiftDocument(doc, action.shift);
  }

  return (
    <div className="dossier-tab">
      <div className="toolbar" role="toolbar" aria-label={t('tabDossier')}>
        <button type="button" className="primary" onClick={() => fileInput.current?.click()}>
          {t('importFiles')}
        </button>
        <input
          ref={fileInput}
          type="file"
          multiple
          accept={ACCEPT}
          hidden
          data-testid="import-input"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            if (volumeId) void runImport(files, volumeId);
          }}
        />
        <button type="button" onClick={() => setScanOpen(true)} disabled={volumes.length === 0}>
          {t('scanFiles')}
        </button>
        <label className="inline-label">
          <span>{t('importInto')}</span>
          <select value={volumeId} onChange={(e) => setTargetVolume(e.target.value)}>
            {volumes.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          onClick={() =>
            void attempt(() => createVolume(caseId, t('newVolumeName', { n: volumes.length + 1 })))
          }
        >
          + {t('addVolume')}
        </button>
        <span className="toolbar-spacer" />
        <button type="button" onClick={() => setRenumbering(true)} disabled={pages.length === 0}>
          {t('renumber')}
        </button>
        <button type="button" onClick={() => setExporting({ kind: 'dossier' })} disabled={pages.length === 0}>
          {t('export')}
        </button>
      </div>
      <div className="toolbar-sub">
        <WatchFolderToggle caseId={caseId} />
        {documents.length > 0 && (
          <OcrSummary caseId={caseId} documentIds={documents.map((d) => d.id)} imports={imports} />
        )}
        <span className="muted" role="status" aria-live="polite">
          {status}
        </span>
      </div>
      {scanOpen && (
        <ScanDialog
          caseId={caseId}
          volumes={volumes}
          volumeId={volumeId}
          onClose={() => setScanOpen(false)}
        />
      )}
      {pages.length === 0 && <p className="drop-hint">{t('dropHint')}</p>}
      <DossierList
        volumes={volumes}
        documents={documents}
        pages={pages}
        imports={imports}
        onDocumentAction={onDocumentAction}
        onAskDeletePage={setDeletingPage}
        onFilesDropped={(files, vol) => void runImport(files, vol)}
      />

      {dialog}
      {editing && <DocumentDialog doc={editing} onClose={() => setEditing(null)} />}
      {exporting && (
        <ExportDialog
          caseId={caseId}
          scope={exporting}
          volumes={volumes}
          onScope={setExporting}
          onClose={() => setExporting(null)}
        />
      )}
      <ConfirmDialog
        open={deletingDoc !== null}
        title={t('deleteDocTitle', { title: deletingDoc?.doc.title ?? '' })}
        confirmLabel={t('delete')}
        cancelLabel={t('cancel')}
        danger
        onCancel={() => setDeletingDoc(null)}
        onConfirm={() => {
          const d = deletingDoc;
          setDeletingDoc(null);
          if (d) void dossierActions.deleteDocument(d.doc);
        }}
      >
        <p>{t('deleteDocBody', { n: deletingDoc?.n ?? 0 })}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={deletingPage !== null}
        title={t('deletePageTitle', { label: deletingPage?.folio ? `BL ${deletingPage.folio}` : '' })}
        confirmLabel={t('delete')}
        cancelLabel={t('cancel')}
        danger
        onCancel={() => setDeletingPage(null)}
        onConfirm={() => {
          const p = deletingPage;
          setDeletingPage(null);
          if (p) void dossierActions.deletePage(p);
        }}
      />
      <ConfirmDialog
        open={renumbering}
        title={t('renumberTitle')}
        confirmLabel={t('renumber')}
        cancelLabel={t('cancel')}
        onCancel={() => setRenumbering(false)}
        onConfirm={() => {
          setRenumbering(false);
          void attempt(async () => {
            const n = await renumberFolios(caseId);
            showToast({ tone: 'ok', text: t('renumbered', { n }) });
          });
        }}
      >
        <p>{t('renumberBody')}</p>
      </ConfirmDialog>
    </div>
  );
}
