import type { Box } from '@hoso/contracts';

/** What the dossier reader finds (the `kind` of `hoso entities --json`). */
export type EntityKind =
  | 'person'
  | 'organization'
  | 'plate'
  | 'phone'
  | 'id_number'
  | 'bank_account'
  | 'doc_number'
  | 'legal_ref'
  | 'money'
  | 'date'
  | 'place';

export const ENTITY_KINDS: readonly EntityKind[] = [
  'person',
  'organization',
  'plate',
  'phone',
  'id_number',
  'bank_account',
  'doc_number',
  'legal_ref',
  'money',
  'date',
  'place',
];

/** Procedural roles of a person, as the papers name them (stored in Vietnamese, NFC). */
export type PersonRole =
  | 'bị can'
  | 'bị cáo'
  | 'bị hại'
  | 'người làm chứng'
  | 'người chứng kiến'
  | 'người bị bắt'
  | 'người bị tạm giữ'
  | 'người có quyền lợi, nghĩa vụ liên quan'
  | 'người bào chữa'
  | 'người phiên dịch'
  | 'người đại diện'
  | 'Kiểm sát viên'
  | 'Điều tra viên'
  | 'Cán bộ điều tra'
  | 'Thủ trưởng'
  | 'Phó Thủ trưởng'
  | 'Viện trưởng'
  | 'Phó Viện trưởng'
  | 'Thẩm phán'
  | 'Thư ký'
  | 'Giám định viên';

/** A structured legal provision (the `legal_ref` kind). */
export interface Provision {
  code?: 'BLHS' | 'BLTTHS';
  article: number;
  clause?: number;
  point?: string;
}

/** One page of words to read: the words in reading order with their line, from an OcrPage. */
export interface PageWords {
  /** The page's key: a page id in the app, a 1-based page number in the CLI. */
  pageId: string;
  /** Groups pages into documents: short forms of names link to full names of the same document. */
  documentId: string;
  words: readonly { text: string; box: Box; line: number }[];
}

/** A hit on one page: which words, their union box, and what the text says. */
export interface Mention {
  kind: EntityKind;
  /** The text as printed (OCR), words joined by one space. */
  text: string;
  /** The normalized value: ISO date, amount in đồng, "51K-888.12", "điểm a khoản 4 Điều 174 BLHS"… */
  normalized: string;
  pageId: string;
  documentId: string;
  /** Reading-order word range on the page [first, last]. */
  words: [number, number];
  box: Box;
  role?: PersonRole;
  /** legal_ref only. */
  provision?: Provision;
  /** money only: the amount in đồng. */
  amount?: number;
  /**
   * person only: a short form ("Khánh", "chị Hoa") found beside full names; resolved to a full
   * name of the same document by `aggregateEntities`.
   */
  short?: boolean;
  /** Sentence number on the page: an identifier belongs to a person named in the same sentence. */
  sentence?: number;
  /** date only: what happened on that date, when the sentence says it ("bắt", "khám nghiệm"). */
  event?: string;
}

export interface Occurrence {
  pageId: string;
  documentId: string;
  box: Box;
  text: string;
}

/** A case-level entity: every mention of one person, plate, date… merged. */
export interface Entity {
  /** Stable within a case: kind + normalized key. */
  key: string;
  kind: EntityKind;
  /** The spelling shown (the most frequent printed form). */
  text: string;
  normalized: string;
  role?: PersonRole;
  provision?: Provision;
  amount?: number;
  occurrences: Occurrence[];
  documents: string[];
  /** Keys of identifiers, places and dates written beside this person (CCCD, phone, plate, address). */
  related: string[];
  /** Events of a date entity (from its sentences), most frequent first. */
  events?: string[];
  /** Set by the user's edits (edits.ts): the entries merged into this one, and by which edit. */
  mergedFrom?: string[];
  mergeId?: string;
  /** Split off by the user from this entry. */
  splitFrom?: string;
}
