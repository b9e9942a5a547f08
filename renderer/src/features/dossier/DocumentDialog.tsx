import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { CaseDocument, DocumentType } from '@hoso/domain';
import { updateDocument } from '../../db';
import { useT } from '../../i18n';
import { DOC_TYPES } from './docTypes';
import { dossierMessages } from './messages';
import { attempt } from './useDossierActions';

/** Metadata of one document. Values detected from OCR are already filled in by the data layer. */
export function DocumentDialog({ doc, onClose }: { doc: CaseDocument; onClose: () => void }) {
  const t = useT(dossierMessages);
  const ref = useRef<HTMLDialogElement>(null);
  const [form, setForm] = useState({
    type: doc.type,
    title: doc.title,
    number: doc.number ?? '',
    date: doc.date ?? '',
    issuer: doc.issuer ?? '',
  });
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  const prefilled = (doc.editedFields ?? []).length === 0 && (doc.number || doc.date || doc.issuer);
  const set = (k: keyof typeof form, v: string) => setForm((f) => ({ ...f, [k]: v }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    // Only changed fields are sent: the data layer marks them as typed by the user.
    const patch = Object.fromEntries(
      Object.entries(form).filter(
        ([k, v]) => v !== ((doc as unknown as Record<string, string | undefined>)[k] ?? ''),
      ),
    );
    if (await attempt(() => updateDocument(doc.id, patch))) onClose();
  }

  return (
    <dialog
      ref={ref}
      className="confirm-dialog doc-dialog"
      aria-labelledby="doc-dialog-title"
      onClose={onClose}
    >
      <form onSubmit={submit} className="stack">
        <h2 id="doc-dialog-title">{t('metaTitle')}</h2>
        {prefilled && <p className="muted">{t('metaPrefilled')}</p>}
        <label>
          <span>{t('docType')}</span>
          <select value={form.type} onChange={(e) => set('type', e.target.value as DocumentType)}>
            {DOC_TYPES.map((d) => (
              <option key={d.type} value={d.type}>
                {t(d.key)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('docTitle')}</span>
          <input value={form.title} onChange={(e) => set('title', e.target.value)} required />
        </label>
        <div className="form-row">
          <label className="grow">
            <span>{t('docNumber')}</span>
            <input
              value={form.number}
              onChange={(e) => set('number', e.target.value)}
              placeholder="127/QĐ-VKS"
            />
          </label>
          <label>
            <span>{t('docDate')}</span>
            <input type="date" value={form.date} onChange={(e) => set('date', e.target.value)} />
          </label>
        </div>
        <label>
          <span>{t('docIssuer')}</span>
          <input value={form.issuer} onChange={(e) => set('issuer', e.target.value)} />
        </label>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="submit" className="primary">
            {t('save')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
