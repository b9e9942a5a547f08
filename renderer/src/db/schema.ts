import Dexie, { type Table } from 'dexie';
import type { Case, CaseDocument, Page, Volume } from '@hoso/domain';

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
  fileHash: string;
  fileName: string;
  state: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  createdAt: string;
}

/** One posting of the full-text index: a normalized term on a page. Owned by db/search. */
export interface SearchPosting {
  term: string;
  pageId: string;
  caseId: string;
  /** Word positions (reading order index on the page) for phrase search. */
  positions: number[];
}

/** Stored mind map; its model type lives in @hoso/mindmap. */
export interface MapRecord {
  id: string;
  caseId: string;
  name: string;
  updatedAt: string;
  model: unknown;
}

/** Stored presentation list (danh mục trình chiếu); its model type lives with the courtroom feature. */
export interface PresentationRecord {
  id: string;
  caseId: string;
  name: string;
  updatedAt: string;
  model: unknown;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

export class HosoDb extends Dexie {
  cases!: Table<Case, string>;
  volumes!: Table<Volume, string>;
  documents!: Table<CaseDocument, string>;
  pages!: Table<Page, string>;
  imports!: Table<ImportRecord, string>;
  postings!: Table<SearchPosting, [string, string]>;
  maps!: Table<MapRecord, string>;
  presentations!: Table<PresentationRecord, string>;
  settings!: Table<SettingRecord, string>;

  constructor(name = 'hoso') {
    super(name);
    this.version(1).stores({
      cases: 'id, number, updatedAt, deletedAt',
      volumes: 'id, caseId, [caseId+order]',
      documents: 'id, caseId, volumeId, [volumeId+order]',
      pages: 'id, caseId, documentId, fileHash, [documentId+order], [caseId+folio], ocrStatus',
      imports: 'id, caseId, documentId, state',
      postings: '[term+pageId], term, pageId, caseId, [caseId+term]',
      maps: 'id, caseId, updatedAt',
      presentations: 'id, caseId, updatedAt',
      settings: 'key',
    });
  }
}

let instance: HosoDb | null = null;

/** The app's database (one per window; the courtroom audience window opens its own). */
export function getDb(): HosoDb {
  instance ??= new HosoDb();
  return instance;
}
