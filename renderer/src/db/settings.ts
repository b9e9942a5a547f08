import { z } from 'zod';
import { OcrEngineChoiceSchema, OcrLangSchema, OcrModelSchema } from '@hoso/contracts';
import { getDb, type HosoDb } from './schema';

/**
 * The user's app preferences (`settings` store), one record per key, each value parsed by its
 * key's schema when read: a missing or damaged value reads as the default (a preference is never
 * worth an error). The watched folder itself is a host setting (bridge get/setWatchFolder); which
 * case receives its files is ours.
 */
const SETTING_SCHEMAS = {
  'ocr.lang': OcrLangSchema,
  /** Tesseract engine and model for new OCR jobs (auto: native where installed). */
  'ocr.engine': OcrEngineChoiceSchema,
  'ocr.model': z.union([OcrModelSchema, z.literal('default')]),
  /** Case that receives files dropped into the watched folder. */
  'watch.caseId': z.string().nullable(),
} as const;

export type AppSettings = { [K in keyof typeof SETTING_SCHEMAS]: z.infer<(typeof SETTING_SCHEMAS)[K]> };

const DEFAULTS: AppSettings = {
  'ocr.lang': 'vie',
  'ocr.engine': 'auto',
  'ocr.model': 'default',
  'watch.caseId': null,
};

export async function getSetting<K extends keyof AppSettings>(
  key: K,
  db: HosoDb = getDb(),
): Promise<AppSettings[K]> {
  const rec = await db.settings.get(key);
  if (rec === undefined) return DEFAULTS[key];
  const parsed = SETTING_SCHEMAS[key].safeParse(rec.value);
  return parsed.success ? (parsed.data as AppSettings[K]) : DEFAULTS[key];
}

export async function setSetting<K extends keyof AppSettings>(
  key: K,
  value: AppSettings[K],
  db: HosoDb = getDb(),
): Promise<void> {
  await db.settings.put({ key, value: SETTING_SCHEMAS[key].parse(value) });
}
