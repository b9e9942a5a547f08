import { z } from 'zod';

/**
 * The OCR result of one page: what `hoso ocr --words` writes and what the app stores in Dexie.
 *
 * Coordinate frame: pixels of the page as shown upright and straightened — the source image
 * turned by `rotation` (clockwise, quarter turns) and then by `deskewDeg` (clockwise, small),
 * keeping the size `widthPx` × `heightPx` of the turned image. Box = [x0, y0, x1, y1], origin top-left.
 */
export const BoxSchema = z.tuple([z.number(), z.number(), z.number(), z.number()]);
export type Box = z.infer<typeof BoxSchema>;

export const OcrWordSchema = z.object({
  text: z.string(), // Unicode NFC
  box: BoxSchema,
  confidence: z.number().min(0).max(100),
});
export type OcrWord = z.infer<typeof OcrWordSchema>;

export const OcrLineSchema = z.object({ box: BoxSchema, words: z.array(OcrWordSchema) });
export type OcrLine = z.infer<typeof OcrLineSchema>;

export const OcrBlockSchema = z.object({ box: BoxSchema, lines: z.array(OcrLineSchema) });
export type OcrBlock = z.infer<typeof OcrBlockSchema>;

export const RotationSchema = z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]);
export type Rotation = z.infer<typeof RotationSchema>;

/**
 * Which Tesseract read a page: the native binary (where one is installed or bundled) or the
 * WebAssembly build (tesseract.js, works everywhere), and with which network (tessdata_fast or
 * the larger "best" one). Optional, so words files written before engines were selectable stay valid.
 */
export const OcrEngineNameSchema = z.enum(['native', 'wasm']);
export type OcrEngineName = z.infer<typeof OcrEngineNameSchema>;
export const OcrModelSchema = z.enum(['fast', 'best']);
/** The engine asked for: `auto` is native where it passes its self-test, else wasm. */
export const OcrEngineChoiceSchema = z.enum(['auto', 'native', 'wasm']);
export type OcrEngineChoice = z.infer<typeof OcrEngineChoiceSchema>;
export type OcrModel = z.infer<typeof OcrModelSchema>;
export const OcrRecognizerSchema = z.object({
  engine: OcrEngineNameSchema,
  model: OcrModelSchema,
  /** Tesseract's version ("5.3.0"). */
  version: z.string(),
});
export type OcrRecognizer = z.infer<typeof OcrRecognizerSchema>;

export const OcrPageSchema = z.object({
  /** 0-based index of the page in the job's input order. */
  index: z.number().int().min(0),
  /** Where the page came from: input file path/name and its 0-based page within that file. */
  source: z.object({ file: z.string(), page: z.number().int().min(0) }),
  widthPx: z.number().positive(),
  heightPx: z.number().positive(),
  dpi: z.number().positive(),
  rotation: RotationSchema,
  deskewDeg: z.number(),
  /** 'ocr' when recognized; 'text-layer' when a born-digital PDF page kept its own text. */
  origin: z.enum(['ocr', 'text-layer']),
  lang: z.string(),
  meanConfidence: z.number(),
  blocks: z.array(OcrBlockSchema),
  /** The engine that recognized the page (absent on text-layer pages and older files). */
  recognizer: OcrRecognizerSchema.optional(),
});
export type OcrPage = z.infer<typeof OcrPageSchema>;

export const OcrWordsFileSchema = z.object({
  format: z.literal('hoso-ocr-words'),
  version: z.literal(1),
  createdAt: z.string(),
  /** The engine the job used (absent in files from before engines were selectable). */
  recognizer: OcrRecognizerSchema.optional(),
  pages: z.array(OcrPageSchema),
});
export type OcrWordsFile = z.infer<typeof OcrWordsFileSchema>;

export const OcrLangSchema = z.enum(['vie', 'eng', 'vie+eng']);
export type OcrLang = z.infer<typeof OcrLangSchema>;
