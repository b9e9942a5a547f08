import { z } from 'zod';
import { BoxSchema, OcrLangSchema, OcrWordSchema, RotationSchema, type OcrWordsFile } from './ocr';
import type {
  AuditExportRequest,
  AuditFilter,
  AuditListing,
  CorrectionNotice,
  DeletionNotice,
  EncryptionState,
} from './custody';
import type { HostError, Result } from './result';

/**
 * The one typed bridge between the renderer and the host services (Electron main via preload +
 * ipcMain, or the browser-mode HTTP server on 127.0.0.1). Requests that carry data are described
 * by zod schemas so the host validates every message before acting on it.
 */

export const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

export const StoredFilePageSchema = z.object({
  index: z.number().int().min(0),
  widthPx: z.number().positive(),
  heightPx: z.number().positive(),
  dpi: z.number().positive(),
  /** Born-digital PDF page that already carries text. */
  hasText: z.boolean(),
});
export type StoredFilePage = z.infer<typeof StoredFilePageSchema>;

export const StoredFileSchema = z.object({
  hash: Sha256Schema,
  name: z.string(),
  size: z.number().int().min(0),
  mime: z.string(),
  pages: z.array(StoredFilePageSchema),
  /** True when a file with this hash was already in the store before this call. */
  existed: z.boolean(),
});
export type StoredFile = z.infer<typeof StoredFileSchema>;

export const JobStateSchema = z.enum(['queued', 'running', 'done', 'failed', 'cancelled']);
export type JobState = z.infer<typeof JobStateSchema>;

export const EnqueueOcrRequestSchema = z.object({
  fileHash: Sha256Schema,
  fileName: z.string().max(500),
  lang: OcrLangSchema.default('vie'),
  forceOcr: z.boolean().default(false),
  /** For the audit log: the case and document the file is imported into. */
  caseId: z.string().min(1).max(200).optional(),
  documentId: z.string().min(1).max(200).optional(),
});
export type EnqueueOcrRequest = z.input<typeof EnqueueOcrRequestSchema>;

export type OcrJob = {
  id: string;
  fileHash: string;
  fileName: string;
  lang: z.infer<typeof OcrLangSchema>;
  forceOcr: boolean;
  caseId?: string;
  documentId?: string;
  state: JobState;
  pagesDone: number;
  pagesTotal: number;
  error?: HostError;
  createdAt: string;
  updatedAt: string;
};

/** One page of an export: a stored page plus the (corrected) words the renderer holds for it. */
export const ExportPageSchema = z.object({
  fileHash: Sha256Schema,
  page: z.number().int().min(0),
  /** Rotation the user applied in the app, on top of the one OCR applied. */
  rotation: RotationSchema,
  /** Frame of the words (see OcrPage): the page as shown upright and straightened. */
  frame: z.object({
    widthPx: z.number().positive(),
    heightPx: z.number().positive(),
    dpi: z.number().positive(),
    ocrRotation: RotationSchema,
    deskewDeg: z.number(),
  }),
  words: z.array(OcrWordSchema),
  /** bút lục number to stamp, when stamping. */
  folio: z.number().int().positive().optional(),
});
export type ExportPage = z.infer<typeof ExportPageSchema>;

export type OutlineEntry = { title: string; pageIndex: number; children?: OutlineEntry[] };
export const OutlineEntrySchema: z.ZodType<OutlineEntry> = z.lazy(() =>
  z.object({
    title: z.string().max(1000),
    pageIndex: z.number().int().min(0),
    children: z.array(OutlineEntrySchema).optional(),
  }),
);

export const ExportPdfRequestSchema = z.object({
  title: z.string().max(1000),
  fileName: z.string().max(255),
  pages: z.array(ExportPageSchema).min(1),
  outline: z.array(OutlineEntrySchema).default([]),
  /** mục lục: an optional first page listing documents and their folio ranges. */
  tableOfContents: z
    .object({
      heading: z.string(),
      columns: z.tuple([z.string(), z.string(), z.string()]),
      rows: z.array(z.object({ title: z.string(), folios: z.string(), pageIndex: z.number().int().min(0) })),
    })
    .optional(),
  folioStamps: z.boolean().default(false),
  /** For the audit log: whose material this is, and what was exported (document, volume, dossier). */
  caseId: z.string().min(1).max(200).optional(),
  scope: z.string().max(200).optional(),
});
export type ExportPdfRequest = z.input<typeof ExportPdfRequestSchema>;

export type ExportResult = { url: string; fileName: string; bytes: number };

export const BundleExportRequestSchema = z.object({
  fileName: z.string().max(255),
  /** The case's Dexie records, serialized by the renderer (opaque to the host). */
  caseData: z.unknown(),
  fileHashes: z.array(Sha256Schema),
  caseId: z.string().min(1).max(200).optional(),
  /** When given, the bundle is encrypted with it (never stored); the importer must give it again. */
  passphrase: z.string().min(8).max(1000).optional(),
});
export type BundleExportRequest = z.input<typeof BundleExportRequestSchema>;
export type BundleImportResult = {
  caseData: unknown;
  files: StoredFile[];
  /** Audit entries the bundle carried, each checked against its hash before anything was stored. */
  auditEntries?: number;
};

export type DisplayInfo = { id: string; label: string; primary: boolean; width: number; height: number };

export type HostEvent =
  | { type: 'ocr-job'; job: OcrJob }
  | { type: 'watch-folder-file'; file: StoredFile; path: string }
  | { type: 'watch-folder-error'; error: HostError; path: string }
  | { type: 'encryption-progress'; state: EncryptionState };

export const RegionSchema = BoxSchema;

export interface HostBridge {
  readonly mode: 'electron' | 'web';
  /** `caseId` says which case the file is imported into (recorded in the audit log). */
  storeFile(name: string, bytes: ArrayBuffer, context?: { caseId?: string }): Promise<Result<StoredFile>>;
  getFile(hash: string): Promise<Result<StoredFile>>;
  /** URL of a page rendered as an image (PNG/JPEG), for <img>. Original pixels, no rotation applied. */
  pageImageUrl(hash: string, page: number): string;
  /** URL of the original file bytes as imported. */
  originalUrl(hash: string): string;
  enqueueOcr(request: EnqueueOcrRequest): Promise<Result<OcrJob>>;
  listJobs(): Promise<Result<OcrJob[]>>;
  cancelJob(id: string): Promise<Result<OcrJob>>;
  retryJob(id: string): Promise<Result<OcrJob>>;
  jobResult(id: string): Promise<Result<OcrWordsFile>>;
  exportPdf(request: ExportPdfRequest): Promise<Result<ExportResult>>;
  exportBundle(request: BundleExportRequest): Promise<Result<ExportResult>>;
  /** An encrypted bundle needs its passphrase (PASSPHRASE_REQUIRED / WRONG_PASSPHRASE otherwise). */
  importBundle(bytes: ArrayBuffer, passphrase?: string): Promise<Result<BundleImportResult>>;
  getWatchFolder(): Promise<Result<string | null>>;
  setWatchFolder(path: string | null): Promise<Result<string | null>>;
  listDisplays(): Promise<Result<DisplayInfo[]>>;
  /** Electron: opens the courtroom audience window full-screen on the chosen display. */
  openAudienceWindow(request: {
    caseId: string;
    /** The presentation list to show (renderer route #/audience/<caseId>/<presentationId>). */
    presentationId?: string;
    displayId?: string;
    fixed169?: boolean;
  }): Promise<Result<void>>;
  subscribe(listener: (event: HostEvent) => void): () => void;
  // --- Chain of custody (issue 13): the renderer reads the log and sends notices; it never
  // writes an entry. Encryption: status, unlock at start, switch on.
  listAudit(filter: AuditFilter): Promise<Result<AuditListing>>;
  exportAudit(request: AuditExportRequest): Promise<Result<ExportResult>>;
  noteCorrection(notice: CorrectionNotice): Promise<Result<void>>;
  noteDeletion(notice: DeletionNotice): Promise<Result<void>>;
  noteAudienceOpened(notice: { caseId: string; presentationId?: string }): Promise<Result<void>>;
  getUserName(): Promise<Result<string>>;
  setUserName(userName: string): Promise<Result<string>>;
  encryptionStatus(): Promise<Result<EncryptionState>>;
  unlock(passphrase: string): Promise<Result<EncryptionState>>;
  enableEncryption(passphrase: string): Promise<Result<EncryptionState>>;
}
