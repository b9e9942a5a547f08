import { z } from 'zod';
import { EncryptionStateSchema } from './custody';
import {
  BoxSchema,
  OcrEngineChoiceSchema,
  OcrLangSchema,
  OcrModelSchema,
  OcrWordSchema,
  RotationSchema,
} from './ocr';
import { HostErrorSchema } from './result';
import { ScanIdSchema } from './scan';

/**
 * The data that crosses the bridge between the renderer and the host services, as zod schemas.
 * The commands that carry it are listed once, in commands.ts.
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

/** An OCR job's id, a UUID: the renderer's import id, or one the host's queue creates. */
export const JobIdSchema = z.string().regex(/^[0-9a-f-]{36}$/);

export const EnqueueOcrRequestSchema = z.object({
  fileHash: Sha256Schema,
  fileName: z.string().max(500),
  lang: OcrLangSchema.default('vie'),
  forceOcr: z.boolean().default(false),
  /** For the audit log: the case and document the file is imported into. */
  caseId: z.string().min(1).max(200).optional(),
  documentId: z.string().min(1).max(200).optional(),
  /** Which Tesseract and model (Cài đặt → OCR); see the `hoso ocr` options --engine/--model. */
  engine: OcrEngineChoiceSchema.optional(),
  model: OcrModelSchema.optional(),
  /**
   * The renderer's import id, recorded in IndexedDB before this call: the job takes it as its id,
   * and the same id enqueued again returns the job it already has (a retried import queues once).
   */
  importId: JobIdSchema.optional(),
});
export type EnqueueOcrRequest = z.input<typeof EnqueueOcrRequestSchema>;

export const OcrJobSchema = z.object({
  id: JobIdSchema,
  fileHash: Sha256Schema,
  fileName: z.string(),
  lang: OcrLangSchema,
  forceOcr: z.boolean(),
  caseId: z.string().optional(),
  documentId: z.string().optional(),
  /** Optional: jobs persisted before engines were selectable run with the defaults. */
  engine: OcrEngineChoiceSchema.optional(),
  model: OcrModelSchema.optional(),
  state: JobStateSchema,
  pagesDone: z.number().int().min(0),
  pagesTotal: z.number().int().min(0),
  error: HostErrorSchema.optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OcrJob = z.infer<typeof OcrJobSchema>;

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
  /** For the audit log: whose material this is, and what was exported (document, volume, dossier). */
  caseId: z.string().min(1).max(200).optional(),
  scope: z.string().max(200).optional(),
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

export const ExportResultSchema = z.object({
  url: z.string(),
  fileName: z.string(),
  bytes: z.number().int().min(0),
  /** Pages whose image and text were redacted, and who signed, when asked for. */
  redactedPages: z.number().int().min(0).optional(),
  signedBy: z.string().optional(),
});
export type ExportResult = z.infer<typeof ExportResultSchema>;

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
export const BundleImportResultSchema = z.object({
  /** Opaque to the host: the renderer parses it with its own bundle schema. */
  caseData: z.unknown(),
  files: z.array(StoredFileSchema),
  /** Audit entries the bundle carried, each checked against its hash before anything was stored. */
  auditEntries: z.number().int().min(0).optional(),
});
export type BundleImportResult = z.infer<typeof BundleImportResultSchema>;

export const DisplayInfoSchema = z.object({
  id: z.string(),
  label: z.string(),
  primary: z.boolean(),
  width: z.number(),
  height: z.number(),
});
export type DisplayInfo = z.infer<typeof DisplayInfoSchema>;

export const AudienceWindowRequestSchema = z.object({
  caseId: z.string().min(1).max(200),
  /** The presentation list to show (renderer route #/audience/<caseId>/<presentationId>). */
  presentationId: z.string().min(1).max(200).optional(),
  displayId: z.string().max(100).optional(),
  fixed169: z.boolean().optional(),
});
export type AudienceWindowRequest = z.infer<typeof AudienceWindowRequestSchema>;

/** Host → renderer notifications (SSE in browser mode, webContents.send in Electron). */
export const HostEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ocr-job'), job: OcrJobSchema }),
  /** A hint, like `scan-page`: the file is in the inbox. */
  z.object({ type: z.literal('watch-folder-file'), file: StoredFileSchema, path: z.string() }),
  z.object({ type: z.literal('watch-folder-error'), error: HostErrorSchema, path: z.string() }),
  z.object({ type: z.literal('encryption-progress'), state: EncryptionStateSchema }),
  /**
   * A scanned page, stored like an import and put in the inbox; `blank` is the blank-page
   * detector's verdict. A hint: the renderer imports from the inbox (`listInbox`), not from this.
   */
  z.object({
    type: z.literal('scan-page'),
    scanId: ScanIdSchema,
    caseId: z.string(),
    volumeId: z.string(),
    index: z.number().int().min(0),
    file: StoredFileSchema,
    blank: z.boolean(),
  }),
  z.object({
    type: z.literal('scan-finished'),
    scanId: ScanIdSchema,
    caseId: z.string(),
    pages: z.number().int().min(0),
    /** Of those, the pages the blank-page detector set aside. */
    blanks: z.number().int().min(0).optional(),
    error: HostErrorSchema.optional(),
  }),
]);
export type HostEvent = z.infer<typeof HostEventSchema>;

export const RegionSchema = BoxSchema;
