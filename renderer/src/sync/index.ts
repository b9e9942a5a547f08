import type { HostBridge, HostEvent } from '@hoso/contracts';
import { format, getLocale } from '../i18n';
import { hostErrorText } from '../shared/hostErrors';
import { showToast } from '../shared/toast';
import { drainInbox, type InboxSettings } from './inbox';
import { reconcileJob, reconcileJobs } from './ocrJobs';

export { useJobProgress, queueOcr, type OcrChoice } from './ocrJobs';
export type { InboxSettings } from './inbox';

const text = {
  vi: {
    done: 'Đã quét {pages} trang.',
    blanks:
      'Đã quét {pages} trang; {blanks} trang trắng được để riêng (bấm “Khôi phục” để đưa lại vào hồ sơ).',
  },
  en: {
    done: 'Scanned {pages} pages.',
    blanks: 'Scanned {pages} pages; {blanks} blank pages were set aside (click “Restore” to put one back).',
  },
};

/**
 * Keeps this window's Dexie in step with the host, whatever screen is open: OCR jobs (ocrJobs.ts)
 * and the inbox of scanned pages and watched-folder files (inbox.ts). Both run at start and again
 * when the data folder is unlocked; host events are only hints to run again, so a missed event
 * (no window open, a reload mid-scan) loses nothing. Returns the unsubscribe function.
 */
export function startSync(bridge: HostBridge, settings: InboxSettings): () => void {
  const inbox = singleFlight(() => drainInbox(bridge, settings));
  const all = () => {
    void reconcileJobs(bridge);
    inbox();
  };
  const unsubscribe = bridge.subscribe((event) => {
    if (event.type === 'ocr-job')
      reconcileJob(bridge, event.job).catch((e) => console.warn('Could not commit OCR job', event.job.id, e));
    else if (event.type === 'scan-page' || event.type === 'watch-folder-file') inbox();
    else if (event.type === 'encryption-progress' && !event.state.locked) all();
    else {
      if (event.type === 'scan-finished' || event.type === 'scan-cancelled') inbox();
      notify(event);
    }
  });
  all();
  return unsubscribe;
}

/** The scan's closing sentence and the watched folder's errors, as toasts. */
function notify(event: HostEvent): void {
  if (event.type === 'watch-folder-error')
    showToast({ tone: 'error', text: hostErrorText(event.error, event.path) });
  if (event.type !== 'scan-finished') return;
  const m = text[getLocale()];
  if (event.error) showToast({ tone: 'error', text: hostErrorText(event.error, event.error.file) });
  else {
    const blanks = event.blanks ?? 0;
    showToast({ tone: 'ok', text: format(blanks ? m.blanks : m.done, { pages: event.pages, blanks }) });
  }
}

/**
 * Runs `work` one at a time: a call while it runs asks for one more run after it (twenty page
 * events during a drain cause one more drain, not twenty).
 */
function singleFlight(work: () => Promise<void>): () => void {
  let running = false;
  let again = false;
  const run = () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    again = false;
    work()
      .catch((e) => console.warn('Could not take the inbox', e))
      .finally(() => {
        running = false;
        if (again) run();
      });
  };
  return run;
}
