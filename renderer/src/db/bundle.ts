import { z } from 'zod';
import { BoxSchema, OcrPageSchema, RotationSchema, Sha256Schema } from '@hoso/contracts';
import {
  PresentationModelSchema,
  type Case,
  type CaseDocument,
  type Page,
  type PageText,
  type Volume,
} from '@hoso/domain';
import { MapModelSchema } from '@hoso/mindmap';
import { getDb, SCHEMA_VERSION, type HosoDb, type ImportRecord, caseStores } from './schema';
import type { MapRecord } from './maps';
import type { PresentationRecord } from './presentations';
import { DbError, guard, notFound } from './errors';
import { newId, nowIso } from './ids';
import { indexPageTexts } from './searchIndex';

/**
 * A case's records as plain JSON for the .hoso archive (the host adds the original files). The
 * search index is not exported: it is rebuilt from the OCR words on import.
 */
const Iso = z.string().min(1);
const CaseSchema = z.looseObject({
  id: z.string().min(1),
  number: z.string(),
  name: z.string(),
  charges: z.array(z.looseObject({ article: z.number(), name: z.string() })),
  defendants: z.array(z.looseObject({ name: z.string() })),
  prosecutor: z.string(),
  stage: z.string(),
  keyDates: z.array(z.object({ label: z.string(), date: z.string() })),
  createdAt: Iso,
  updatedAt: Iso,
});
const VolumeSchema = z.object({
  id: z.string().min(1),
  caseId: z.string(),
  order: z.number(),
  name: z.string(),
});
const DocumentSchema = z.looseObject({
  id: z.string().min(1),
  caseId: z.string(),
  volumeId: z.string(),
  order: z.number(),
  type: z.string(),
  title: z.string(),
  createdAt: Iso,
});
const PageSchema = z.looseObject({
  id: z.string().min(1),
  caseId: z.string(),
  documentId: z.string(),
  order: z.number(),
  folio: z.number().int().positive().optional(),
  fileHash: Sha256Schema,
  filePage: z.number().int().min(0),
  fileName: z.string(),
  widthPx: z.number().positive(),
  heightPx: z.number().positive(),
  rotation: RotationSchema,
  ocrStatus: z.enum(['none', 'queued', 'running', 'done', 'failed']),
  exportRedactions: z.array(BoxSchema).max(1000).optional(),
});
const PageTextSchema = z.object({
  pageId: z.string(),
  caseId: z.string(),
  ocr: OcrPageSchema,
  corrections: z.array(z.object({ block: z.number(), line: z.number(), word: z.number(), text: z.string() })),
});
const ImportSchema = z.looseObject({
  id: z.string().min(1),
  caseId: z.string(),
  documentId: z.string(),
  state: z.string(),
});
// Maps and presentation lists are parsed with the schemas their repositories read them by, so a
// bundle cannot store a model that would only fail later, when the prosecutor opens it.
const modelRecord = <M extends z.ZodType>(model: M) =>
  z.object({
    id: z.string().min(1),
    caseId: z.string(),
    name: z.string(),
    updatedAt: z.string(),
    model,
  });

export const CaseBundleDataSchema = z.object({
  format: z.literal('hoso-case-data'),
  schemaVersion: z.number().int().positive(),
  exportedAt: z.string(),
  case: CaseSchema,
  volumes: z.array(VolumeSchema),
  documents: z.array(DocumentSchema),
  pages: z.array(PageSchema),
  pageTexts: z.array(PageTextSchema),
  imports: z.array(ImportSchema),
  maps: z.array(modelRecord(MapModelSchema)),
  presentations: z.array(modelRecord(PresentationModelSchema)),
});

export interface CaseBundleData {
  format: 'hoso-case-data';
  schemaVersion: number;
  exportedAt: string;
  case: Case;
  volumes: Volume[];
  documents: CaseDocument[];
  pages: Page[];
  pageTexts: PageText[];
  imports: ImportRecord[];
  maps: MapRecord[];
  presentations: PresentationRecord[];
}

/** Everything of a case, JSON-safe (structured-clone/JSON round trip loses nothing). */
export async function exportCaseData(caseId: string, db: HosoDb = getDb()): Promise<CaseBundleData> {
  return db.transaction(
    'r',
    [db.cases, db.volumes, db.documents, db.pages, db.pageTexts, db.imports, db.maps, db.presentations],
    async () => {
      const c = await db.cases.get(caseId);
      if (!c) throw notFound('Case', caseId);
      const by = <T>(t: { where(i: string): { equals(v: string): { toArray(): Promise<T[]> } } }) =>
        t.where('caseId').equals(caseId).toArray();
      const data: CaseBundleData = {
        format: 'hoso-case-data',
        schemaVersion: SCHEMA_VERSION,
        exportedAt: nowIso(),
        case: c,
        volumes: await by<Volume>(db.volumes),
        documents: await by<CaseDocument>(db.documents),
        pages: await by<Page>(db.pages),
        // docNo numbers a page in this database's search index only: the importing one renumbers.
        pageTexts: (await by<PageText>(db.pageTexts)).map(({ docNo: _local, ...t }) => t),
        imports: await by<ImportRecord>(db.imports),
        maps: await by<MapRecord>(db.maps),
        presentations: await by<PresentationRecord>(db.presentations),
      };
      // Drop undefined fields and anything not JSON-safe before it leaves the renderer.
      return JSON.parse(JSON.stringify(data)) as CaseBundleData;
    },
  );
}

/** File hashes the archive must carry for this case's pages. */
export function bundleFileHashes(data: CaseBundleData): string[] {
  return [...new Set(data.pages.map((p) => p.fileHash))];
}

export type ImportConflict =
  /** Import as a copy with fresh ids when the case already exists here (default). */
  | 'new-ids'
  /** Refuse with CASE_EXISTS when the case already exists. */
  | 'reject';

export interface ImportCaseResult {
  caseId: string;
  /** True when ids were renewed because the case already existed. */
  renamedIds: boolean;
  pages: number;
}

/** Replaces every known id inside an opaque model (mind maps, presentations reference pages, documents…). */
function remapDeep(value: unknown, ids: Map<string, string>): unknown {
  if (typeof value === 'string') return ids.get(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => remapDeep(v, ids));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, remapDeep(v, ids)]));
  }
  return value;
}

/**
 * Restores a case from bundle data, validated first, written in one transaction, search index rebuilt.
 * When the case id exists already: `onConflict: 'new-ids'` (default) imports a copy with fresh ids
 * (marked "(bản sao)"), `'reject'` throws CASE_EXISTS.
 */
export async function importCaseData(
  input: unknown,
  options: { onConflict?: ImportConflict } = {},
  db: HosoDb = getDb(),
): Promise<ImportCaseResult> {
  const parsed = CaseBundleDataSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DbError(
      'INVALID_BUNDLE',
      `invalid case data at ${issue?.path.join('.')}: ${issue?.message}`,
      issue?.path.join('.'),
    );
  }
  if (parsed.data.schemaVersion > SCHEMA_VERSION) {
    throw new DbError(
      'UNSUPPORTED_BUNDLE_VERSION',
      `bundle schema ${parsed.data.schemaVersion} > ${SCHEMA_VERSION}`,
    );
  }
  let data = parsed.data as unknown as CaseBundleData;
  checkReferences(data);
  return guard(() =>
    db.transaction('rw', caseStores(db), async () => {
      const exists = !!(await db.cases.get(data.case.id));
      if (exists && options.onConflict === 'reject') {
        throw new DbError('CASE_EXISTS', `case ${data.case.number} already exists`, data.case.number);
      }
      if (exists) {
        const ids = new Map<string, string>();
        for (const r of [
          data.case,
          ...data.volumes,
          ...data.documents,
          ...data.pages,
          ...data.imports,
          ...data.maps,
          ...data.presentations,
        ]) {
          ids.set(r.id, newId());
        }
        data = remapDeep(data, ids) as CaseBundleData;
        data.case = { ...data.case, name: `${data.case.name} (bản sao)`, updatedAt: nowIso() };
      }
      await db.cases.add(data.case);
      await db.volumes.bulkAdd(data.volumes);
      await db.documents.bulkAdd(data.documents);
      await db.pages.bulkAdd(data.pages);
      await db.pageTexts.bulkAdd(await indexPageTexts(db, data.pageTexts)); // numbered for this database
      await db.imports.bulkPut(data.imports);
      await db.maps.bulkAdd(data.maps);
      await db.presentations.bulkAdd(data.presentations);
      return { caseId: data.case.id, renamedIds: exists, pages: data.pages.length };
    }),
  );
}

/** Every record must belong to the bundle's case and point at records inside it. */
function checkReferences(d: CaseBundleData): void {
  const bad = (what: string) => {
    throw new DbError('INVALID_BUNDLE', `dangling reference: ${what}`, what);
  };
  const caseId = d.case.id;
  const vols = new Set(d.volumes.map((v) => v.id));
  const docs = new Set(d.documents.map((x) => x.id));
  const pages = new Set(d.pages.map((p) => p.id));
  for (const r of [
    ...d.volumes,
    ...d.documents,
    ...d.pages,
    ...d.pageTexts,
    ...d.imports,
    ...d.maps,
    ...d.presentations,
  ]) {
    if (r.caseId !== caseId) bad(`record of case ${r.caseId}`);
  }
  for (const x of d.documents) if (!vols.has(x.volumeId)) bad(`document ${x.id} → volume ${x.volumeId}`);
  for (const p of d.pages) if (!docs.has(p.documentId)) bad(`page ${p.id} → document ${p.documentId}`);
  for (const t of d.pageTexts) if (!pages.has(t.pageId)) bad(`text of page ${t.pageId}`);
}
