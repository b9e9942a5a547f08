import { useId, useState, type FormEvent } from 'react';
import { useLocale, useT } from '../../i18n';
import { caseFromDraft, type CaseDraft, type CaseFields, type DraftError } from './caseDraft';
import { caseMessages } from './messages';
import { STAGES, stageLabel } from './stages';
import { FormField } from '../../shared/FormField';

/** Create/edit form of a case. Repeating groups (charges, defendants, dates) are table-like rows. */
export function CaseForm(props: {
  initial: CaseDraft;
  title: string;
  onSave: (fields: CaseFields) => Promise<void> | void;
  onCancel?: () => void;
}) {
  const t = useT(caseMessages);
  const locale = useLocale();
  const id = useId();
  const [draft, setDraft] = useState<CaseDraft>(props.initial);
  const [error, setError] = useState<DraftError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof CaseDraft>(key: K, value: CaseDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const setRow = <K extends 'charges' | 'defendants' | 'keyDates'>(
    key: K,
    index: number,
    patch: Partial<CaseDraft[K][number]>,
  ) => setDraft((d) => ({ ...d, [key]: d[key].map((row, i) => (i === index ? { ...row, ...patch } : row)) }));
  const removeRow = (key: 'charges' | 'defendants' | 'keyDates', index: number) =>
    setDraft((d) => ({ ...d, [key]: d[key].filter((_, i) => i !== index) }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const result = caseFromDraft(draft);
    if (!result.ok) {
      setError(result.error);
      document.getElementById(`${id}-${result.error.field}${result.error.index ?? ''}`)?.focus();
      return;
    }
    setError(null);
    setBusy(true);
    try {
      await props.onSave(result.value);
    } finally {
      setBusy(false);
    }
  }

  const errorText =
    error?.field === 'number'
      ? t('required', { field: t('number').toLowerCase() })
      : error?.field === 'name'
        ? t('required', { field: t('name').toLowerCase() })
        : error?.field === 'article'
          ? t('articleInvalid')
          : null;

  return (
    <form className="case-form" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`}>{props.title}</h2>
      {errorText && (
        <p className="error-text" role="alert">
          {errorText}
        </p>
      )}
      <div className="form-grid">
        <FormField label={`${t('number')} *`}>
          <input
            id={`${id}-number`}
            value={draft.number}
            onChange={(e) => set('number', e.target.value)}
            aria-invalid={error?.field === 'number'}
            placeholder="12/2025/HS"
          />
        </FormField>
        <FormField label={`${t('name')} *`} className="span-2">
          <input
            id={`${id}-name`}
            value={draft.name}
            onChange={(e) => set('name', e.target.value)}
            aria-invalid={error?.field === 'name'}
          />
        </FormField>
        <FormField label={t('prosecutor')}>
          <input value={draft.prosecutor} onChange={(e) => set('prosecutor', e.target.value)} />
        </FormField>
        <FormField label={t('stage')}>
          <select value={draft.stage} onChange={(e) => set('stage', e.target.value as CaseDraft['stage'])}>
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {stageLabel(s, locale)}
              </option>
            ))}
          </select>
        </FormField>
      </div>

      <fieldset>
        <legend>{t('charges')}</legend>
        {draft.charges.map((ch, i) => (
          <div className="form-row" key={i}>
            <FormField label={t('article')} className="narrow">
              <input
                id={`${id}-article${i}`}
                inputMode="numeric"
                value={ch.article}
                onChange={(e) => setRow('charges', i, { article: e.target.value })}
                aria-invalid={error?.field === 'article' && error.index === i}
              />
            </FormField>
            <FormField label={t('clause')} className="narrow">
              <input
                inputMode="numeric"
                value={ch.clause}
                onChange={(e) => setRow('charges', i, { clause: e.target.value })}
              />
            </FormField>
            <FormField label={t('point')} className="narrow">
              <input value={ch.point} onChange={(e) => setRow('charges', i, { point: e.target.value })} />
            </FormField>
            <FormField label={t('chargeName')} className="grow">
              <input value={ch.name} onChange={(e) => setRow('charges', i, { name: e.target.value })} />
            </FormField>
            <button
              type="button"
              className="icon"
              aria-label={t('remove')}
              onClick={() => removeRow('charges', i)}
            >
              ×
            </button>
          </div>
        ))}
        <button
          type="button"
          onClick={() => set('charges', [...draft.charges, { article: '', clause: '', point: '', name: '' }])}
        >
          + {t('addCharge')}
        </button>
      </fieldset>

      <fieldset>
        <legend>{t('defendants')}</legend>
        {draft.defendants.map((d, i) => (
          <div className="form-row" key={i}>
            <FormField label={t('defendantName')} className="grow">
              <input value={d.name} onChange={(e) => setRow('defendants', i, { name: e.target.value })} />
            </FormField>
            <FormField label={t('birthYear')} className="narrow">
              <input
                inputMode="numeric"
                value={d.birthYear}
                onChange={(e) => setRow('defendants', i, { birthYear: e.target.value })}
              />
            </FormField>
            <FormField label={t('role')}>
              <select
                value={d.role}
                onChange={(e) => setRow('defendants', i, { role: e.target.value as 'bi-can' | 'bi-cao' })}
              >
                <option value="bi-can">{t('biCan')}</option>
                <option value="bi-cao">{t('biCao')}</option>
              </select>
            </FormField>
            <button
              type="button"
              className="icon"
              aria-label={t('remove')}
              onClick={() => removeRow('defendants', i)}
            >
              ×
            </button>
          </div>
        ))}
        <button
          type="button"
          onClick={() =>
            set('defendants', [...draft.defendants, { name: '', birthYear: '', role: 'bi-can' }])
          }
        >
          + {t('addDefendant')}
        </button>
      </fieldset>

      <fieldset>
        <legend>{t('keyDates')}</legend>
        {draft.keyDates.map((k, i) => (
          <div className="form-row" key={i}>
            <FormField label={t('dateLabel')} className="grow">
              <input value={k.label} onChange={(e) => setRow('keyDates', i, { label: e.target.value })} />
            </FormField>
            <FormField label={t('date')}>
              <input
                type="date"
                value={k.date}
                onChange={(e) => setRow('keyDates', i, { date: e.target.value })}
              />
            </FormField>
            <button
              type="button"
              className="icon"
              aria-label={t('remove')}
              onClick={() => removeRow('keyDates', i)}
            >
              ×
            </button>
          </div>
        ))}
        <button
          type="button"
          onClick={() =>
            set('keyDates', [
              ...draft.keyDates,
              { label: draft.keyDates.length ? '' : t('defaultDate1'), date: '' },
            ])
          }
        >
          + {t('addDate')}
        </button>
      </fieldset>

      <div className="form-actions">
        {props.onCancel && (
          <button type="button" onClick={props.onCancel}>
            {t('cancel')}
          </button>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {t('save')}
        </button>
      </div>
    </form>
  );
}
