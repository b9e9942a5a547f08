import { createHash } from 'node:crypto';
import type { AuditEntry } from '@hoso/contracts';
import { canonicalJson } from './canonical-json';

export { AUDIT_ACTIONS, AuditActionSchema, AuditEntrySchema, AuditFileRefSchema } from '@hoso/contracts';
export type { AuditAction, AuditEntry, AuditFileRef } from '@hoso/contracts';

export const GENESIS_HASH = '0'.repeat(64);

/** What a host action supplies; the log adds seq, time, the person and the chain. */
export type AuditRecord = Omit<AuditEntry, 'v' | 'seq' | 'at' | 'osUser' | 'userName' | 'prev' | 'hash'>;

export function entryHash(entry: Omit<AuditEntry, 'hash'> | AuditEntry): string {
  const { hash: _hash, ...rest } = entry as AuditEntry;
  return createHash('sha256').update(canonicalJson(rest), 'utf8').digest('hex');
}

/** The line as written to the log (canonical JSON, no newline). */
export const entryLine = (entry: AuditEntry): string => canonicalJson(entry);
