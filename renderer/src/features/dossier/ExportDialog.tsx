import { useEffect, useRef, useState } from 'react';
import type { ExportResult, HostError } from '@hoso/contracts';
import type { Volume } from '@hoso/domain';
import { bundleFileHashes, describeDbError, exportCaseData } from '../../db';
import { getBridge } from '../../bridge';
import { defineMessages, getLocale, useT } from '../../i18n';
import { hostErrorText } from '../../shared/hostErrors';
import { ExportRedactionSection } from './ExportRedactionSection';
import { buildExport, safeFileName, type ExportScope } from './exportRequest';
import { ExportSignSection, type ExportSignature } from './ExportSignSection';
import { useExportRedactions } from './useExportRedactions';
import { FormField } from '../../shared/FormField';

export type { ExportScope };

const messages = defineMessages({
  vi: {
    title: 'Xuất hồ sơ',
    scope: 'Phạm vi',
    whole: 'Toàn bộ hồ sơ',
    volume: 'Tập: {name}',
    document: 'Tài liệu đang chọn',
    toc: 'Thêm trang mục lục',
    stamps: 'Đóng số bút lục (“BL n”) lên từng trang',
    exportPdf: 'Xuất PDF tìm kiếm được',
    working: 'Đang tạo tệp…',
    ready: 'Tệp đã sẵn sàng:',
    download: 'Tải xuống {name}',
    size: '{mb} MB',
    bundle: 'Sao lưu vụ án (.hoso)',
    bundleHint: 'Một tệp chứa bản gốc, dữ liệu và mã băm: dùng để sao lưu hoặc chuyển sang máy khác.',
    exportBundle: 'Xuất gói .hoso',
    bundlePassphrase: 'Mật khẩu của gói (không bắt buộc, ít nhất 8 ký tự)',
    bundlePassphraseHint: 'Gói được mã hóa; người nhập phải có mật khẩu này. HoSo không lưu mật khẩu.',
    close: 'Đóng',
    tocHeading: 'MỤC LỤC',
    colTitle: 'Tài liệu',
    colFolios: 'Bút lục',
    colPage: 'Trang',
    stale: 'Hồ sơ đã thay đổi từ lúc tìm vùng cần che. Hãy bấm “Tìm để xem lại” lần nữa rồi xuất.',
    redacted: 'Đã che thông tin trên {n} trang.',
    signedBy: 'Đã ký số: {name}.',
  },
  en: {
    title: 'Export dossier',
    scope: 'Scope',
    whole: 'Whole dossier',
    volume: 'Volume: {name}',
    document: 'Selected document',
    toc: 'Add a table of contents page',
    stamps: 'Stamp folio numbers (“BL n”) on pages',
    exportPdf: 'Export searchable PDF',
    working: 'Creating the file…',
    ready: 'The file is ready:',
    download: 'Download {name}',
    size: '{mb} MB',
    bundle: 'Case backup (.hoso)',
    bundleHint: 'One file with the originals, data and hashes: for backup or moving to another computer.',
    exportBundle: 'Export .hoso bundle',
    bundlePassphrase: 'Bundle passphrase (optional, at least 8 characters)',
    bundlePassphraseHint:
      'The bundle is encrypted; whoever imports it needs this passphrase. HoSo does not keep it.',
    close: 'Close',
    tocHeading: 'MỤC LỤC',
    colTitle: 'Document',
    colFolios: 'Folios',
    colPage: 'Page',
    stale: 'The dossier changed since the redaction search. Press “Find and review” again, then export.',
    redacted: 'Redacted on {n} pages.',
    signedBy: 'Signed by {name}.',
  },
});

/** PDF export (document / volume / dossier, with mục lục and folio stamps) and the case bundle. */
export function ExportDialog(props: {
  caseId: string;
  scope: ExportScope;
  volumes: Volume[];
  onScope: (scope: ExportScope) => void;
  onClose: () => void;
}) {
  const t = useT(messages);
  const ref = useRef<HTMLDialogElement>(null);
  const [toc, setToc] = useState(true);
  const [stamps, setStamps] = useState(true);
  const [bundlePassphrase, setBundlePassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ExportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const redactions = useExportRedactions(props.caseId, props.scope);
  const [sign, setSign] = useState<ExportSignature | null>(null);
  useEffect(() => {
    ref.current?.showModal();
  }, []);

  const scopeValue =
    props.scope.kind === 'dossier'
      ? 'dossier'
      : props.scope.kind === 'volume'
        ? `v:${props.scope.volumeId}`
        : 'document';

  async function run(
    work: () => Promise<{ ok: true; value: ExportResult } | { ok: false; error: HostError }>,
    fileName: string,
  ) {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const r = await work();
      if (r.ok) setResult(r.value);
      else setError(hostErrorText(r.error, fileName));
    } catch (e) {
      setError(describeDbError(e, getLocale()));
    } finally {
      setBusy(false);
    }
  }

  const exportPdf = () =>
    run(async () => {
      const { request, pageIds } = await buildExport(props.caseId, props.scope, {
        tableOfContents: toc,
        folioStamps: stamps,
        labels: { tocHeading: t('tocHeading'), tocColumns: [t('colTitle'), t('colFolios'), t('colPage')] },
      });
      const redacted = await redactions.redactionsFor(request.pages, pageIds);
      if (redacted === 'stale')
        return { ok: false, error: { code: 'REDACTION_STALE', message: 'redaction hits are out of date' } };
      return getBridge().exportPdf({
        ...request,
        caseId: props.caseId,
        scope: props.scope.kind,
        redactions: redacted,
        ...(sign ? { sign } : {}),
      });
    }, 'PDF');

  const exportBundle = () =>
    run(async () => {
      const data = await exportCaseData(props.caseId);
      const fileName = `${safeFileName(`${data.case.number} ${data.case.name}`)}.hoso`;
      return getBridge().exportBundle({
        fileName,
        caseData: data,
        fileHashes: bundleFileHashes(data),
        caseId: props.caseId,
        ...(bundlePassphrase ? { passphrase: bundlePassphrase.normalize('NFC') } : {}),
      });
    }, '.hoso');

  return (
    <dialog
      ref={ref}
      className="confirm-dialog export-dialog"
      aria-labelledby="export-title"
      onClose={props.onClose}
    >
      <h2 id="export-title">{t('title')}</h2>
      <div className="stack">
        <FormField label={t('scope')}>
          <select
            value={scopeValue}
            onChange={(e) => {
              const v = e.target.value;
              if (v === 'dossier') props.onScope({ kind: 'dossier' });
              else if (v.startsWith('v:')) props.onScope({ kind: 'volume', volumeId: v.slice(2) });
            }}
          >
            <option value="dossier">{t('whole')}</option>
            {props.volumes.map((v) => (
              <option key={v.id} value={`v:${v.id}`}>
                {t('volume', { name: v.name })}
              </option>
            ))}
            {props.scope.kind === 'document' && <option value="document">{t('document')}</option>}
          </select>
        </FormField>
        <label className="check">
          <input type="checkbox" checked={toc} onChange={(e) => setToc(e.target.checked)} />
          <span>{t('toc')}</span>
        </label>
        <label className="check">
          <input type="checkbox" checked={stamps} onChange={(e) => setStamps(e.target.checked)} />
          <span>{t('stamps')}</span>
        </label>
        <ExportRedactionSection redactions={redactions} disabled={busy} />
        <ExportSignSection onChange={setSign} />
        <div className="dialog-actions start">
          <button type="button" className="primary" onClick={() => void exportPdf()} disabled={busy}>
            {t('exportPdf')}
          </button>
        </div>
        <hr />
        <h3>{t('bundle')}</h3>
        <p className="muted">{t('bundleHint')}</p>
        <FormField
          label={t('bundlePassphrase')}
          hint={bundlePassphrase ? t('bundlePassphraseHint') : undefined}
        >
          <input
            type="password"
            autoComplete="new-password"
            value={bundlePassphrase}
            onChange={(e) => setBundlePassphrase(e.target.value)}
          />
        </FormField>
        <div className="dialog-actions start">
          <button
            type="button"
            onClick={() => void exportBundle()}
            disabled={busy || (bundlePassphrase.length > 0 && bundlePassphrase.length < 8)}
          >
            {t('exportBundle')}
          </button>
        </div>
        <div role="status" aria-live="polite" className="export-status">
          {busy && <span className="muted">{t('working')}</span>}
          {error && <p className="error-text">{error}</p>}
          {result && (
            <p>
              {t('ready')}{' '}
              <a href={result.url} download={result.fileName} className="download-link">
                {t('download', { name: result.fileName })}
              </a>{' '}
              <span className="muted">({t('size', { mb: (result.bytes / 1048576).toFixed(1) })})</span>
              {result.redactedPages ? <span> {t('redacted', { n: result.redactedPages })}</span> : null}
              {result.signedBy ? <span> {t('signedBy', { name: result.signedBy })}</span> : null}
            </p>
          )}
        </div>
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={props.onClose}>
          {t('close')}
        </button>
      </div>
    </dialog>
  );
}
