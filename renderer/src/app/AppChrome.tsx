import { noteDeletion } from '../features/custody/notices';
import { useEffect, type ReactNode } from 'react';
import { getBridge } from '../bridge';
import { purgeDeletedCases } from '../db';
import { hostErrorText } from '../shared/hostErrors';
import { showToast, ToastHost } from '../shared/toast';
import { defineMessages, setLocale, useLocale, useT } from '../i18n';
import { hrefFor } from '../shared/router';
import type { Route } from '../shared/routes';

const messages = defineMessages({
  vi: {
    cases: 'Vụ án',
    search: 'Tìm kiếm',
    settings: 'Cài đặt',
    language: 'Ngôn ngữ',
    skip: 'Bỏ qua điều hướng',
  },
  en: {
    cases: 'Cases',
    search: 'Search',
    settings: 'Settings',
    language: 'Language',
    skip: 'Skip navigation',
  },
});

/** Header with the app's top-level navigation and the language switch. */
export function AppChrome({ route, children }: { route: Route; children: ReactNode }) {
  const t = useT(messages);
  const locale = useLocale();
  const current = (name: Route['name']) =>
    route.name === name || (name === 'cases' && (route.name === 'case' || route.name === 'viewer'))
      ? 'page'
      : undefined;
  // OCR results and the host's inbox are taken in by renderer/src/sync, started from main.tsx.
  useEffect(() => {
    const bridge = getBridge();
    // Deleted cases can be undone from the toast; a day later they are removed for good.
    purgeDeletedCases(24 * 3600 * 1000)
      .then((ids) => ids.forEach((id) => noteDeletion({ caseId: id, kind: 'case', ids: [id], purged: true })))
      .catch((e) => console.warn('Could not purge deleted cases', e));
    // Repairs the host made at start (a job list damaged by a power cut…) are said, not hidden.
    void bridge.hostNotices().then((r) => {
      if (r.ok) for (const notice of r.value) showToast({ tone: 'error', text: hostErrorText(notice) });
    });
  }, []);
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('skip')}
      </a>
      <header className="app-header">
        <a className="brand" href={hrefFor({ name: 'cases' })}>
          HoSo
        </a>
        <nav className="app-nav">
          <a href={hrefFor({ name: 'cases' })} aria-current={current('cases')}>
            {t('cases')}
          </a>
          <a href={hrefFor({ name: 'search' })} aria-current={current('search')}>
            {t('search')}
          </a>
          <a href={hrefFor({ name: 'settings' })} aria-current={current('settings')}>
            {t('settings')}
          </a>
        </nav>
        <label className="locale-switch">
          <span className="sr-only">{t('language')}</span>
          <select
            value={locale}
            onChange={(e) => setLocale(e.target.value === 'en' ? 'en' : 'vi')}
            aria-label={t('language')}
          >
            <option value="vi">Tiếng Việt</option>
            <option value="en">English</option>
          </select>
        </label>
      </header>
      <main id="main" className="app-main">
        {children}
      </main>
      <ToastHost />
    </div>
  );
}
