import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { getBridge } from './bridge';
import { getSetting } from './db';
import { getLocale } from './i18n';
import { parseHash } from './shared/routes';
import { startSync } from './sync';
import './styles/base.css';

document.documentElement.lang = getLocale();
// The main window takes OCR results and the host's inbox into Dexie, whatever screen is open; the
// courtroom audience window (a projector) only reads.
if (parseHash(location.hash).name !== 'audience')
  startSync(getBridge(), {
    ocr: async () => ({
      lang: await getSetting('ocr.lang'),
      engine: await getSetting('ocr.engine'),
      model: await getSetting('ocr.model'),
    }),
    watchCaseId: () => getSetting('watch.caseId'),
  });
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
