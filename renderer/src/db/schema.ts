import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { Case, CaseDocument, Page, PageText, Volume } from '@hoso/domain';
import type { HostError, JobState } from '@hoso/contracts';
import type { TermSegment } from '@hoso/search';
import type { EntityDecisionRecord, EntityEditRecord, EntityPageRecord } from './entities';
import { moveSearchCounters, type SearchMetaRecord } from './searchMeta';
import type { MapRecord } from './maps';
import type { PresentationRecord } from './presentations';

/**
 * HoSo's IndexedDB. Versioned from the first release: a change to a store is a new
 * `this.version(n)` with an upgrade function, never an edit of an old version once shipped.
 * (Nothing has shipped yet: version 1 may still be edited during the first release.)
 */

/** Links a host OCR job to the document whose pages it fills. */
export interface ImportRecord {
  id: string; // host job id
  caseId: string;
  documentId: string;
  volumeId: string;
  fileHash: string;
  fileName: string;
  pageCount: number;
  /** The host job's state, as last reconciled. */
  state: JobState;
  error?: HostError;
  createdAt: string;
  updatedAt: string;
}

// The index's records are packed term segments (@hoso/search explains the layout).
export type { SearchPosting, TermSegment } from '@hoso/search';

/** Stored as-is; db/settings.ts parses each value by its key. */
export interface SettingRecord {
  key: string;
  value: unknown;
}

export class HosoDb extends Dexie {
  cases!: Table<Case, string>;
  volumes!: Table<Volume, string>;
  documents!: Table<CaseDocument, string>;
  pages!: Table<Page, string>;
  pageTexts!: Table<PageText, string>;
  imports!: Table<ImportRecord, string>;
  terms!: Table<TermSegment, [string, string, number]>;
  maps!: Table<MapRecord, string>;
  presentations!: Table<PresentationRecord, string>;
  settings!: Table<SettingRecord, string>;
  entityPages!: Table<EntityPageRecord, string>;
  entityEdits!: Table<EntityEditRecord, string>;
  entityDecisions!: Table<EntityDecisionRecord, string>;
  searchMeta!: Table<SearchMetaRecord, string>;

  /** `options` lets tests and the Node bench pass fake-indexeddb's indexedDB/IDBKeyRange. */
  constructor(name = 'hoso', options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({
      cases: 'id, number, updatedAt, deletedAt',
      volumes: 'id, caseId, [caseId+order]',
      documents: 'id, caseId, volumeId, [volumeId+order]',
      pages: 'id, caseId, documentId, fileHash, importId, [documentId+order], [caseId+folio], ocrStatus',
      pageTexts: 'pageId, caseId, docNo',
      imports: 'id, caseId, documentId, state',
      // A query reads a term's segments by primary key range: [term] (all cases) or [term, caseId].
      terms: '[term+caseId+seg], caseId',
      maps: 'id, caseId, updatedAt',
      presentations: 'id, caseId, updatedAt',
      settings: 'key',
    });
    // Case intelligence (issue 14, db/entities.ts): per-page readings, the user's person edits,
    // and accepted/rejected map suggestions.
    this.version(2).stores({
      entityPages: 'pageId, caseId',
      entityEdits: 'id, caseId',
      entityDecisions: 'id, caseId, mapId',
    });
    // The search index's counters (per-case stats, next page number) leave `settings`, which is
    // the user's preferences, for a store of their own (issue 12). One upgrade transaction: a
    // database is either moved whole or left at version 2.
    this.version(3)
      .stores({ searchMeta: 'key' })
      .upgrade((tx) => moveSearchCounters(tx.table('settings'), tx.table('searchMeta')));
  }
}

let instance: HosoDb | null = null;

/** The app's database (one per window; the courtroom audience window opens its own). */
/** Every store a case's data lives in: a transaction that writes or removes a whole case spans them all. */
export function caseStores(db: HosoDb) {
  return [
    db.cases,
    db.volumes,
    db.documents,
    db.pages,
    db.pageTexts,
    db.imports,
    db.terms,
    db.searchMeta,
    db.settings,
    db.maps,
    db.presentations,
    db.entityPages,
    db.entityEdits,
    db.entityDecisions,
  ];
}

export function getDb(): HosoDb {
  instance ??= new HosoDb();
  return instance;
}

/** Tests and the bench point the module-level default at their own (fake-indexeddb) database. */
export function setDb(db: HosoDb | null): void {
  instance = db;
}

/** Schema version written into case bundles; bump with every `this.version(n)`. */
export const SCHEMA_VERSION = 1;
