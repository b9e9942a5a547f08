import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, test } from 'vitest';
import { appMenuTemplate } from '../../main/src/electron/app-menu';
import { secureWebPreferences } from '../../main/src/electron/window-policy';

/** Every role in a template, submenus included, as Electron would build them. */
function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((i) => [
    ...(i.role ? [i.role.toLowerCase()] : []),
    ...(Array.isArray(i.submenu) ? roles(i.submenu) : []),
  ]);
}

describe('production Electron menu', () => {
  test('the packaged app has no DevTools, no reload, and no stock View menu (which carries both)', () => {
    const prod = roles(appMenuTemplate({ packaged: true }));
    for (const banned of ['toggledevtools', 'reload', 'forcereload', 'viewmenu'])
      expect(prod).not.toContain(banned);
    expect(prod).toEqual(expect.arrayContaining(['filemenu', 'editmenu', 'zoomin', 'togglefullscreen']));
    expect(secureWebPreferences('/p.cjs').devTools).toBe(false);
  });

  test('a development build keeps them', () => {
    expect(roles(appMenuTemplate({ packaged: false }))).toEqual(
      expect.arrayContaining(['toggledevtools', 'reload']),
    );
    expect(secureWebPreferences('/p.cjs', true).devTools).toBe(true);
  });
});
