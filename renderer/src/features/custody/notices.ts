import type { DeletionNotice, RestoreNotice } from '@hoso/contracts';
import { getBridge } from '../../bridge';

/**
 * What the renderer tells the host about case material it changed in IndexedDB, so the host
 * records it in the nhật ký. The host composes the entry (time, person, seq, chain); these are
 * notices, not log entries. A host that cannot be reached does not undo the user's change: the
 * failure is reported on the console.
 */
function report(what: string, result: Promise<{ ok: boolean; error?: { message: string } }>): void {
  void result.then(
    (r) => {
      if (!r.ok) console.warn(`Nhật ký: could not record ${what}: ${r.error?.message}`);
    },
    (err: unknown) => console.warn(`Nhật ký: could not record ${what}`, err),
  );
}

export function noteDeletion(notice: DeletionNotice): void {
  report(`${notice.purged ? 'purge' : 'deletion'} of ${notice.kind}`, getBridge().noteDeletion(notice));
}

/** The undo of a deletion: the nhật ký shows the material back in use. */
export function noteRestore(notice: RestoreNotice): void {
  report(`restore of ${notice.kind}`, getBridge().noteRestore(notice));
}

export function noteCorrection(notice: Parameters<ReturnType<typeof getBridge>['noteCorrection']>[0]): void {
  report('correction', getBridge().noteCorrection(notice));
}
