import { useCallback, useEffect, useState } from 'react';
import {
  AUDIT_ACTIONS,
  type AuditAction,
  type AuditEntry,
  type AuditListing,
  type ExportResult,
} from '@hoso/contracts';
import { getBridge } from '../../bridge';
import { useLocale, useT } from '../../i18n';
import { hostErrorText } from '../../shared/hostErrors';
import { custodyMessages } from './messages';
import './custody.css';

/**
 * A case's nhật ký: the host's audit entries for it, newest first, with filters (action, dates,
 * text) and export as PDF or CSV. Read-only: nothing here can add or change an entry.
 */
export function AuditTab({ caseId, caseName }: { caseId: string; caseName: string }) {
  const t = useT(custodyMessages);
  const locale = useLocale();
  const [action, setAction] = useState<AuditAction | ''>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [text, setText] = useState('');
  const [listing, setListing] = useState<AuditListing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [exported, setExported] = useState<ExportResult | null>(null);

  const filter = useCallback(
    () => ({
      caseId,
      ...(action ? { actions: [action] } : {}),
      ...(from ? { from: new Date(`${from}T00:00:00`).toISOString() } : {}),
      ...(to ? { to: new Date(`${to}T23:59:59.999`).toISOString() } : {}),
      ...(text.trim() ? { text: text.trim() } : {}),
    }),
    [caseId, action, from, to, text],
  );

  useEffect(() => {
    let live = true;
    void getBridge()
      .listAudit(filter())
      .then((r) => {
        if (!live) return;
        if (r.ok) {
          setListing(r.value);
          setError(null);
        } else setError(hostErrorText(r.error, ''));
      });
    return () => {
      live = false;
    };
  }, [filter]);

  const labels = Object.fromEntries(AUDIT_ACTIONS.map((a) => [a, t(a)]));
  async function exportAs(format: 'pdf' | 'csv') {
    setExported(null);
    const r = await getBridge().exportAudit({
      format,
      fileName: `Nhat ky ${caseName}`,
      filter: filter(),
      title: t('title', { name: caseName }),
      headings: [t('colSeq'), t('colTime'), t('colAction'), t('colObject'), t('colFiles'), t('colPerson')],
      actionLabels: labels,
    });
    if (r.ok) setExported(r.value);
    else setError(hostErrorText(r.error, ''));
  }

  const entries = [...(listing?.entries ?? [])].reverse();
  return (
    <div className="panel audit-tab">
      <h2>{t('heading')}</h2>
      {listing && (
        <p className={listing.chain.ok ? 'audit-chain ok' : 'audit-chain broken'} role="status">
          {listing.chain.ok
            ? t('intact', { n: listing.chain.entries })
            : t('broken', { seq: listing.chain.seq, reason: listing.chain.reason })}
        </p>
      )}
      <div className="audit-filters">
        <label>
          <span>{t('action')}</span>
          <select value={action} onChange={(e) => setAction(e.target.value as AuditAction | '')}>
            <option value="">{t('allActions')}</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {labels[a]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('from')}</span>
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          <span>{t('to')}</span>
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <label>
          <span>{t('search')}</span>
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        <div className="audit-export">
          <button type="button" onClick={() => void exportAs('pdf')}>
            {t('exportPdf')}
          </button>
          <button type="button" onClick={() => void exportAs('csv')}>
            {t('exportCsv')}
          </button>
        </div>
      </div>
      {error && <p className="error-text">{error}</p>}
      {exported && (
        <p>
          <a href={exported.url} download={exported.fileName} className="download-link">
            {t('download', { name: exported.fileName })}
          </a>
        </p>
      )}
      {listing && entries.length === 0 && <p className="empty">{t('empty')}</p>}
      {entries.length > 0 && (
        <table className="audit-table">
          <thead>
            <tr>
              <th>{t('colSeq')}</th>
              <th>{t('colTime')}</th>
              <th>{t('colAction')}</th>
              <th>{t('colObject')}</th>
              <th>{t('colFiles')}</th>
              <th>{t('colPerson')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <AuditRow key={e.seq} entry={e} label={labels[e.action]} locale={locale} />
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function AuditRow({ entry, label, locale }: { entry: AuditEntry; label: string; locale: string }) {
  const detail = Object.entries(entry.detail ?? {})
    .filter(([, v]) => v !== null && v !== '')
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(' · ');
  return (
    <tr data-action={entry.action}>
      <td>{entry.seq}</td>
      <td>{new Date(entry.at).toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB')}</td>
      <td>{label}</td>
      <td className="audit-detail">
        {entry.page !== undefined && <span>tr. {entry.page + 1} </span>}
        {detail}
      </td>
      <td className="audit-files">
        {(entry.files ?? []).map((f) => (
          <div key={`${f.role}${f.sha256}`} title={f.sha256}>
            {f.name ? `${f.name} ` : ''}
            <code>{f.sha256.slice(0, 12)}…</code>
          </div>
        ))}
      </td>
      <td>
        {entry.userName} {entry.osUser && <span className="muted">({entry.osUser})</span>}
      </td>
    </tr>
  );
}
