import {
  newId,
  PersonRoleSchema,
  setEvidenceStance,
  StanceSchema,
  toggleElementEvidence,
  updateEdge,
  updateNode,
  type EdgeKind,
  type MapModel,
  type MapNode,
  type ProvisionNode,
} from '@hoso/mindmap';
import { useT } from '../../../i18n';
import { messages } from '../messages';
import { openLink } from './openLink';
import type { ReactNode } from 'react';

type Commit = (edit: (m: MapModel) => MapModel, merge?: string) => void;

export interface InspectorProps {
  caseId: string;
  model: MapModel;
  selectedIds: string[];
  selectedEdge?: string;
  commit: Commit;
  onDelete(): void;
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="mm-field">
      <span>{label}</span>
      {children}
    </label>
  );
}

const ROLE_KEYS = PersonRoleSchema.options;
const ROLE_VI: Record<(typeof ROLE_KEYS)[number], string> = {
  'bi-can': 'Bị can',
  'bi-cao': 'Bị cáo',
  'bi-hai': 'Bị hại',
  'nguoi-lam-chung': 'Người làm chứng',
  'nguoi-lien-quan': 'Người có quyền lợi, nghĩa vụ liên quan',
};

/** Side panel editing the selected node or link; every keystroke is saved, one undo step per field. */
export function Inspector(p: InspectorProps) {
  const t = useT(messages);
  const node = p.selectedIds.length === 1 ? p.model.nodes.find((n) => n.id === p.selectedIds[0]) : undefined;
  const edge = !node && p.selectedEdge ? p.model.edges.find((e) => e.id === p.selectedEdge) : undefined;

  const set = (n: MapNode, field: string, value: unknown) =>
    p.commit((m) => updateNode(m, n.id, { [field]: value } as Partial<MapNode>), `${n.id}:${field}`);
  const text = (n: MapNode, field: string, label: string, value: string | undefined, multiline = false) => (
    <Field label={label}>
      {multiline ? (
        <textarea
          rows={3}
          value={value ?? ''}
          onChange={(e) => set(n, field, e.target.value.normalize('NFC') || undefined)}
        />
      ) : (
        <input value={value ?? ''} onChange={(e) => set(n, field, e.target.value.normalize('NFC'))} />
      )}
    </Field>
  );
  const num = (n: MapNode, field: string, label: string, value: number | undefined) => (
    <Field label={label}>
      <input
        type="number"
        value={value ?? ''}
        onChange={(e) =>
          set(n, field, e.target.value === '' ? undefined : Math.trunc(Number(e.target.value)))
        }
      />
    </Field>
  );

  let body: ReactNode;
  if (edge) {
    body = (
      <>
        <Field label={t('edgeKind')}>
          <select
            value={edge.kind}
            onChange={(e) => p.commit((m) => updateEdge(m, edge.id, { kind: e.target.value as EdgeKind }))}
          >
            {(['proves', 'contradicts', 'relates', 'precedes'] as const).map((k) => (
              <option key={k} value={k}>
                {t(k)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('label')}>
          <input
            value={edge.label ?? ''}
            placeholder={t(edge.kind)}
            onChange={(e) =>
              p.commit(
                (m) => updateEdge(m, edge.id, { label: e.target.value.normalize('NFC') || undefined }),
                `${edge.id}:label`,
              )
            }
          />
        </Field>
      </>
    );
  } else if (node) {
    body = <NodeForm node={node} {...p} text={text} num={num} set={set} />;
  } else if (p.selectedIds.length > 1) {
    body = <p>{t('selectedMany', { n: p.selectedIds.length })}</p>;
  } else {
    body = <p className="mm-hint">{t('nothingSelected')}</p>;
  }

  return (
    <aside className="mm-inspector" aria-label={t('inspector')}>
      <h2>{t('inspector')}</h2>
      {body}
      {(node || edge || p.selectedIds.length > 1) && (
        <button type="button" className="danger" onClick={p.onDelete}>
          {t('deleteSelected')}
        </button>
      )}
    </aside>
  );
}

type FormProps = InspectorProps & {
  node: MapNode;
  text(n: MapNode, field: string, label: string, value: string | undefined, multiline?: boolean): ReactNode;
  num(n: MapNode, field: string, label: string, value: number | undefined): ReactNode;
  set(n: MapNode, field: string, value: unknown): void;
};

function NodeForm({ node: n, text, num, set, ...p }: FormProps) {
  const t = useT(messages);
  const pinned = (
    <label className="mm-check">
      <input
        type="checkbox"
        checked={Boolean(n.pinned)}
        onChange={(e) => set(n, 'pinned', e.target.checked || undefined)}
      />{' '}
      {t('pinned')}
    </label>
  );
  switch (n.kind) {
    case 'person':
      return (
        <>
          {text(n, 'name', t('name'), n.name)}
          <Field label={t('role')}>
            <select value={n.role} onChange={(e) => set(n, 'role', e.target.value)}>
              {ROLE_KEYS.map((r) => (
                <option key={r} value={r}>
                  {ROLE_VI[r]}
                </option>
              ))}
            </select>
          </Field>
          {num(n, 'birthYear', t('birthYear'), n.birthYear)}
          {text(n, 'note', t('noteText'), n.note, true)}
          <p className="mm-hint">{t('photoHint')}</p>
          {n.photo && (
            <button type="button" onClick={() => set(n, 'photo', undefined)}>
              {t('removePhoto')}
            </button>
          )}
          {pinned}
        </>
      );
    case 'event': {
      const [date, time] = (n.date ?? '').split('T');
      return (
        <>
          {text(n, 'title', t('title'), n.title)}
          <Field label={t('date')}>
            <input
              type="date"
              value={date ?? ''}
              onChange={(e) =>
                set(n, 'date', e.target.value ? `${e.target.value}${time ? `T${time}` : ''}` : undefined)
              }
            />
          </Field>
          <Field label={t('time')}>
            <input
              type="time"
              value={time ?? ''}
              disabled={!date}
              onChange={(e) => set(n, 'date', `${date}${e.target.value ? `T${e.target.value}` : ''}`)}
            />
          </Field>
          {text(n, 'place', t('place'), n.place)}
          {text(n, 'description', t('description'), n.description, true)}
          {pinned}
        </>
      );
    }
    case 'evidence':
      return (
        <>
          {text(n, 'title', t('title'), n.title)}
          <Field label={t('stance')}>
            <select
              value={n.stance}
              onChange={(e) => {
                const stance = StanceSchema.parse(e.target.value);
                p.commit((m) => setEvidenceStance(m, n.id, stance));
              }}
            >
              {(['for', 'against', 'neutral'] as const).map((s) => (
                <option key={s} value={s}>
                  {t(s)}
                </option>
              ))}
            </select>
          </Field>
          {text(n, 'note', t('noteText'), n.note, true)}
          <button
            type="button"
            onClick={() => openLink(p.caseId, n.link)}
            disabled={!n.link.pageId || n.link.pageId === 'none'}
          >
            {t('openPage')}
          </button>
          {pinned}
        </>
      );
    case 'provision':
      return (
        <ProvisionForm
          node={n}
          model={p.model}
          commit={p.commit}
          text={text}
          num={num}
          set={set}
          pinned={pinned}
        />
      );
    case 'note':
      return (
        <>
          <Field label={t('tone')}>
            <select value={n.tone} onChange={(e) => set(n, 'tone', e.target.value)}>
              <option value="topic">{t('topic')}</option>
              <option value="note">{t('note')}</option>
              <option value="issue">{t('issue')}</option>
            </select>
          </Field>
          {text(n, 'title', t('title'), n.title)}
          {text(n, 'text', t('noteText'), n.text, true)}
          {pinned}
        </>
      );
    case 'group':
      return (
        <>
          {text(n, 'title', t('title'), n.title)}
          {pinned}
        </>
      );
  }
}

function ProvisionForm(props: {
  node: ProvisionNode;
  model: MapModel;
  commit: Commit;
  text: FormProps['text'];
  num: FormProps['num'];
  set: FormProps['set'];
  pinned: ReactNode;
}) {
  const { node: n, model, commit, text, num, set } = props;
  const t = useT(messages);
  const evidence = model.nodes.filter((x) => x.kind === 'evidence');
  const setElements = (elements: ProvisionNode['elements'], merge?: string) =>
    commit((m) => updateNode<ProvisionNode>(m, n.id, { elements }), merge);
  return (
    <>
      <Field label={t('code')}>
        <select value={n.code} onChange={(e) => set(n, 'code', e.target.value)}>
          <option value="BLHS">BLHS</option>
          <option value="BLTTHS">BLTTHS</option>
        </select>
      </Field>
      <div className="mm-row">
        {num(n, 'article', t('article'), n.article)}
        {num(n, 'clause', t('clause'), n.clause)}
        {text(n, 'point', t('point'), n.point)}
      </div>
      {text(n, 'title', t('title'), n.title)}
      <fieldset className="mm-elements-form">
        <legend>{t('elements')}</legend>
        {n.elements.map((el, i) => (
          <div key={el.id} className="mm-element">
            <input
              value={el.text}
              aria-label={`${t('elements')} ${i + 1}`}
              onChange={(e) =>
                setElements(
                  n.elements.map((x) =>
                    x.id === el.id ? { ...x, text: e.target.value.normalize('NFC') } : x,
                  ),
                  `${n.id}:el:${el.id}`,
                )
              }
            />
            <button
              type="button"
              aria-label={t('delete')}
              onClick={() => setElements(n.elements.filter((x) => x.id !== el.id))}
            >
              ×
            </button>
            <div className="mm-proof">
              <span>{t('provedBy')}</span>
              {evidence.length === 0 && <em>{t('noEvidence')}</em>}
              {evidence.map((ev) => (
                <label key={ev.id} className="mm-check">
                  <input
                    type="checkbox"
                    checked={el.evidenceIds.includes(ev.id)}
                    onChange={() => commit((m) => toggleElementEvidence(m, n.id, el.id, ev.id))}
                  />
                  {ev.kind === 'evidence' ? ev.title : ''}
                </label>
              ))}
            </div>
          </div>
        ))}
        <button
          type="button"
          onClick={() => setElements([...n.elements, { id: newId(), text: 'Dấu hiệu mới', evidenceIds: [] }])}
        >
          + {t('addElement')}
        </button>
      </fieldset>
      {props.pinned}
    </>
  );
}
