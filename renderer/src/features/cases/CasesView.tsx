import { noteDeletion, noteRestore } from '../custody/notices';
import { useMemo, useState } from 'react';
import type { Case, ProceduralStage } from '@hoso/domain';
import { formatDate, useLocale, useT } from '../../i18n';
import { hrefFor, navigate } from '../../shared/router';
import { ConfirmDialog } from '../../shared/ConfirmDialog';
import { showToast } from '../../shared/toast';
import { BundleImportButton } from './BundleImportButton';
import { CaseForm } from './CaseForm';
import { chargeText, emptyDraft } from './caseDraft';
import { caseMatches, createCase, deleteCase, restoreCase, useCases } from '../../db';
import { caseMessages } from './messages';
import { STAGES, stageLabel } from './stages';
import './cases.css';

/** The case library: find a case by text or stage, create one, delete with undo. */
export default function CasesView() {
  const t = useT(caseMessages);
  const locale = useLocale();
  const cases = useCases();
  const [query, setQuery] = useState('');
  const [stage, setStage] = useState<ProceduralStage | ''>('');
  const [creating, setCreating] = useState(false);
  const [toDelete, setToDelete] = useState<Case | null>(null);

  const visible = useMemo(
    () => (cases ?? []).filter((c) => caseMatches(c, { text: query, stage: stage || undefined })),
    [cases, query, stage],
  );

  async function confirmDelete() {
    const c = toDelete;
    setToDelete(null);
    if (!c) return;
    await deleteCase(c.id);
    noteDeletion({ caseId: c.id, kind: 'case', ids: [c.id], label: `${c.number} ${c.name}` });
    showToast({
      tone: 'info',
      text: t('deleted', { name: c.name }),
      timeoutMs: 10_000,
      action: {
        label: t('undo'),
        run: () =>
          void restoreCase(c.id).then(() => {
            noteRestore({ caseId: c.id, kind: 'case', ids: [c.id], label: `${c.number} ${c.name}` });
            showToast({ tone: 'ok', text: t('restored', { name: c.name }) });
          }),
      },
    });
  }

  return (
    <section className="cases-view page" aria-labelledby="cases-title">
      <div className="page-head">
        <h1 id="cases-title">{t('title')}</h1>
        <BundleImportButton />
        <button type="button" className="primary" onClick={() => setCreating(true)} disabled={creating}>
          + {t('newCase')}
        </button>
      </div>

      {creating && (
        <div className="panel">
          <CaseForm
            initial={emptyDraft()}
            title={t('createTitle')}
            onCancel={() => setCreating(false)}
            onSave={async (fields) => {
              const c = await createCase(fields);
              setCreating(false);
              showToast({ tone: 'ok', text: t('saved', { name: c.name }) });
              navigate({ name: 'case', caseId: c.id });
            }}
          />
        </div>
      )}

      <div className="filters" role="search">
        <label className="grow">
          <span className="sr-only">{t('searchLabel')}</span>
          <input
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder={t('searchPlaceholder')}
            aria-label={t('searchLabel')}
          />
        </label>
        <label>
          <span className="sr-only">{t('stageFilter')}</span>
          <select
            value={stage}
            onChange={(e) => setStage(e.target.value as ProceduralStage | '')}
            aria-label={t('stageFilter')}
          >
            <option value="">{t('allStages')}</option>
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {stageLabel(s, locale)}
              </option>
            ))}
          </select>
        </label>
        <span className="muted" aria-live="polite">
          {t('count', { n: visible.length })}
        </span>
      </div>

      {cases && cases.length === 0 && !creating && <p className="empty">{t('empty')}</p>}
      {cases && cases.length > 0 && visible.length === 0 && <p className="empty">{t('noMatch')}</p>}
      {visible.length > 0 && (
        <table className="data-table cases-table">
          <thead>
            <tr>
              <th scope="col">{t('colNumber')}</th>
              <th scope="col">{t('colName')}</th>
              <th scope="col">{t('colCharges')}</th>
              <th scope="col">{t('colDefendants')}</th>
              <th scope="col">{t('colProsecutor')}</th>
              <th scope="col">{t('colStage')}</th>
              <th scope="col">{t('colUpdated')}</th>
              <th scope="col">
                <span className="sr-only">{t('colActions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {visible.map((c) => (
              <tr key={c.id}>
                <td className="nowrap">{c.number}</td>
                <td>
                  <a href={hrefFor({ name: 'case', caseId: c.id })} className="case-link">
                    {c.name}
                  </a>
                </td>
                <td>{c.charges.map((ch) => chargeText(ch, locale)).join('; ')}</td>
                <td>{c.defendants.map((d) => d.name).join(', ')}</td>
                <td>{c.prosecutor}</td>
                <td>
                  <span className={`stage-badge stage-${c.stage}`}>{stageLabel(c.stage, locale)}</span>
                </td>
                <td className="nowrap">{formatDate(c.updatedAt, locale)}</td>
                <td className="row-actions">
                  <a
                    className="button-link"
                    href={hrefFor({ name: 'case', caseId: c.id, tab: 'info' })}
                    aria-label={`${t('edit')} ${c.name}`}
                  >
                    {t('edit')}
                  </a>
                  <button
                    type="button"
                    className="danger"
                    onClick={() => setToDelete(c)}
                    aria-label={`${t('delete')} ${c.name}`}
                  >
                    {t('delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <ConfirmDialog
        open={toDelete !== null}
        title={t('deleteTitle', { name: toDelete?.name ?? '' })}
        confirmLabel={t('delete')}
        cancelLabel={t('cancel')}
        danger
        onConfirm={() => void confirmDelete()}
        onCancel={() => setToDelete(null)}
      >
        <p>{t('deleteBody')}</p>
      </ConfirmDialog>
    </section>
  );
}
