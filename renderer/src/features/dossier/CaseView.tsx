import { lazy, Suspense, useRef } from 'react';
import type { Case } from '@hoso/domain';
import { updateCase, useCase } from '../../db';
import { hrefFor, navigate } from '../../shared/router';
import type { Route } from '../../shared/routes';
import { useLocale, useT } from '../../i18n';
import { showToast } from '../../shared/toast';
import { CaseForm } from '../cases/CaseForm';
import { chargeText, draftFromCase } from '../cases/caseDraft';
import { stageLabel } from '../cases/stages';
import { AuditTab } from '../custody/AuditTab';
import { custodyMessages } from '../custody/messages';
import { useCaseReading } from '../entities/background';
import { DossierTab } from './DossierTab';
import { dossierMessages } from './messages';
import { attempt } from './useDossierActions';
import './dossier.css';

type Tab = NonNullable<Extract<Route, { name: 'case' }>['tab']>;
const TABS: Tab[] = ['dossier', 'info', 'entities', 'maps', 'present', 'audit'];

// Built by the mind-map and courtroom engineers; loaded on demand (React Flow is heavy).
const MapsTab = lazy(() => import('../mindmap/MapsTab'));
const PresentationsTab = lazy(() => import('../courtroom/PresentationsTab'));
const EntitiesTab = lazy(() => import('../entities/EntitiesTab'));

/** One case: its dossier, its details, its maps and its presentation lists, as tabs. */
export default function CaseView({ route }: { route: Extract<Route, { name: 'case' }> }) {
  const t = useT(dossierMessages);
  const custody = useT(custodyMessages);
  const locale = useLocale();
  const c = useCase(route.caseId);
  useCaseReading(route.caseId); // opening a case checks its pages' readings, whichever tab shows
  const tab = route.tab ?? 'dossier';
  const tabRefs = useRef<Record<string, HTMLButtonElement | null>>({});
  const label: Record<Tab, string> = {
    dossier: t('tabDossier'),
    info: t('tabInfo'),
    entities: t('tabEntities'),
    maps: t('tabMaps'),
    present: t('tabPresent'),
    audit: custody('tab'),
  };
  if (c === undefined) return <div className="loading" aria-busy="true" />;
  if (!c || c.deletedAt)
    return (
      <section className="page">
        <p className="empty">{t('notFound')}</p>
      </section>
    );

  const select = (next: Tab) => navigate({ name: 'case', caseId: c.id, tab: next }, { replace: true });
  return (
    <section className="page case-view" aria-labelledby="case-title">
      <nav className="breadcrumb" aria-label={t('breadcrumb')}>
        <a href={hrefFor({ name: 'cases' })}>{t('backToCases')}</a> <span aria-hidden="true">›</span>
      </nav>
      <div className="page-head case-head">
        <div>
          <h1 id="case-title">
            <span className="case-number">{c.number}</span> {c.name}
          </h1>
          <p className="muted case-sub">
            <span className={`stage-badge stage-${c.stage}`}>{stageLabel(c.stage, locale)}</span>{' '}
            {c.charges.map((ch) => chargeText(ch, locale)).join('; ')}
            {c.defendants.length > 0 && ` · ${c.defendants.map((d) => d.name).join(', ')}`}
          </p>
        </div>
      </div>
      <div
        className="tabs"
        role="tablist"
        aria-label={t('tabsLabel')}
        onKeyDown={(e) => {
          // Arrow keys move between tabs (WAI-ARIA tabs pattern).
          if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
          const next =
            TABS[(TABS.indexOf(tab) + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length];
          select(next);
          tabRefs.current[next]?.focus();
        }}
      >
        {TABS.map((name) => (
          <button
            key={name}
            ref={(el) => {
              tabRefs.current[name] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            onClick={() => select(name)}
          >
            {label[name]}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-panel">
        {tab === 'dossier' && <DossierTab caseId={c.id} />}
        {tab === 'info' && <InfoTab c={c} />}
        {tab === 'audit' && <AuditTab caseId={c.id} caseName={`${c.number} ${c.name}`} />}
        <Suspense fallback={<div className="loading" aria-busy="true" />}>
          {tab === 'entities' && <EntitiesTab caseId={c.id} />}
          {tab === 'maps' && <MapsTab caseId={c.id} />}
          {tab === 'present' && <PresentationsTab caseId={c.id} />}
        </Suspense>
      </div>
    </section>
  );
}

function InfoTab({ c }: { c: Case }) {
  const t = useT(dossierMessages);
  return (
    <div className="panel">
      <CaseForm
        key={c.updatedAt}
        initial={draftFromCase(c)}
        title={t('tabInfo')}
        onSave={async (fields) => {
          if (await attempt(() => updateCase(c.id, fields))) showToast({ tone: 'ok', text: t('infoSaved') });
        }}
      />
    </div>
  );
}
