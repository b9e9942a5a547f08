import { z } from 'zod';
import { MapModelSchema, type MapModel } from './model';

/**
 * JSON export/import of one map. The file carries the map's name and the case number it came
 * from so an import into another case can say so; the model is validated with zod on the way in.
 */
export const MAP_FILE_FORMAT = 'hoso-map-file';

const MapFileSchema = z.object({
  format: z.literal(MAP_FILE_FORMAT),
  name: z.string(),
  caseNumber: z.string().optional(),
  exportedAt: z.string(),
  model: MapModelSchema,
});
export type MapFile = z.infer<typeof MapFileSchema>;

export function serializeMap(
  model: MapModel,
  meta: { name: string; caseNumber?: string; exportedAt?: string },
): string {
  const file: MapFile = {
    format: MAP_FILE_FORMAT,
    name: meta.name.normalize('NFC'),
    ...(meta.caseNumber ? { caseNumber: meta.caseNumber } : {}),
    exportedAt: meta.exportedAt ?? new Date().toISOString(),
    model,
  };
  return JSON.stringify(file, null, 2);
}

export type ParseResult = { ok: true; file: MapFile } | { ok: false; error: string };

/** Reads a map file; the error says in English what is wrong (the UI shows its own Vietnamese text plus this detail). */
export function parseMapFile(text: string): ParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text.normalize('NFC'));
  } catch (e) {
    return { ok: false, error: `not JSON: ${(e as Error).message}` };
  }
  const parsed = MapFileSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, error: `${first.path.join('.') || '(root)'}: ${first.message}` };
  }
  return { ok: true, file: parsed.data };
}

/** A stored model read back from Dexie; null when it does not validate (shown as an error, never silently emptied). */
export function readStoredModel(raw: unknown): MapModel | null {
  const parsed = MapModelSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
