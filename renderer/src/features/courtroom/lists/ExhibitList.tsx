import { useState } from 'react';
import {
  moveExhibit,
  removeExhibit,
  updateExhibit,
  type Exhibit,
  type PresentationModel,
} from '@hoso/domain';
import { useT } from '../../../i18n';
import { readEvidenceDrag, EVIDENCE_MIME } from '../../../shared/dnd';
import { changePresentation } from '../../../db';
import { addRefToPresentation } from '../data/presentations';
import { attempt } from '../../../shared/attempt';
import { courtroomMessages } from '../messages';
import { FIT_VIEW } from '../state/stage';
import { StagePane } from '../stage/StagePane';

const ROW_MIME = 'application/x-hoso-exhibit-row';

/**
 * The exhibits of one list: reorder by drag or Alt+↑/↓, edit label and private notes, remove.
 * Dossier evidence dragged from elsewhere in the app drops in at the row it is dropped on.
 */
export function ExhibitList({ presentationId, model }: { presentationId: string; model: PresentationModel }) {
  const t = useT(courtroomMessages);
  const [dragging, setDragging] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const [dropActive, setDropActive] = useState(false);
  const change = (fn: (m: PresentationModel) => PresentationModel) =>
    // A damaged list refuses the change (DAMAGED_RECORD): say so instead of failing silently.
    void attempt(() => changePresentation(presentationId, fn));

  const move = (from: number, to: number, focusId?: string) => {
    change((m) => moveExhibit(m, from, to));
    // Keep the keyboard user's focus on the row they moved.
    if (focusId) requestAnimationFrame(() => document.getElementById(`pl-label-${focusId}`)?.focus());
  };

  const onDrop = (e: React.DragEvent, at: number) => {
    e.preventDefault();
    setDropActive(false);
    setOver(null);
    const row = e.dataTransfer.getData(ROW_MIME);
    if (row !== '') {
      const from = Number(row);
      move(from, from < at ? at - 1 : at);
      return;
    }
    const ref = readEvidenceDrag(e.dataTransfer);
    if (ref) void attempt(() => addRefToPresentation(presentationId, ref, at));
  };

  const accepts = (e: React.DragEvent) =>
    e.dataTransfer.types.includes(ROW_MIME) || e.dataTransfer.types.includes(EVIDENCE_MIME);

  return (
    <ol
      className={`pl-exhibits${dropActive ? ' drop' : ''}`}
      aria-label={t('reorderHint')}
      data-testid="exhibit-list"
      onDragOver={(e) => {
        if (!accepts(e)) return;
        e.preventDefault();
        setDropActive(true);
      }}
      onDragLeave={() => setDropActive(false)}
      onDrop={(e) => onDrop(e, over ?? model.exhibits.length)}
    >
      {model.exhibits.length === 0 && <li className="pl-empty">{t('noExhibits')}</li>}
      {model.exhibits.map((e, i) => (
        <li
          key={e.id}
          className={`pl-exhibit${dragging === i ? ' dragging' : ''}${over === i && dragging !== i ? ' over' : ''}`}
          data-testid="exhibit-row"
          draggable
          onDragStart={(ev) => {
            ev.dataTransfer.setData(ROW_MIME, String(i));
            ev.dataTransfer.effectAllowed = 'move';
            setDragging(i);
          }}
          onDragEnd={() => {
            setDragging(null);
            setOver(null);
          }}
          onDragOver={(ev) => {
            if (!accepts(ev)) return;
            ev.preventDefault();
            setOver(i);
          }}
          onKeyDown={(ev) => {
            if (!ev.altKey) return;
            if (ev.key === 'ArrowUp' && i > 0) {
              ev.preventDefault();
              move(i, i - 1, e.id);
            } else if (ev.key === 'ArrowDown' && i < model.exhibits.length - 1) {
              ev.preventDefault();
              move(i, i + 1, e.id);
            }
          }}
        >
          <span className="pl-handle" aria-hidden="true">
            {i + 1}
            <br />
            ⋮⋮
          </span>
          <div className="pl-thumb">
            <StagePane
              exhibit={e}
              source={e.source}
              step={0}
              view={FIT_VIEW}
              callout={null}
              audience={false}
            />
          </div>
          <ExhibitFields exhibit={e} onChange={(fn) => change((m) => updateExhibit(m, e.id, fn))} />
          <div className="pl-actions">
            <button
              type="button"
              aria-label={`${t('moveUp')}: ${e.label}`}
              disabled={i === 0}
              onClick={() => move(i, i - 1)}
            >
              ↑
            </button>
            <button
              type="button"
              aria-label={`${t('moveDown')}: ${e.label}`}
              disabled={i === model.exhibits.length - 1}
              onClick={() => move(i, i + 1)}
            >
              ↓
            </button>
            <button
              type="button"
              className="danger"
              aria-label={`${t('remove')}: ${e.label}`}
              onClick={() => change((m) => removeExhibit(m, e.id))}
            >
              ✕
            </button>
          </div>
        </li>
      ))}
    </ol>
  );
}

function ExhibitFields({
  exhibit,
  onChange,
}: {
  exhibit: Exhibit;
  onChange: (fn: (e: Exhibit) => Exhibit) => void;
}) {
  const t = useT(courtroomMessages);
  const kind = {
    page: t('kindPage'),
    region: t('kindRegion'),
    image: t('kindImage'),
    document: t('kindDocument'),
    map: t('kindMap'),
  }[exhibit.source.kind];
  return (
    <div className="pl-fields">
      <span className="pl-kind">
        {kind}
        {exhibit.folio !== undefined ? ` · BL ${exhibit.folio}` : ''}
        {exhibit.redactions.length ? ` · ${t('redactions', { n: exhibit.redactions.length })}` : ''}
      </span>
      <input
        id={`pl-label-${exhibit.id}`}
        aria-label={t('label')}
        defaultValue={exhibit.label}
        key={`l-${exhibit.label}`}
        onBlur={(ev) => {
          const label = ev.target.value.trim().normalize('NFC');
          if (label && label !== exhibit.label) onChange((e) => ({ ...e, label }));
        }}
        onKeyDown={(ev) => ev.key === 'Enter' && (ev.target as HTMLInputElement).blur()}
      />
      <textarea
        aria-label={t('notes')}
        placeholder={t('notes')}
        defaultValue={exhibit.notes}
        key={`n-${exhibit.notes}`}
        onBlur={(ev) => {
          const notes = ev.target.value.normalize('NFC');
          if (notes !== exhibit.notes) onChange((e) => ({ ...e, notes }));
        }}
      />
      <label className="pl-kind pl-check">
        <input
          type="checkbox"
          checked={exhibit.stamp}
          onChange={(ev) => {
            const stamp = ev.target.checked;
            onChange((e) => ({ ...e, stamp }));
          }}
        />{' '}
        {t('stamp')}
      </label>
    </div>
  );
}
