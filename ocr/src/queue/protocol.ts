import { OcrLangSchema, OcrPageSchema } from '@hoso/contracts';
import { z } from 'zod';

/**
 * What travels through the centre's Redis. Every message is parsed with zod on arrival: a worker
 * serves anyone who can reach Redis, and a submitter reads whatever a worker wrote.
 */
export const QUEUE_NAME = 'hoso-ocr-pages';
/** Key prefix of HoSo's own keys (page bytes, run heartbeats); BullMQ's use `bull:`. */
export const KEY_PREFIX = 'hoso:ocr';

export const pageBytesKey = (run: string, sha256: string) => `${KEY_PREFIX}:bytes:${run}:${sha256}`;
export const runAliveKey = (run: string) => `${KEY_PREFIX}:run:${run}`;
/** BullMQ refuses ':' in custom ids; job+page is the id, so a page can only be queued once. */
export const pageJobId = (run: string, index: number) => `${run}-p${index}`;

const RunId = z.string().regex(/^[0-9a-f-]{36}$/);
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const PageJobSchema = z.object({
  v: z.literal(1),
  run: RunId,
  index: z.number().int().min(0),
  /** The file as the submitter named it (messages only: workers never open it). */
  file: z.string().max(4096),
  /** The whole input file's bytes are under pageBytesKey(run, sha256); this is their hash. */
  sha256: Sha256,
  bytes: z.number().int().positive(),
  pageInFile: z.number().int().min(0),
  format: z.enum(['jpeg', 'png', 'tiff', 'pdf']),
  widthPx: z.number().int().positive(),
  heightPx: z.number().int().positive(),
  dpi: z.number().positive(),
  exifRotation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]),
  hasText: z.boolean().optional(),
  /** A scanned PDF page that is one JPEG (the submitter's probe, pdf-structure.ts): its range in the file. */
  embeddedJpeg: z
    .object({
      offset: z.number().int().min(0),
      length: z.number().int().positive(),
      width: z.number().int().positive(),
      height: z.number().int().positive(),
    })
    .optional(),
  lang: OcrLangSchema,
  forceOcr: z.boolean(),
});
export type PageJob = z.infer<typeof PageJobSchema>;

export const PageResultSchema = z.object({
  v: z.literal(1),
  run: RunId,
  index: z.number().int().min(0),
  ocr: OcrPageSchema,
  /** The page's invisible text layer as PDF content operators (the fragment the PDF writer embeds). */
  textLayer: z.string(),
  /** PDF pages: whether the page carries its own text (the PDF writer copies or rasterizes it). */
  hasText: z.boolean().optional(),
  worker: z.string().max(200),
  /** Milliseconds the worker spent fetching the bytes and recognizing. */
  fetchMs: z.number(),
  ocrMs: z.number(),
});
export type PageResult = z.infer<typeof PageResultSchema>;

/** Progress a worker reports on a page (BullMQ job progress). */
export const PageProgressSchema = z.object({ stage: z.literal('started'), worker: z.string() });

/** A worker's reason for refusing a page whose run has no heartbeat (the submitter renews and resubmits). */
export const RUN_GONE = 'the submitting job is gone (its heartbeat expired)';
