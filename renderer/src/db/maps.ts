import { z } from 'zod';
import { MapModelSchema, type MapModel } from '@hoso/mindmap';
import { getDb, type HosoDb } from './schema';
import { damaged, guard } from './errors';

/**
 * The case's mind maps (`maps` store). Every write is one transaction: a map is either saved
 * whole or not at all. Reads are parsed with @hoso/mindmap's schema: a map that does not parse is
 * listed (so it can be deleted) but opening it is a DAMAGED_RECORD error, never a crash.
 */
export const MapRecordSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  name: z.string(),
  updatedAt: z.string(),
  model: MapModelSchema,
});
export type MapRecord = z.infer<typeof MapRecordSchema>;

/** What a list of maps shows: the map without its model. */
export interface MapSummary {
  id: string;
  caseId: string;
  name: string;
  updatedAt: string;
  nodeCount: number;
  /** The stored model does not parse (opening it reports a DAMAGED_RECORD). */
  damaged: boolean;
}

const SummarySchema = MapRecordSchema.pick({ id: true, caseId: true, name: true, updatedAt: true });

function summaryOf(raw: unknown): MapSummary | null {
  const head = SummarySchema.safeParse(raw);
  if (!head.success) return null; // not a map at all: nothing to name or open
  const model = MapModelSchema.safeParse((raw as { model?: unknown }).model);
  return {
    ...head.data,
    nodeCount: model.success ? model.data.nodes.length : 0,
    damaged: !model.success,
  };
}

/** The case's maps, most recently changed first. */
export async function listCaseMaps(caseId: string, db: HosoDb = getDb()): Promise<MapSummary[]> {
  const rows = await db.maps.where('caseId').equals(caseId).toArray();
  return rows
    .map(summaryOf)
    .filter((m): m is MapSummary => m !== null)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

/** The case's maps that parse, with their models, most recently changed first (damaged ones are left out). */
export async function listCaseMapRecords(caseId: string, db: HosoDb = getDb()): Promise<MapRecord[]> {
  const rows = await db.maps.where('caseId').equals(caseId).toArray();
  return rows
    .flatMap((raw) => {
      const parsed = MapRecordSchema.safeParse(raw);
      return parsed.success ? [parsed.data] : [];
    })
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

/** The map with its parsed model; undefined when there is none; DAMAGED_RECORD when it does not parse. */
export async function getMap(id: string, db: HosoDb = getDb()): Promise<MapRecord | undefined> {
  const raw = await db.maps.get(id);
  if (raw === undefined) return undefined;
  const parsed = MapRecordSchema.safeParse(raw);
  if (!parsed.success) throw damaged(`sơ đồ «${raw.name ?? id}»`, id, parsed.error.message);
  return parsed.data;
}

export async function createMap(
  caseId: string,
  name: string,
  model: MapModel,
  db: HosoDb = getDb(),
): Promise<MapRecord> {
  const record: MapRecord = {
    id: crypto.randomUUID(),
    caseId,
    name: name.normalize('NFC').trim() || 'Sơ đồ',
    updatedAt: new Date().toISOString(),
    model,
  };
  await guard(() => db.transaction('rw', db.maps, () => db.maps.add(record)));
  return record;
}

export async function renameMap(id: string, name: string, db: HosoDb = getDb()): Promise<void> {
  await guard(() =>
    db.transaction('rw', db.maps, () =>
      db.maps.update(id, { name: name.normalize('NFC').trim(), updatedAt: new Date().toISOString() }),
    ),
  );
}

export async function deleteMap(id: string, db: HosoDb = getDb()): Promise<void> {
  await guard(() => db.transaction('rw', db.maps, () => db.maps.delete(id)));
}

export async function saveMapModel(id: string, model: MapModel, db: HosoDb = getDb()): Promise<void> {
  await guard(() =>
    db.transaction('rw', db.maps, async () => {
      const n = await db.maps.update(id, { model, updatedAt: new Date().toISOString() });
      if (!n) throw new Error(`map ${id} no longer exists`);
    }),
  );
}
