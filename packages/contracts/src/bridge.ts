import { z } from 'zod';
import { BoxSchema, OcrLangSchema, OcrWordSchema, RotationSchema, type OcrWordsFile } from './ocr';
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
});
export type EnqueueOcrRequest = z.input<typeof EnqueueOcrRequestSchema>;

export type OcrJob = {
  id: string;
  fileHash: string;
  fileName: string;
  lang: z.infer<typeof OcrLangSchema>;
  forceOcr: boolean;
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

/** A box as fractions of a page's width and height: x0, y0, x1, y1 from the top-left. */
export const NormalizedBoxSchema = z
  .tuple([
    z.number().min(0).max(1),
    z.number().min(0).max(1),
    z.number().min(0).max(1),
    z.number().min(0).max(1),
  ])
  .refine(([x0, y0, x1, y1]) => x1 > x0 && y1 > y0, 'a box needs x1 > x0 and y1 > y0');

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
  /**
   * Export redactions (true redaction, ocr/src/pdf/redacted-pdf.ts): per exported page, boxes
   * normalized 0..1 on the page as displayed (the user's rotation applied), as courtroom boxes are.
   */
  redactions: z
    .array(
      z.object({
        pageIndex: z.number().int().min(0),
        boxes: z.array(NormalizedBoxSchema).min(1).max(1000),
      }),
    )
    .max(20_000)
    .optional(),
  /** Sign the export (PAdES-B-B) with a PKCS#12 certificate; the password is never stored. */
  sign: z
    .object({
      p12Base64: z.string().min(1).max(400_000),
      password: z.string().max(1000),
      reason: z.string().max(300).optional(),
      location: z.string().max(300).optional(),
      visible: z.boolean().default(false),
    })
    .optional(),
});
export type ExportPdfRequest = z.input<typeof ExportPdfRequestSchema>;

export type ExportResult = {
  url: string;
  fileName: string;
  bytes: number;
  /** Pages whose image and text were redacted, and who signed, when asked for. */
  redactedPages?: number;
  signedBy?: string;
};

export const BundleExportRequestSchema = z.object({
  fileName: z.string().max(255),
  /** The case's Dexie records, serialized by the renderer (opaque to the host). */
  caseData: z.unknown(),
  fileHashes: z.array(Sha256Schema),
});
export type BundleExportRequest = z.input<typeof BundleExportRequestSchema>;
export type BundleImportResult = { caseData: unknown; files: StoredFile[] };

export type DisplayInfo = { id: string; label: string; primary: boolean; width: number; height: number };

export type HostEvent =
  | { type: 'ocr-job'; job: OcrJob }
  | { type: 'watch-folder-file'; file: StoredFile; path: string }
  | { type: 'watch-folder-error'; error: HostError; path: string };

export const RegionSchema = BoxSchema;

export interface HostBridge {
  readonly mode: 'electron' | 'web';
  storeFile(name: string, bytes: ArrayBuffer): Promise<Result<StoredFile>>;
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
  importBundle(bytes: ArrayBuffer): Promise<Result<BundleImportResult>>;
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
}
