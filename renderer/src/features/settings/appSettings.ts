import { useLiveQuery } from 'dexie-react-hooks';
import type { OcrEngineChoice, OcrLang, OcrModel } from '@hoso/contracts';
import { getDb } from '../../db';

/**
 * The user's app preferences kept in Dexie's `settings` table (the data layer has no typed API for
 * it yet). The watched folder itself is a host setting (bridge get/setWatchFolder); which case
 * receives its files is ours.
 */
export interface AppSettings {
  'ocr.lang': OcrLang;
  /** Tesseract engine and model for new OCR jobs (auto: native where installed). */
  'ocr.engine': OcrEngineChoice;
  'ocr.model': OcrModel | 'default';
  /** Case that receives files dropped into the watched folder. */
  'watch.caseId': string | null;
}

const defaults: AppSettings = {
  'ocr.lang': 'vie',
  'ocr.engine': 'auto',
  'ocr.model': 'default',
  'watch.caseId': null,
};

export async function getSetting<K extends keyof AppSettings>(key: K): Promise<AppSettings[K]> {
  const rec = await getDb().settings.get(key);
  return rec === undefined ? defaults[key] : (rec.value as AppSettings[K]);
}

export async function setSetting<K extends keyof AppSettings>(key: K, value: AppSettings[K]): Promise<void> {
  await getDb().settings.put({ key, value });
}

export function useSetting<K extends keyof AppSettings>(key: K): AppSettings[K] | undefined {
  return useLiveQuery(() => getSetting(key), [key]);
}
