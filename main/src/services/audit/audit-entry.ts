import { createHash } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from './canonical-json';

/** What the host records. Every host action on case material has one name here. */
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
  'encryption-enabled',
  'log-recovered',
] as const;
export const AuditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditActionSchema>;

export const GENESIS_HASH = '0'.repeat(64);
const Hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const Id = z.string().min(1).max(200);

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

/** What a host action supplies; the log adds seq, time, the person and the chain. */
export type AuditRecord = Omit<AuditEntry, 'v' | 'seq' | 'at' | 'osUser' | 'userName' | 'prev' | 'hash'>;

export function entryHash(entry: Omit<AuditEntry, 'hash'> | AuditEntry): string {
  const { hash: _hash, ...rest } = entry as AuditEntry;
  return createHash('sha256').update(canonicalJson(rest), 'utf8').digest('hex');
}

/** The line as written to the log (canonical JSON, no newline). */
export const entryLine = (entry: AuditEntry): string => canonicalJson(entry);
