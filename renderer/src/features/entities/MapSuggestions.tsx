import { useMemo, useState } from 'react';
import type { Entity } from '@hoso/entities';
import { buildTemplate, layoutMap, MapModelSchema, TEMPLATES } from '@hoso/mindmap';
import { createMap, decideSuggestion, useCase, useCaseMapRecords, useSuggestionDecisions } from '../../db';
import { useT } from '../../i18n';
import { attempt } from '../../shared/attempt';
import { entityMessages } from './messages';
import {
  buildSuggestions,
  mapKindOf,
  withSuggestedNode,
  type DossierPaper,
  type MapKind,
  type PageInfo,
  type Suggestion,
} from './suggestions';

/**
 * Suggested nodes for one of the case's maps, accepted or rejected one by one. Nothing is added
 * to a map without the prosecutor's click; a decision is remembered per map.
 */
export function MapSuggestions(props: {
  caseId: string;
  entities: readonly Entity[];
  pageInfo: (id: string) => PageInfo | undefined;
  papers: readonly DossierPaper[];
  onAccepted(label: string): void;
}) {
  const t = useT(entityMessages);
  const maps = useCaseMapRecords(props.caseId);
  const theCase = useCase(props.caseId);
  const decisions = useSuggestionDecisions(props.caseId);
  const [picked, setPicked] = useState<string | undefined>();
  const mapId = picked ?? maps?.[0]?.id;
  const map = maps?.find((m) => m.id === mapId);
  const kind = map ? mapKindOf(map.model) : undefined;
  const suggestions = useMemo(
    () => buildSuggestions(props.entities, props.pageInfo, kind, props.papers),
    [props.entities, props.pageInfo, kind, props.papers],
  );
  // A template the case has no map of yet can be created here, pre-filled from the case record.
  const kinds = new Set((maps ?? []).map((m) => mapKindOf(m.model)));
  const missing = (['timeline', 'evidence'] as const).filter((k) => !kinds.has(k));
  const decided = new Set((decisions ?? []).filter((d) => d.mapId === mapId).map((d) => d.key));
  const open = suggestions.filter((s) => !decided.has(s.key));

  const create = async (id: MapKind) => {
    const tpl = TEMPLATES.find((x) => x.id === id)!;
    const facts = theCase ?? { number: '', name: '', charges: [], defendants: [] };
    const model = await layoutMap(buildTemplate(id, facts), tpl.layout);
    const record = await createMap(props.caseId, tpl.name.vi, model);
    setPicked(record.id);
  };
  const decide = (s: Suggestion, decision: 'accepted' | 'rejected') =>
    mapId &&
    attempt(async () => {
      await decideSuggestion(props.caseId, mapId, s.key, decision, (model) =>
        MapModelSchema.parse(withSuggestedNode(model, s)),
      );
      if (decision === 'accepted') props.onAccepted(s.label);
    });

  const groupLabel = { person: t('groupPerson'), event: t('groupEvent'), evidence: t('groupEvidence') };
  return (
    <section className="ent-suggest" aria-label={t('suggestions')}>
      <h2>{t('suggestions')}</h2>
      {maps && missing.length > 0 && (
        <p className="ent-create-maps">
          {maps.length === 0 && <span className="muted">{t('noMap')}</span>}{' '}
          {missing.map((k) => (
            <button
              key={k}
              type="button"
              className={maps.length === 0 ? 'primary' : undefined}
              onClick={() => attempt(() => create(k))}
            >
              {k === 'timeline' ? t('createMap') : t('createEvidenceMap')}
            </button>
          ))}
        </p>
      )}
      {maps && maps.length > 0 && (
        <label className="ent-map-pick">
          {t('suggestFor')}{' '}
          <select value={mapId} onChange={(e) => setPicked(e.target.value)}>
            {maps.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {mapId && open.length === 0 && <p className="muted">{t('noSuggestions')}</p>}
      {mapId && (
        <ul className="ent-suggestions">
          {open.map((s) => (
            <li key={s.key} className="ent-suggestion" data-group={s.group} data-key={s.key}>
              <div>
                <span className="ent-kind">{groupLabel[s.group]}</span> <strong>{s.label}</strong>
                <div className="muted">{s.detail}</div>
              </div>
              <div className="ent-actions">
                <button type="button" className="primary" onClick={() => decide(s, 'accepted')}>
                  {t('accept')}
                </button>
                <button type="button" className="link-btn" onClick={() => decide(s, 'rejected')}>
                  {t('reject')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
