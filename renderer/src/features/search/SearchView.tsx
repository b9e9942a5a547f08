import { useEffect, useRef, useState } from 'react';
import { quotedQuery, type Snippet } from '@hoso/text';
import { getDocuments, searchPages, useCases, useDocuments, type SearchResult } from '../../db';
import { hrefFor, navigate } from '../../shared/router';
import type { Route } from '../../shared/routes';
import { defineMessages, useT } from '../../i18n';
import './search.css';

const messages = defineMessages({
  vi: {
    title: 'Tìm kiếm trong hồ sơ',
    query: 'Từ khóa',
    placeholder: 'Ví dụ: ho so, dieu 173, "trộm cắp tài sản"',
    exact: 'Chính xác dấu',
    caseFilter: 'Vụ án',
    allCases: 'Tất cả vụ án',
    search: 'Tìm',
    help: 'Không cần gõ dấu: “dieu 173” tìm thấy “Điều 173”. Đặt cụm từ trong ngoặc kép để tìm đúng cụm.',
    results: '{n} trang khớp ({ms} ms)',
    none: 'Không tìm thấy trang nào khớp với {q}.',
    folio: 'BL {n}',
    noFolio: 'chưa có BL',
    openHint: 'Enter hoặc bấm để mở trang, tô sáng kết quả',
    resultsLabel: 'Kết quả tìm kiếm',
  },
  en: {
    title: 'Search the dossiers',
    query: 'Search terms',
    placeholder: 'e.g. ho so, dieu 173, "trộm cắp tài sản"',
    exact: 'Match diacritics',
    caseFilter: 'Case',
    allCases: 'All cases',
    search: 'Search',
    help: 'Diacritics are optional: “dieu 173” finds “Điều 173”. Quote a phrase to match it exactly.',
    results: '{n} matching pages ({ms} ms)',
    none: 'No page matches {q}.',
    folio: 'F. {n}',
    noFolio: 'no folio',
    openHint: 'Enter or click opens the page with the hit highlighted',
    resultsLabel: 'Search results',
  },
});

/** Full-text search over the OCR words of every dossier (or one case), Vietnamese-aware. */
export default function SearchView({ route }: { route: Extract<Route, { name: 'search' }> }) {
  const t = useT(messages);
  const cases = useCases();
  const docs = useDocuments(route.caseId ? { caseId: route.caseId } : undefined);
  const [input, setInput] = useState(route.query ?? '');
  const [exact, setExact] = useState(false);
  const [result, setResult] = useState<SearchResult | null>(null);
  const [docTitles, setDocTitles] = useState<Map<string, string>>(new Map());
  const inputRef = useRef<HTMLInputElement>(null);
  const query = route.query ?? '';

  useEffect(() => inputRef.current?.focus(), []);
  useEffect(() => {
    let live = true;
    if (!query.trim()) {
      setResult(null);
      return;
    }
    void searchPages({ query, caseId: route.caseId, exact, limit: 100 }).then(async (r) => {
      if (!live) return;
      setResult(r);
      // Document titles for the result rows (only those on screen).
      const ids = [...new Set(r.hits.map((h) => h.documentId))];
      const found = await getDocuments(ids);
      if (live) setDocTitles(new Map(found.filter((d) => !!d).map((d) => [d!.id, d!.title])));
    });
    return () => {
      live = false;
    };
  }, [query, route.caseId, exact, docs]);

  const caseName = (id: string) => {
    const c = cases?.find((x) => x.id === id);
    return c ? `${c.number} ${c.name}` : '';
  };

  return (
    <section className="page search-view" aria-labelledby="search-title">
      <div className="page-head">
        <h1 id="search-title">{t('title')}</h1>
      </div>
      <form
        className="search-form panel"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(
            { name: 'search', caseId: route.caseId, query: input.normalize('NFC') },
            { replace: true },
          );
        }}
      >
        <div className="filters">
          <label className="grow">
            <span className="sr-only">{t('query')}</span>
            <input
              ref={inputRef}
              type="search"
              value={input}
              onChange={(e) => setInput(e.target.value)}
              placeholder={t('placeholder')}
              aria-label={t('query')}
              aria-describedby="search-help"
              onKeyDown={(e) => {
                // ↓ from the query box goes to the first result.
                if (e.key !== 'ArrowDown') return;
                const first = document.querySelector<HTMLAnchorElement>('a.search-hit');
                if (first) {
                  e.preventDefault();
                  first.focus();
                }
              }}
            />
          </label>
          <select
            aria-label={t('caseFilter')}
            value={route.caseId ?? ''}
            onChange={(e) =>
              navigate({ name: 'search', caseId: e.target.value || undefined, query }, { replace: true })
            }
          >
            <option value="">{t('allCases')}</option>
            {cases?.map((c) => (
              <option key={c.id} value={c.id}>
                {c.number} {c.name}
              </option>
            ))}
          </select>
          <label className="check">
            <input type="checkbox" checked={exact} onChange={(e) => setExact(e.target.checked)} />
            {t('exact')}
          </label>
          <button type="submit" className="primary">
            {t('search')}
          </button>
        </div>
        <p id="search-help" className="muted search-help">
          {t('help')}
        </p>
      </form>

      {result && (
        <p className="muted" role="status">
          {result.total > 0
            ? t('results', { n: result.total, ms: Math.round(result.tookMs) })
            : t('none', { q: quotedQuery(query) })}
        </p>
      )}
      {result && result.hits.length > 0 && (
        <ol
          className="search-results"
          aria-label={t('resultsLabel')}
          onKeyDown={(e) => {
            // ↑/↓ walk the results; Enter opens the focused one (it is a link).
            if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
            const links = [...e.currentTarget.querySelectorAll<HTMLAnchorElement>('a.search-hit')];
            const at = links.indexOf(document.activeElement as HTMLAnchorElement);
            const next =
              links[Math.max(0, Math.min(links.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)))];
            next?.focus();
            e.preventDefault();
          }}
        >
          {result.hits.map((hit) => {
            const href = hrefFor({
              name: 'viewer',
              caseId: hit.caseId,
              pageId: hit.pageId,
              highlight: query,
            });
            return (
              <li key={hit.pageId}>
                <a className="search-hit" href={href} title={t('openHint')}>
                  <span className="hit-head">
                    <span className="hit-folio">
                      {hit.folio ? t('folio', { n: hit.folio }) : t('noFolio')}
                    </span>
                    <span className="hit-doc">{docTitles.get(hit.documentId) ?? ''}</span>
                    {!route.caseId && <span className="muted hit-case">{caseName(hit.caseId)}</span>}
                  </span>
                  <SnippetText snippet={hit.snippet} />
                </a>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

function SnippetText({ snippet }: { snippet: Snippet }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  snippet.highlights.forEach(([from, to], i) => {
    if (from > at) parts.push(snippet.text.slice(at, from));
    parts.push(<mark key={i}>{snippet.text.slice(from, to)}</mark>);
    at = to;
  });
  parts.push(snippet.text.slice(at));
  return <span className="hit-snippet">{parts}</span>;
}
