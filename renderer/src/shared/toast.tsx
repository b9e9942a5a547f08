import { useSyncExternalStore } from 'react';
import { defineMessages, useT } from '../i18n';

/**
 * App-wide toasts (status messages, "Hoàn tác" undo offers). A tiny store outside React so any
 * feature — or a non-React import pipeline — can raise one.
 */
export interface Toast {
  id: number;
  text: string;
  tone: 'info' | 'ok' | 'error';
  action?: { label: string; run: () => void };
  /** Milliseconds before the toast disappears; errors stay until dismissed. */
  timeoutMs?: number;
  /** A toast with the same key is replaced by this one, and dismissToastKey ends it. */
  key?: string;
  /**
   * The screen (location hash) the message is about: leaving that screen dismisses it, so "Đã sửa …"
   * does not follow the user to the search page (issue 9).
   */
  scope?: string;
}

let toasts: Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

export function showToast(toast: Omit<Toast, 'id'>): number {
  const id = nextId++;
  toasts = [...toasts.filter((t) => !toast.key || t.key !== toast.key), { ...toast, id }];
  // At most three on screen: the oldest passing message goes first; errors stay until dismissed.
  while (toasts.length > 3) {
    const drop = toasts.find((t) => t.tone !== 'error') ?? toasts[0];
    toasts = toasts.filter((t) => t !== drop);
  }
  emit();
  const timeout = toast.timeoutMs ?? (toast.tone === 'error' ? 0 : 5000);
  if (timeout > 0) setTimeout(() => dismissToast(id), timeout);
  return id;
}

export function dismissToast(id: number): void {
  if (!toasts.some((t) => t.id === id)) return;
  toasts = toasts.filter((t) => t.id !== id);
  emit();
}

/** Ends the toast with this key when its moment has passed (e.g. "đang nhận dạng chữ" once done). */
export function dismissToastKey(key: string): void {
  if (!toasts.some((t) => t.key === key)) return;
  toasts = toasts.filter((t) => t.key !== key);
  emit();
}

/** The screen a toast raised now belongs to (see Toast.scope). */
export function currentScreen(): string {
  return typeof location === 'undefined' ? '' : location.hash.replace(/\?.*$/, '');
}

/** Dismisses the toasts scoped to another screen than `screen`. */
export function leaveScreen(screen: string): void {
  if (!toasts.some((t) => t.scope !== undefined && t.scope !== screen)) return;
  toasts = toasts.filter((t) => t.scope === undefined || t.scope === screen);
  emit();
}

if (typeof window !== 'undefined') window.addEventListener('hashchange', () => leaveScreen(currentScreen()));

function useToasts(): Toast[] {
  return useSyncExternalStore(
    (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    () => toasts,
  );
}

const messages = defineMessages({
  vi: { close: 'Đóng thông báo', region: 'Thông báo' },
  en: { close: 'Dismiss', region: 'Notifications' },
});

/** Rendered once by the app chrome; a polite live region so screen readers announce toasts. */
export function ToastHost() {
  const list = useToasts();
  const t = useT(messages);
  return (
    <div className="toasts" role="region" aria-label={t('region')} aria-live="polite">
      {list.map((toast) => (
        <div
          key={toast.id}
          className={`toast toast-${toast.tone}`}
          role={toast.tone === 'error' ? 'alert' : 'status'}
        >
          <span className="toast-text">{toast.text}</span>
          {toast.action && (
            <button
              type="button"
              className="toast-action"
              onClick={() => {
                toast.action!.run();
                dismissToast(toast.id);
              }}
            >
              {toast.action.label}
            </button>
          )}
          <button
            type="button"
            className="toast-close"
            aria-label={t('close')}
            onClick={() => dismissToast(toast.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
