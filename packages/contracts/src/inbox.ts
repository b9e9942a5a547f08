import { z } from 'zod';
import { JobIdSchema, StoredFileSchema } from './bridge';
import { ScanIdSchema } from './scan';

/**
 * The host's inbox (issue 12, item 3): every original the host stored on its own (a scanned page,
 * a file from the watched folder) waits here until the renderer has recorded it in the dossier and
 * acknowledged it. Events only say "look at the inbox"; the inbox is what counts, so a page stored
 * while no window listens, or while the page reloads, still reaches the dossier.
 *
 * The entry's id is also the renderer's import id (and so the OCR job's id): importing the same
 * entry again, from a retry or a second tab, finds the import already recorded and adds nothing.
 */
export const InboxIdSchema = JobIdSchema;

export const InboxEntrySchema = z.object({
  id: InboxIdSchema,
  origin: z.enum(['scan', 'watch-folder']),
  file: StoredFileSchema,
  /** Where it goes, when the host knows (a scan names its case and volume; the watched folder does not). */
  target: z.object({ caseId: z.string().min(1).max(200), volumeId: z.string().min(1).max(200) }).optional(),
  /** The blank-page detector's verdict on a scanned page: recorded left out of the dossier. */
  blank: z.boolean().optional(),
  scanId: ScanIdSchema.optional(),
  /** The page's place in its scan batch (entries are listed in the order they were stored). */
  index: z.number().int().min(0).optional(),
  /** The watched-folder file it came from. */
  path: z.string().max(4096).optional(),
  storedAt: z.string(),
});
export type InboxEntry = z.infer<typeof InboxEntrySchema>;

export const InboxListSchema = z.array(InboxEntrySchema);

export const AckRequestSchema = z.object({ ids: z.array(InboxIdSchema).min(1).max(1000) });
