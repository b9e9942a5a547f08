import { describe, expect, it } from 'vitest';
import { parseHash, routeToHash, type Route } from '../../renderer/src/shared/routes';

describe('routes', () => {
  const routes: Route[] = [
    { name: 'cases' },
    { name: 'case', caseId: 'c-1', tab: 'maps' },
    { name: 'viewer', caseId: 'c 1', pageId: 'p/2', region: [10, 20, 300, 400], highlight: 'hồ sơ' },
    { name: 'search', caseId: 'c-1', query: 'dieu 173' },
    { name: 'map', caseId: 'c-1', mapId: 'm-1' },
    { name: 'presenter', caseId: 'c-1', presentationId: 'l-1' },
    { name: 'audience', caseId: 'c-1', presentationId: 'l-1', fixed169: true },
    { name: 'settings' },
  ];

  it.each(routes)('round-trips $name through the hash', (route) => {
    expect(parseHash(routeToHash(route))).toMatchObject(route);
  });

  it('keeps a malformed audience hash on the audience view, never the case list', () => {
    expect(parseHash('#/audience/c-1/').name).toBe('audience');
    expect(parseHash('#/audience').name).toBe('audience');
  });

  it('ignores a region that is not four numbers', () => {
    const route = parseHash('#/cases/c/pages/p?region=1,2,x,4');
    expect(route).toMatchObject({ name: 'viewer', region: undefined });
  });

  it('sends unknown hashes to the case list', () => {
    expect(parseHash('#/nowhere')).toEqual({ name: 'cases' });
  });
});
