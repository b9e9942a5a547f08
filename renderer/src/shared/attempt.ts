import { describeDbError } from '../db';
import { getLocale } from '../i18n';
import { showToast } from './toast';

/** Runs a data-layer write and reports a failure as a toast (the write itself is all-or-nothing). */
export async function attempt(work: () => Promise<unknown>): Promise<boolean> {
  try {
    await work();
    return true;
  } catch (e) {
    showToast({ tone: 'error', text: describeDbError(e, getLocale()) });
    return false;
  }
}
