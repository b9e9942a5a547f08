/**
 * The dossier model (see the glossary in shared/GUIDE.md). Records are plain JSON so they store in
 * Dexie as they are and travel in case bundles.
 */
import type { OcrPage, Rotation } from '@hoso/contracts';

export type ProceduralStage =
  | 'khoi-to' // khởi tố
  | 'dieu-tra' // điều tra
  | 'truy-to' // truy tố
  | 'xet-xu-so-tham' // xét xử sơ thẩm
  | 'xet-xu-phuc-tham' // xét xử phúc thẩm
  | 'thi-hanh-an' // thi hành án
  | 'dinh-chi'; // đình chỉ / tạm đình chỉ

/** A charge (tội danh): a Penal Code article, optionally clause and point. */
export interface Charge {
  article: number;
  clause?: number;
  point?: string;
  name: string; // e.g. "Trộm cắp tài sản"
}

export interface Defendant {
  name: string;
  birthYear?: number;
  role: 'bi-can' | 'bi-cao';
}

export interface KeyDate {
  label: string; // e.g. "Khởi tố vụ án", "Hạn tạm giam"
  date: string; // ISO yyyy-mm-dd
}

export interface Case {
  id: string;
  number: string; // số vụ án / số hồ sơ
  name: string;
  charges: Charge[];
  defendants: Defendant[];
  prosecutor: string; // kiểm sát viên thụ lý
  stage: ProceduralStage;
  keyDates: KeyDate[];
  createdAt: string;
  updatedAt: string;
  /** Soft delete so a deletion can be undone for a while. */
  deletedAt?: string;
}

export interface Volume {
  id: string;
  caseId: string;
  order: number;
  name: string; // "Tập 1 — Tài liệu tố tụng"
}

export type DocumentType =
  | 'quyet-dinh' // quyết định
  | 'bien-ban' // biên bản
  | 'loi-khai' // biên bản lời khai / ghi lời khai
  | 'ket-luan' // kết luận (giám định, định giá, điều tra)
  | 'cao-trang' // cáo trạng
  | 'lenh' // lệnh (tạm giam, bắt, khám xét)
  | 'don' // đơn (tố giác, trình báo)
  | 'thong-bao' // thông báo (rút kinh nghiệm, kết quả giải quyết tố giác, …)
  | 'ban-an' // bản án (sơ thẩm, phúc thẩm)
  | 'cong-van' // công văn ("V/v …")
  | 'anh' // ảnh, vật chứng
  | 'khac'; // khác

export interface CaseDocument {
  id: string;
  caseId: string;
  volumeId: string;
  order: number;
  type: DocumentType;
  title: string;
  number?: string; // số văn bản, e.g. "127/QĐ-VKSKV4"
  date?: string; // ISO
  issuer?: string; // cơ quan ban hành
  createdAt: string;
  updatedAt?: string;
  /**
   * Metadata fields the user typed. Detection from OCR text never overwrites these; it only fills
   * fields still holding their defaults.
   */
  editedFields?: DocumentMetadataField[];
}

export type DocumentMetadataField = 'type' | 'title' | 'number' | 'date' | 'issuer';

export type OcrStatus = 'none' | 'queued' | 'running' | 'done' | 'failed';

/** A user's correction of one OCR word, addressed by its position in the OcrPage. */
export interface WordCorrection {
  block: number;
  line: number;
  word: number;
  text: string; // NFC
}

/**
 * A page record stays small (a case's 2 000 thumbnails list fast); its OCR words and the user's
 * corrections live in a separate record (`PageText`, keyed by page id).
 */
export interface Page {
  id: string;
  caseId: string;
  documentId: string;
  order: number; // position within the document
  folio?: number; // bút lục
  fileHash: string;
  filePage: number; // page within the stored file
  fileName: string;
  widthPx: number;
  heightPx: number;
  /** Quarter turns the user applied in the app, on top of what OCR applied. */
  rotation: Rotation;
  ocrStatus: OcrStatus;
  /** File size in bytes of the stored original this page comes from. */
  fileSize?: number;
  dpi?: number;
  /** Host OCR job that fills this page (follows the page when the user moves it). */
  importId?: string;
  /**
   * Left out of the dossier (no folio) though kept: a scanned page the blank-page detector judged
   * blank. Shown greyed in the list; "Khôi phục" clears it.
   */
  leftOut?: 'blank';
  /**
   * Boxes (frame pixels, like word boxes) to redact in every export of this page; drawn in the
   * viewer. The stored original is never changed.
   */
  exportRedactions?: Array<[number, number, number, number]>;
  /** Mean OCR confidence (0–100) once recognized, for "check this page" badges. */
  meanConfidence?: number;
  wordCount?: number;
  /** Text comes from a born-digital PDF's own text layer rather than OCR. */
  textOrigin?: 'ocr' | 'text-layer';
  /**
   * The OCR frame (see OcrPage) copied onto the page once recognized, so thumbnails and overlays can
   * place the image without reading the page's words.
   */
  ocrFrame?: Pick<OcrPage, 'widthPx' | 'heightPx' | 'dpi' | 'rotation' | 'deskewDeg'>;
}

/** The OCR result of a page and the user's corrections to it. */
export interface PageText {
  pageId: string;
  caseId: string;
  ocr: OcrPage;
  corrections: WordCorrection[];
  /** The page's number in the search index (small integer ids keep index segments compact). Set by the index. */
  docNo?: number;
}
