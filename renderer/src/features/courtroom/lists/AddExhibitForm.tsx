import { useState } from 'react';
import { useT } from '../../../i18n';
import type { ExhibitRef } from '../data/drafts';
import { courtroomMessages } from '../messages';
import { useCaseSources } from './useCaseSources';
import { FormField } from '../../../shared/FormField';

/** Adds a page (by folio), a whole document or a mind map to the list, from the keyboard. */
export function AddExhibitForm({ caseId, onAdd }: { caseId: string; onAdd: (ref: ExhibitRef) => void }) {
  const t = useT(courtroomMessages);
  const sources = useCaseSources(caseId);
  const [pageId, setPageId] = useState('');
  const [documentId, setDocumentId] = useState('');
  const [mapId, setMapId] = useState('');
  if (!sources) return null;
  return (
    <fieldset className="pl-add">
      <legend>{t('addExhibit')}</legend>
      <FormField label={t('addPage')}>
        <select value={pageId} onChange={(e) => setPageId(e.target.value)} data-testid="add-page">
          <option value="">{t('choose')}</option>
          {sources.pages.map((p) => (
            <option key={p.id} value={p.id}>
              {p.folio !== undefined ? `BL ${p.folio} — ` : ''}
              {p.title}
            </option>
          ))}
        </select>
      </FormField>
      <button
        type="button"
        disabled={!pageId}
        onClick={() => {
          onAdd({ kind: 'page', caseId, pageId });
          setPageId('');
        }}
      >
        {t('add')}
      </button>
      <FormField label={t('addDocument')}>
        <select value={documentId} onChange={(e) => setDocumentId(e.target.value)} data-testid="add-document">
          <option value="">{t('choose')}</option>
          {sources.documents.map((d) => (
            <option key={d.id} value={d.id}>
              {d.title}
            </option>
          ))}
        </select>
      </FormField>
      <button
        type="button"
        disabled={!documentId}
        onClick={() => {
          onAdd({ kind: 'document', caseId, documentId });
          setDocumentId('');
        }}
      >
        {t('add')}
      </button>
      {sources.maps.length > 0 && (
        <>
          <FormField label={t('addMap')}>
            <select value={mapId} onChange={(e) => setMapId(e.target.value)} data-testid="add-map">
              <option value="">{t('choose')}</option>
              {sources.maps.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </FormField>
          <button
            type="button"
            disabled={!mapId}
            onClick={() => {
              onAdd({ kind: 'map', caseId, mapId });
              setMapId('');
            }}
          >
            {t('add')}
          </button>
        </>
      )}
    </fieldset>
  );
}
