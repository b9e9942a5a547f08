import { useRef, useState } from 'react';
import { buildTemplate, layoutMap, parseMapFile, TEMPLATES, type TemplateId } from '@hoso/mindmap';
import { navigate } from '../../shared/router';
import { createMap, deleteMap, renameMap, useCase, useCaseMaps } from '../../db';
import { describeDbError } from '../../db/errors';
import { formatDate, useLocale, useT } from '../../i18n';
import { messages } from './messages';
import { installWorkerLayout } from './editor/layoutWorker';
import './mindmap.css';

installWorkerLayout();

/** The case's "Sơ đồ tư duy" tab: list, create (empty or from a template), rename, delete, import. */
export default function MapsTab({ caseId }: { caseId: string }) {
  const t = useT(messages);
  const locale = useLocale();
  const theCase = useCase(caseId);
  const maps = useCaseMaps(caseId);
  const [template, setTemplate] = useState<TemplateId>('evidence');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const create = async () => {
    setError(null);
    setBusy(true);
    try {
      const tpl = TEMPLATES.find((x) => x.id === template)!;
      const facts = theCase ?? { number: '', name: '', charges: [], defendants: [] };
      const model = await layoutMap(buildTemplate(template, facts), tpl.layout);
      const record = await createMap(caseId, name.trim() || tpl.name[locale], model);
      setName('');
      navigate({ name: 'map', caseId, mapId: record.id });
    } catch (e) {
      setError(describeDbError(e, locale));
    } finally {
      setBusy(false);
    }
  };

  const importFile = async (file: File) => {
    setError(null);
    const parsed = parseMapFile(await file.text());
    if (!parsed.ok) return setError(t('importFailed', { file: file.name, detail: parsed.error }));
    try {
      const record = await createMap(caseId, parsed.file.name, parsed.file.model);
      navigate({ name: 'map', caseId, mapId: record.id });
    } catch (e) {
      setError(describeDbError(e, locale));
    }
  };

  return (
    <section className="mm-maps" aria-label={t('maps')}>
      <form
        className="mm-create"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <label>
          {t('template')}
          <select
            value={template}
            onChange={(e) => setTemplate(e.target.value as TemplateId)}
            name="template"
          >
            {TEMPLATES.map((tpl) => (
              <option key={tpl.id} value={tpl.id}>
                {tpl.name[locale]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('mapName')}
          <input
            name="map-name"
            value={name}
            placeholder={TEMPLATES.find((x) => x.id === template)?.name[locale]}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {t('newMap')}
        </button>
        <button type="button" onClick={() => fileInput.current?.click()}>
          {t('importJson')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void importFile(f);
          }}
        />
      </form>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {maps && maps.length === 0 && <p className="mm-hint">{t('noMaps')}</p>}
      <ul className="mm-list">
        {maps?.map((m) => (
          <li key={m.id}>
            <a
              className="mm-map-name"
              href={`#/cases/${encodeURIComponent(caseId)}/maps/${encodeURIComponent(m.id)}`}
            >
              {m.name}
            </a>
            <span className="mm-map-meta">
              {t('nodes', { n: m.nodeCount })} · {t('updated', { date: formatDate(m.updatedAt, locale) })}
            </span>
            <RenameButton
              name={m.name}
              label={t('rename')}
              onRename={(next) =>
                void renameMap(m.id, next).catch((e) => setError(describeDbError(e, locale)))
              }
            />
            <button
              type="button"
              className="danger"
              onClick={() => {
                if (confirm(t('confirmDelete', { name: m.name })))
                  void deleteMap(m.id).catch((e) => setError(describeDbError(e, locale)));
              }}
            >
              {t('delete')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Inline rename (Electron has no window.prompt). Enter saves, Esc cancels. */
function RenameButton({
  name,
  label,
  onRename,
}: {
  name: string;
  label: string;
  onRename(next: string): void;
}) {
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(name);
  if (!editing)
    return (
      <button
        type="button"
        onClick={() => {
          setValue(name);
          setEditing(true);
        }}
      >
        {label}
      </button>
    );
  const done = (save: boolean) => {
    if (save && value.trim() && value.trim() !== name) onRename(value);
    setEditing(false);
  };
  return (
    <input
      autoFocus
      aria-label={label}
      value={value}
      onChange={(e) => setValue(e.target.value)}
      onBlur={() => done(true)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') done(true);
        if (e.key === 'Escape') done(false);
      }}
    />
  );
}
