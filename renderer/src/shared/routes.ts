import type { Box } from '@hoso/contracts';

/**
 * Every screen of the app as a value. The URL hash is the single source of truth for where the
 * user is, so a reload (or the courtroom audience window) lands on the same screen.
 */
export type Route =
  | { name: 'cases' }
  | { name: 'case'; caseId: string; tab?: 'dossier' | 'info' | 'entities' | 'maps' | 'present' | 'audit' }
  | { name: 'viewer'; caseId: string; pageId: string; region?: Box; highlight?: string }
  | { name: 'search'; caseId?: string; query?: string }
  | { name: 'map'; caseId: string; mapId: string }
  | { name: 'presenter'; caseId: string; presentationId: string }
  | { name: 'audience'; caseId: string; presentationId: string; fixed169?: boolean }
  | { name: 'settings' };

const enc = encodeURIComponent;

export function routeToHash(route: Route): string {
  switch (route.name) {
    case 'cases':
      return '#/cases';
    case 'case':
      return `#/cases/${enc(route.caseId)}${route.tab ? `?tab=${route.tab}` : ''}`;
    case 'viewer': {
      const params = new URLSearchParams();
      if (route.region) params.set('region', route.region.map((n) => Math.round(n)).join(','));
      if (route.highlight) params.set('hl', route.highlight);
      const qs = params.toString();
      return `#/cases/${enc(route.caseId)}/pages/${enc(route.pageId)}${qs ? `?${qs}` : ''}`;
    }
    case 'search': {
      const params = new URLSearchParams();
      if (route.caseId) params.set('case', route.caseId);
      if (route.query) params.set('q', route.query);
      const qs = params.toString();
      return `#/search${qs ? `?${qs}` : ''}`;
    }
    case 'map':
      return `#/cases/${enc(route.caseId)}/maps/${enc(route.mapId)}`;
    case 'presenter':
      return `#/cases/${enc(route.caseId)}/present/${enc(route.presentationId)}`;
    case 'audience':
      return `#/audience/${enc(route.caseId)}/${enc(route.presentationId)}${route.fixed169 ? '?fixed=169' : ''}`;
    case 'settings':
      return '#/settings';
  }
}

export function parseHash(hash: string): Route {
  const [path, query = ''] = hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [head, id, sub, subId] = parts;
  if (head === 'cases' && id) {
    if (sub === 'pages' && subId) {
      const region = params.get('region')?.split(',').map(Number);
      return {
        name: 'viewer',
        caseId: id,
        pageId: subId,
        region: region?.length === 4 && region.every(Number.isFinite) ? (region as Box) : undefined,
        highlight: params.get('hl') ?? undefined,
      };
    }
    if (sub === 'maps' && subId) return { name: 'map', caseId: id, mapId: subId };
    if (sub === 'present' && subId) return { name: 'presenter', caseId: id, presentationId: subId };
    const tab = params.get('tab');
    return {
      name: 'case',
      caseId: id,
      tab:
        tab === 'info' ||
        tab === 'entities' ||
        tab === 'maps' ||
        tab === 'present' ||
        tab === 'dossier' ||
        tab === 'audit'
          ? tab
          : undefined,
    };
  }
  // Anything under #/audience stays the audience view, even malformed: the projector must never
  // fall back to a screen with the case list or notes on it.
  if (head === 'audience')
    return {
      name: 'audience',
      caseId: id ?? '',
      presentationId: sub ?? '',
      fixed169: params.get('fixed') === '169',
    };
  if (head === 'search')
    return { name: 'search', caseId: params.get('case') ?? undefined, query: params.get('q') ?? undefined };
  if (head === 'settings') return { name: 'settings' };
  return { name: 'cases' };
}
