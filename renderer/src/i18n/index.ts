import { useSyncExternalStore } from 'react';

/**
 * Vietnamese first, English available. Each feature keeps its own dictionary next to its code
 * (`defineMessages({ vi: {...}, en: {...} })`), so features never collide on one big file; the
 * `en` table must have the same keys as `vi` (the type enforces it).
 */
export type Locale = 'vi' | 'en';
const STORAGE_KEY = 'hoso.locale';
const listeners = new Set<() => void>();

function readLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

let current: Locale = typeof localStorage === 'undefined' ? 'vi' : readLocale();

export function getLocale(): Locale {
  return current;
}

export function setLocale(locale: Locale): void {
  current = locale;
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode / quota: the choice still applies for this session.
  }
  document.documentElement.lang = locale;
  listeners.forEach((l) => l());
}

export function useLocale(): Locale {
  return useSyncExternalStore(
    (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    () => current,
  );
}

type Params = Record<string, string | number>;
export type Messages<K extends string> = { vi: Record<K, string>; en: Record<K, string> };
export type Translate<K extends string> = (key: K, params?: Params) => string;

export function defineMessages<K extends string>(messages: Messages<K>): Messages<K> {
  return messages;
}

export function format(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export function translator<K extends string>(messages: Messages<K>, locale: Locale): Translate<K> {
  return (key, params) => format(messages[locale][key] ?? messages.vi[key] ?? key, params);
}

/** `const t = useT(messages); t('save')` — re-renders when the locale changes. */
export function useT<K extends string>(messages: Messages<K>): Translate<K> {
  return translator(messages, useLocale());
}

/** Dates shown the Vietnamese way (dd/mm/yyyy) whatever the locale of the machine. */
export function formatDate(iso: string | undefined, locale: Locale = current): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(locale === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: 'UTC' });
}
