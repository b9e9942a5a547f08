import {
  AudienceNoticeSchema,
  AuditExportRequestSchema,
  AuditFilterSchema,
  CorrectionNoticeSchema,
  DeletionNoticeSchema,
  PassphraseSchema,
  BundleExportRequestSchema,
  EnqueueOcrRequestSchema,
  ExportPdfRequestSchema,
  Sha256Schema,
} from '@hoso/contracts';
import { z } from 'zod';

export const JobIdSchema = z.string().regex(/^[0-9a-f-]{36}$/);
const Empty = z.object({}).strict();

export const AudienceWindowRequestSchema = z.object({
  caseId: z.string().min(1).max(200),
  presentationId: z.string().min(1).max(200).optional(),
  displayId: z.string().max(100).optional(),
  fixed169: z.boolean().optional(),
});

/**
 * Every JSON command of the HostBridge with the schema its payload must satisfy. The HTTP server
 * (POST /api/call/<name>) and the Electron IPC router both validate against this one table.
 * Binary commands (storeFile, importBundle) and URL resources have their own routes.
 */
export const jsonCommands = {
  getFile: z.object({ hash: Sha256Schema }),
  enqueueOcr: EnqueueOcrRequestSchema,
  listJobs: Empty,
  cancelJob: z.object({ id: JobIdSchema }),
  retryJob: z.object({ id: JobIdSchema }),
  jobResult: z.object({ id: JobIdSchema }),
  exportPdf: ExportPdfRequestSchema,
  exportBundle: BundleExportRequestSchema,
  getWatchFolder: Empty,
  setWatchFolder: z.object({ path: z.string().min(1).max(4096).nullable() }),
  listDisplays: Empty,
  openAudienceWindow: AudienceWindowRequestSchema,
  // --- Chain of custody (issue 13): audit log reads, domain notices the host records, the user
  // name for entries, encryption at rest. Kept together so they move into the command table as one.
  listAudit: AuditFilterSchema,
  exportAudit: AuditExportRequestSchema,
  noteCorrection: CorrectionNoticeSchema,
  noteDeletion: DeletionNoticeSchema,
  noteAudienceOpened: AudienceNoticeSchema,
  getUserName: Empty,
  setUserName: z.object({ userName: z.string().max(200) }),
  encryptionStatus: Empty,
  unlock: PassphraseSchema,
  enableEncryption: PassphraseSchema,
} as const;

/** Commands answered while the data folder is locked (everything else is refused with LOCKED). */
export const UNLOCKED_COMMANDS = new Set<string>(['encryptionStatus', 'unlock']);
/** Commands the gate (not the host) answers: they start, stop or replace the host. */
export const GATE_COMMANDS = new Set<string>(['encryptionStatus', 'unlock', 'enableEncryption']);

export type JsonCommand = keyof typeof jsonCommands;
export type JsonCommandInput<C extends JsonCommand> = z.output<(typeof jsonCommands)[C]>;

export const isJsonCommand = (name: string): name is JsonCommand => Object.hasOwn(jsonCommands, name);

/** A zod failure as a short message naming the offending fields. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`)
    .join('; ');
}
