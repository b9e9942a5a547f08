import { useEffect, useState } from 'react';
import { navigate } from '../../shared/router';
import { useT } from '../../i18n';
import {
  createPresentation,
  deletePresentation,
  describeDbError,
  renamePresentation,
  usePresentation,
  usePresentations,
} from '../../db';
import { getLocale } from '../../i18n';
import { addRefToPresentation } from './data/presentations';
import { attempt } from '../../shared/attempt';
import { AddExhibitForm } from './lists/AddExhibitForm';
import { ExhibitList } from './lists/ExhibitList';
import { courtroomMessages } from './messages';
import './courtroom.css';

/** The case's presentation lists (danh mục trình chiếu): create, rename, delete, edit, present. */
export function PresentationsTab({ caseId }: { caseId: string }) {
  const t = useT(courtroomMessages);
  const lists = usePresentations(caseId);
  const [selected, setSelected] = useState<string | null>(null);
  const current = lists?.find((l) => l.id === selected) ?? lists?.[0];

  useEffect(() => {
    if (current && current.id !== selected) setSelected(current.id);
  }, [current, selected]);

  const create = async () => {
    const record = await createPresentation(caseId, t('newListName', { n: (lists?.length ?? 0) + 1 }));
    setSelected(record.id);
  };

  if (!lists) return <div className="loading" aria-busy="true" />;
  return (
    <section className="pl-tab" aria-label={t('presentations')}>
      <nav aria-label={t('presentations')}>
        <ul className="pl-lists">
          {lists.map((l) => (
            <li key={l.id}>
              <button
                type="button"
                className="pl-name"
                aria-current={l.id === current?.id ? 'true' : undefined}
                onClick={() => setSelected(l.id)}
              >
                {l.name}
              </button>
            </li>
          ))}
        </ul>
        <button type="button" onClick={() => void create()}>
          + {t('newList')}
        </button>
        {lists.length === 0 && <p className="pl-empty">{t('noLists')}</p>}
      </nav>
      {current && <ListEditor key={current.id} caseId={caseId} presentationId={current.id} />}
    </section>
  );
}

function ListEditor({ caseId, presentationId }: { caseId: string; presentationId: string }) {
  const t = useT(courtroomMessages);
  const loaded = usePresentation(presentationId);
  if (!loaded) return null;
  const { record, model } = loaded;
  return (
    <div>
      <div className="pl-head">
        <h2>{record.name}</h2>
        <span className="pl-kind">{t('exhibitCount', { n: model.exhibits.length })}</span>
        <button
          type="button"
          className="primary"
          disabled={model.exhibits.length === 0}
          onClick={() => navigate({ name: 'presenter', caseId, presentationId })}
        >
          ▶ {t('present')}
        </button>
        <button
          type="button"
          onClick={() => {
            const name = window.prompt(t('rename'), record.name);
            if (name) void renamePresentation(presentationId, name.normalize('NFC'));
          }}
        >
          {t('rename')}
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => {
            if (window.confirm(t('confirmDelete', { name: record.name })))
              void deletePresentation(presentationId);
          }}
        >
          {t('delete')}
        </button>
      </div>
      {loaded.damaged && (
        <p className="error-text" role="alert">
          {describeDbError(loaded.damaged, getLocale())}
        </p>
      )}
      <p className="pl-kind">{t('reorderHint')}</p>
      <ExhibitList presentationId={presentationId} model={model} />
      <AddExhibitForm
        caseId={caseId}
        onAdd={(ref) => void attempt(() => addRefToPresentation(presentationId, ref))}
      />
    </div>
  );
}

export default PresentationsTab;

// The dossier's document header loads the button from this module too.
export { AddToPresentationButton } from './AddToPresentationButton';
