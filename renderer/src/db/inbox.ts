import type { InboxEntry } from '@hoso/contracts';
import { getDb, type HosoDb } from './schema';
import { guard } from './errors';
import { addImportedDocument, findPagesByFileHash } from './imports';

export interface InboxRecording {
  entry: InboxEntry;
  caseId: string;
  volumeId: string;
  /** A watched-folder file already in the case (same SHA-256) is not recorded again. */
  skipDuplicates: boolean;
  /** The title of the one document a scan batch becomes (its first recorded page creates it). */
  batchTitle?: string;
}

/** What recording one inbox entry did: the caller acks the entry in every case. */
export type InboxOutcome = 'recorded' | 'already-recorded' | 'duplicate';

/**
 * Records one host inbox entry (a scanned page, a watched-folder file) in the dossier, keyed by
 * the entry id: the import record's primary key IS the inbox id, so a second window, a reload or
 * a crash before the ack finds the record and records nothing. The check and the writes are one
 * transaction; IndexedDB runs read-write transactions over the same stores one after another,
 * across tabs too, so two windows can never both pass the check.
 *
 * The pages of one scan (same `scanId`) become one document whose id is the scan id; blank pages
 * are recorded left out of the dossier, as before.
 */
export async function recordInboxEntry(rec: InboxRecording, db: HosoDb = getDb()): Promise<InboxOutcome> {
  const { entry, caseId, volumeId } = rec;
  return guard(() =>
    db.transaction('rw', [db.cases, db.volumes, db.documents, db.pages, db.imports], async () => {
      if (await db.imports.get(entry.id)) return 'already-recorded';
      if (rec.skipDuplicates && (await findPagesByFileHash(caseId, entry.file.hash, db)).length > 0)
        return 'duplicate';
      await addImportedDocument(
        {
          caseId,
          volumeId,
          storedFile: entry.file,
          importId: entry.id,
          ...(entry.scanId
            ? { batch: { documentId: entry.scanId, title: rec.batchTitle ?? entry.file.name } }
            : {}),
          ...(entry.blank ? { leftOut: 'blank' as const } : {}),
        },
        db,
      );
      return 'recorded';
    }),
  );
}
