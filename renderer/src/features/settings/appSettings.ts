// The typed preferences live in the data layer (db/settings.ts, live view in db/hooks.ts). This
// re-export keeps the watch-folder code's import working while it moves to renderer/src/sync
// (issue 12, item 3); import from '../../db' in new code.
export { getSetting, setSetting, useSetting, type AppSettings } from '../../db';
