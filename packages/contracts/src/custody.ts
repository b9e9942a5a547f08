import { z } from 'zod';

/**
 * Chain of custody across the bridge: the audit log's entries as the renderer reads them, and the
 * requests of the audit and encryption commands. The renderer can read the log and send domain
 * commands (a correction it made, material it deleted); it has no command that writes an entry.
 */

const Hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const Id = z.string().min(1).max(200);

export const AUDIT_ACTIONS = [
  'file-stored',
  'ocr-queued',
  'ocr-done',
  'ocr-failed',
  'word-corrected',
  'pdf-exported',
  'bundle-exported',
  'bundle-imported',
  'audit-exported',
  'audience-opened',
  'material-deleted',
  'material-purged',
  'material-restored',
  'encryption-enabled',
  'log-recovered',
] as const;
export const AuditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditActionSchema>;

export const AuditFileRefSchema = z
  .object({
    role: z.string().min(1).max(40),
    sha256: Hex64,
    name: z.string().max(500).optional(),
    bytes: z.number().int().min(0).optional(),
  })
  .strict();
export type AuditFileRef = z.infer<typeof AuditFileRefSchema>;

const DetailValue = z.union([z.string().max(4000), z.number(), z.boolean(), z.null()]);

/** One line of the log, as stored. `hash` is SHA-256 of the canonical JSON of all other fields. */
export const AuditEntrySchema = z
  .object({
    v: z.literal(1),
    seq: z.number().int().min(1),
    at: z.string().datetime(),
    action: AuditActionSchema,
    caseId: Id.optional(),
    documentId: Id.optional(),
    pageId: Id.optional(),
    /** 0-based page of the stored file, when one page is concerned. */
    page: z.number().int().min(0).optional(),
    files: z.array(AuditFileRefSchema).max(100_000).optional(),
    detail: z.record(z.string().max(60), DetailValue).optional(),
    osUser: z.string().max(200),
    userName: z.string().max(200),
    prev: Hex64,
    hash: Hex64,
  })
  .strict();
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditFilterSchema = z.object({
  caseId: Id.optional(),
  actions: z.array(AuditActionSchema).max(AUDIT_ACTIONS.length).optional(),
  /** ISO date-times, inclusive. */
  from: z.string().datetime().optional(),
  to: z.string().datetime().optional(),
  text: z.string().max(200).optional(),
});
export type AuditFilter = z.infer<typeof AuditFilterSchema>;

export const AuditListingSchema = z.object({
  entries: z.array(AuditEntrySchema),
  /** The whole log's chain check, so the UI can say "nhật ký toàn vẹn" or name the bad entry. */
  chain: z.union([
    z.object({ ok: z.literal(true), entries: z.number() }),
    z.object({ ok: z.literal(false), seq: z.number(), reason: z.string() }),
  ]),
});
export type AuditListing = z.infer<typeof AuditListingSchema>;

export const AuditExportRequestSchema = z.object({
  format: z.enum(['pdf', 'csv']),
  fileName: z.string().min(1).max(255),
  filter: AuditFilterSchema.default({}),
  /** Title and column headings in the UI's language (the host has no i18n). */
  title: z.string().max(300),
  headings: z.array(z.string().max(60)).length(6),
  actionLabels: z.record(z.string(), z.string().max(100)).default({}),
});
export type AuditExportRequest = z.input<typeof AuditExportRequestSchema>;

/** A word the user corrected in the viewer (the host records it; the renderer keeps the text). */
export const CorrectionNoticeSchema = z.object({
  caseId: Id,
  documentId: Id.optional(),
  pageId: Id,
  fileHash: Hex64,
  page: z.number().int().min(0),
  wordIndex: z.number().int().min(0).max(1_000_000),
  before: z.string().max(500),
  after: z.string().max(500),
});
export type CorrectionNotice = z.infer<typeof CorrectionNoticeSchema>;

/** Case material the user deleted (undoable) or that was purged for good. */
export const DeletionNoticeSchema = z.object({
  caseId: Id,
  kind: z.enum(['case', 'volume', 'document', 'page']),
  ids: z.array(Id).min(1).max(100_000),
  fileHashes: z.array(Hex64).max(100_000).default([]),
  purged: z.boolean().default(false),
  label: z.string().max(500).optional(),
});
export type DeletionNotice = z.input<typeof DeletionNoticeSchema>;

/**
 * Deleted material the user brought back (the toast's undo). Logged like the deletion, so the
 * nhật ký does not show a case as deleted while it is in use again.
 */
export const RestoreNoticeSchema = z
  .object({
    caseId: Id,
    kind: z.enum(['case', 'volume', 'document', 'page']),
    ids: z.array(Id).min(1).max(100_000),
    label: z.string().max(500).optional(),
  })
  .strict();
export type RestoreNotice = z.input<typeof RestoreNoticeSchema>;

export const AudienceNoticeSchema = z.object({
  caseId: Id,
  presentationId: Id.optional(),
});

export const PassphraseSchema = z.object({ passphrase: z.string().min(1).max(1000) });

export const EncryptionStateSchema = z.object({
  /** plain: not encrypted; migrating: being switched on; on: encrypted. */
  encryption: z.enum(['plain', 'migrating', 'on']),
  locked: z.boolean(),
  /** While switching on from the app. */
  progress: z
    .object({ filesDone: z.number(), filesTotal: z.number(), bytesDone: z.number(), bytesTotal: z.number() })
    .optional(),
});
export type EncryptionState = z.infer<typeof EncryptionStateSchema>;
