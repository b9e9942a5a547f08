import { useMemo, useState } from 'react';
import { ENTITY_KINDS, citesCharge, findEntities, type Entity, type EntityKind } from '@hoso/entities';
import { navigate } from '../../shared/router';
import { useCase, useDocuments, usePages } from '../../db';
import { mergePersons, removePersonEdit, splitPerson } from '../../db/entities';
import { useT } from '../../i18n';
import { showToast } from '../../shared/toast';
import { attempt } from '../../shared/attempt';
import { entityMessages } from './messages';
import { MapSuggestions } from './MapSuggestions';
import { formatMoney, type DossierPaper, type PageInfo } from './suggestions';
import { useCaseEntities } from './useCaseEntities';
import './entities.css';

type Filter = EntityKind | 'all';
// People first, then organizations, identifiers, papers, provisions, money, dates, places.
const SHOWN_KINDS: readonly EntityKind[] = ENTITY_KINDS;

/**
 * The case's "Nhân vật & dữ kiện" tab: every person with role, pages (click → the viewer at the
 * hit), documents and identifiers; the plates, phones, numbers, provisions, amounts, dates and
 * places; merge/split of persons; a timeline of dated events; suggestions for the mind maps.
 */
export default function EntitiesTab({ caseId }: { caseId: string }) {
  const t = useT(entityMessages);
  const state = useCaseEntities(caseId);
  const pages = usePages({ caseId });
  const documents = useDocuments({ caseId });
  const theCase = useCase(caseId);
  const [filter, setFilter] = useState<Filter>('all');
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<string[]>([]);

  const pageInfo = useMemo(() => {
    const byId = new Map((pages ?? []).map((p) => [p.id, p]));
    const order = new Map((pages ?? []).map((p, i) => [p.id, i + 1]));
    return (pageId: string): PageInfo | undefined => {
      const p = byId.get(pageId);
      if (!p) return undefined;
      return {
        folio: p.folio,
        label: p.folio ? t('page', { folio: p.folio }) : t('pageNo', { n: order.get(pageId) ?? 0 }),
      };
    };
  }, [pages, t]);
  const docTitle = useMemo(
    () => new Map((documents ?? []).map((d) => [d.id, d.title || d.number || '—'])),
    [documents],
  );

  // The dossier's papers with their pages in order: the evidence map's items.
  const papers = useMemo<DossierPaper[]>(
    () =>
      (documents ?? []).map((d) => ({
        document: d,
        pageIds: (pages ?? [])
          .filter((p) => p.documentId === d.id)
          .sort((a, b) => a.order - b.order)
          .map((p) => p.id),
      })),
    [documents, pages],
  );

  const entities = useMemo(() => state?.entities ?? [], [state]);
  const shown = useMemo(() => {
    const base = query.trim() ? findEntities(entities, query) : entities;
    const rank = (e: Entity) => SHOWN_KINDS.indexOf(e.kind);
    // In the kinds' order (search keeps its ranking).
    return base
      .filter((e) => filter === 'all' || e.kind === filter)
      .sort((a, b) => (query.trim() ? 0 : rank(a) - rank(b)));
  }, [entities, filter, query]);
  const counts = useMemo(() => {
    const c = new Map<string, number>();
    for (const e of entities) c.set(e.kind, (c.get(e.kind) ?? 0) + 1);
    return c;
  }, [entities]);

  const open = (e: Entity, o: Entity['occurrences'][number]) =>
    navigate({ name: 'viewer', caseId, pageId: o.pageId, region: o.box, highlight: o.text });

  const merge = async () => {
    if (await attempt(() => mergePersons(caseId, selected))) setSelected([]);
  };

  return (
    <section className="ent-tab" aria-label={t('title')}>
      <div className="ent-main">
        <div className="ent-tools">
          <input
            type="search"
            className="ent-search"
            aria-label={t('search')}
            placeholder={t('search')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          {query.trim() && <span className="muted">{t('matches', { n: shown.length })}</span>}
          {selected.length >= 2 && (
            <button type="button" className="primary" onClick={merge}>
              {t('merge')}
            </button>
          )}
        </div>
        <div className="ent-filters" role="group" aria-label={t('title')}>
          {(['all', ...SHOWN_KINDS] as Filter[]).map((k) => (
            <button
              key={k}
              type="button"
              className="chip"
              aria-pressed={filter === k}
              onClick={() => setFilter(k)}
              disabled={k !== 'all' && !counts.get(k)}
            >
              {t(k)} {k !== 'all' && counts.get(k) ? <span className="muted">{counts.get(k)}</span> : null}
            </button>
          ))}
        </div>
        {state?.reading && (
          <p className="muted" role="status">
            {t('reading', state.reading)}
          </p>
        )}
        {state && !state.reading && entities.length === 0 && <p className="empty">{t('empty')}</p>}
        <ul className="ent-list">
          {shown.map((e) => (
            <EntityRow
              key={e.key}
              e={e}
              all={entities}
              pageInfo={pageInfo}
              docTitle={docTitle}
              charged={!!e.provision && !!theCase?.charges.some((c) => citesCharge(e.provision!, c))}
              selected={selected.includes(e.key)}
              onSelect={(on) => setSelected((s) => (on ? [...s, e.key] : s.filter((k) => k !== e.key)))}
              onOpen={(o) => open(e, o)}
              onUnmerge={() => e.mergeId && attempt(() => removePersonEdit(e.mergeId!))}
              onSplit={(documentId) => attempt(() => splitPerson(caseId, e.key, documentId))}
            />
          ))}
        </ul>
      </div>
      <aside className="ent-side">
        <Timeline entities={entities} pageInfo={pageInfo} onOpen={open} />
        <MapSuggestions
          caseId={caseId}
          entities={entities}
          pageInfo={pageInfo}
          papers={papers}
          onAccepted={(label) => showToast({ tone: 'ok', text: t('accepted', { label }) })}
        />
      </aside>
    </section>
  );
}

function valueText(e: Entity): string {
  if (e.kind === 'money' && e.amount) return formatMoney(e.amount);
  if (e.kind === 'date') return displayDate(e.normalized);
  return e.kind === 'person' ? e.text : e.normalized;
}

function EntityRow(props: {
  e: Entity;
  all: readonly Entity[];
  pageInfo: (id: string) => PageInfo | undefined;
  docTitle: Map<string, string>;
  charged: boolean;
  selected: boolean;
  onSelect(on: boolean): void;
  onOpen(o: Entity['occurrences'][number]): void;
  onUnmerge(): void;
  onSplit(documentId: string): void;
}) {
  const t = useT(entityMessages);
  const { e } = props;
  // One button per page (the first hit on it), in dossier order of appearance.
  const perPage = [...new Map(e.occurrences.map((o) => [o.pageId, o])).values()];
  const related = e.related.map((k) => props.all.find((x) => x.key === k)).filter((x): x is Entity => !!x);
  return (
    <li className={`ent-row ent-${e.kind}`} data-kind={e.kind} data-entity={e.normalized}>
      <div className="ent-head">
        {e.kind === 'person' && (
          <input
            type="checkbox"
            aria-label={t('select', { name: e.text })}
            checked={props.selected}
            onChange={(ev) => props.onSelect(ev.target.checked)}
          />
        )}
        <span className="ent-kind">{t(e.kind)}</span>
        <strong className="ent-value">{valueText(e)}</strong>
        {e.role && <span className="ent-role">{e.role}</span>}
        {props.charged && <span className="ent-role ent-charged">{t('charge')}</span>}
        {e.kind !== 'person' && e.text !== e.normalized && (
          <span className="muted ent-printed">“{e.text}”</span>
        )}
        {e.mergeId && (
          <button type="button" className="link-btn" onClick={props.onUnmerge}>
            {t('unmerge')}
          </button>
        )}
        {e.kind === 'person' && !e.mergeId && e.documents.length > 1 && (
          <select
            className="ent-split"
            aria-label={t('splitDoc')}
            value=""
            onChange={(ev) => ev.target.value && props.onSplit(ev.target.value)}
          >
            <option value="">{t('splitDoc')}</option>
            {e.documents.map((d) => (
              <option key={d} value={d}>
                {props.docTitle.get(d) ?? d}
              </option>
            ))}
          </select>
        )}
      </div>
      <div className="ent-pages">
        <span className="muted">{t('pages')}:</span>
        {perPage.map((o) => (
          <button key={o.pageId} type="button" className="page-link" onClick={() => props.onOpen(o)}>
            {props.pageInfo(o.pageId)?.label ?? '?'}
          </button>
        ))}
      </div>
      {e.kind === 'person' && (
        <div className="ent-meta muted">
          {t('documents')}: {e.documents.map((d) => props.docTitle.get(d) ?? '—').join('; ')}
          {related.length > 0 && (
            <>
              {' · '}
              {t('identifiers')}: {related.map((r) => `${t(r.kind)} ${r.normalized}`).join(', ')}
            </>
          )}
        </div>
      )}
    </li>
  );
}

function Timeline(props: {
  entities: readonly Entity[];
  pageInfo: (id: string) => PageInfo | undefined;
  onOpen(e: Entity, o: Entity['occurrences'][number]): void;
}) {
  const t = useT(entityMessages);
  const dated = props.entities
    .filter((e) => e.kind === 'date' && e.events?.length)
    .sort((a, b) => a.normalized.localeCompare(b.normalized));
  return (
    <section className="ent-timeline" aria-label={t('timeline')}>
      <h2>{t('timeline')}</h2>
      {dated.length === 0 && <p className="muted">{t('noTimeline')}</p>}
      <ol>
        {dated.map((e) => (
          <li key={e.key}>
            <time dateTime={e.normalized}>{displayDate(e.normalized)}</time> <span>{e.events![0]}</span>{' '}
            <button type="button" className="page-link" onClick={() => props.onOpen(e, e.occurrences[0])}>
              {props.pageInfo(e.occurrences[0].pageId)?.label ?? '?'}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** "2024-03-12T14:30" → "14:30 12/03/2024". */
function displayDate(iso: string): string {
  const [date, time] = iso.split('T');
  const [y, m, d] = date.split('-');
  return `${time ? `${time} ` : ''}${d ? `${d}/` : ''}${m}/${y}`;
}
