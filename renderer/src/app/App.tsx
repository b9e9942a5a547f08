import { lazy, Suspense } from 'react';
import { useRoute } from '../shared/router';
import { UnlockGate } from '../features/custody/UnlockGate';
import { AppChrome } from './AppChrome';
import { SessionGate } from './SessionGate';
import { useBackgroundReading } from '../features/entities/background';
import '../styles/components.css';

// Each feature owns its screens; heavy ones (React Flow, courtroom) load on demand.
const CasesView = lazy(() => import('../features/cases/CasesView'));
const CaseView = lazy(() => import('../features/dossier/CaseView'));
const ViewerView = lazy(() => import('../features/viewer/ViewerView'));
const SearchView = lazy(() => import('../features/search/SearchView'));
const SettingsView = lazy(() => import('../features/settings/SettingsView'));
const MapView = lazy(() => import('../features/mindmap/MapView'));
const PresenterView = lazy(() => import('../features/courtroom/PresenterView'));
const AudienceView = lazy(() => import('../features/courtroom/AudienceView'));

export function App() {
  return (
    // The session secret first (no command works without it), then the data folder's passphrase.
    <SessionGate>
      <UnlockGate>
        <Routes />
      </UnlockGate>
    </SessionGate>
  );
}

function Routes() {
  const route = useRoute();
  useBackgroundReading(); // the dossier reader follows every OCR result and correction of this window
  // The audience view is the projector: nothing but the exhibit, no app chrome.
  if (route.name === 'audience') {
    return (
      <Suspense fallback={<div className="audience-blank" />}>
        <AudienceView route={route} />
      </Suspense>
    );
  }
  return (
    <AppChrome route={route}>
      <Suspense fallback={<div className="loading" aria-busy="true" />}>
        {route.name === 'cases' && <CasesView />}
        {route.name === 'case' && <CaseView route={route} />}
        {route.name === 'viewer' && <ViewerView route={route} />}
        {route.name === 'search' && <SearchView route={route} />}
        {route.name === 'settings' && <SettingsView />}
        {route.name === 'map' && <MapView route={route} />}
        {route.name === 'presenter' && <PresenterView route={route} />}
      </Suspense>
    </AppChrome>
  );
}
