import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OcrWordsFileSchema } from '@hoso/contracts';
import {
  aggregateEntities,
  extractPage,
  pageWordsFromText,
  pageWordsOf,
  type Entity,
  type EntityKind,
  type PageWords,
} from '@hoso/entities';

/**
 * Scores the extractor against the labelled set in fixtures/entities: per document, the set of
 * (kind, normalized value) found against the gold set; precision and recall per kind over all
 * documents. Persons must match their full normalized name exactly (diacritics included).
 */
export const SET_DIR = join(import.meta.dirname, '../../../fixtures/entities');

export interface GoldEntity {
  kind: EntityKind;
  normalized: string;
  role?: string;
}
interface GoldFile {
  documents: { file: string; entities: GoldEntity[] }[];
}

export function loadGold(): GoldFile {
  return JSON.parse(readFileSync(join(SET_DIR, 'gold.json'), 'utf8')) as GoldFile;
}

/** The clean texts as pages, one document each. */
export function cleanPages(gold: GoldFile): PageWords[] {
  return gold.documents.map((d) =>
    pageWordsFromText(readFileSync(join(SET_DIR, 'texts', `${d.file}.txt`), 'utf8'), d.file, d.file),
  );
}

/** The committed OCR words of the scanned set, pages keyed by their document's file name. */
export function ocrPages(file = 'ocr.words.json'): PageWords[] {
  const words = OcrWordsFileSchema.parse(JSON.parse(readFileSync(join(SET_DIR, file), 'utf8')));
  return words.pages.map((p) => {
    const doc = p.source.file.replace(/\.[a-z]+$/, '');
    return pageWordsOf(p, doc, doc);
  });
}

export interface KindScore {
  kind: EntityKind;
  gold: number;
  found: number;
  correct: number;
  precision: number;
  recall: number;
}

export interface SetScore {
  kinds: KindScore[];
  /** Of persons found with a gold role: how many got that role. */
  roles: { withRole: number; correct: number };
  misses: string[];
  extras: string[];
}

export function entitiesByDocument(pages: readonly PageWords[]): Map<string, Entity[]> {
  const out = new Map<string, Entity[]>();
  const docs = new Set(pages.map((p) => p.documentId));
  for (const doc of docs) {
    const mentions = pages.filter((p) => p.documentId === doc).flatMap((p) => extractPage(p));
    out.set(doc, aggregateEntities(mentions));
  }
  return out;
}

export function scoreSet(gold: GoldFile, pages: readonly PageWords[]): SetScore {
  const found = entitiesByDocument(pages);
  const tally = new Map<EntityKind, { gold: number; found: number; correct: number }>();
  const t = (k: EntityKind) => {
    let x = tally.get(k);
    if (!x) tally.set(k, (x = { gold: 0, found: 0, correct: 0 }));
    return x;
  };
  const misses: string[] = [];
  const extras: string[] = [];
  const roles = { withRole: 0, correct: 0 };
  for (const d of gold.documents) {
    const key = (k: string, n: string) => `${k}|${n}`;
    const goldKeys = new Map(d.entities.map((e) => [key(e.kind, e.normalized), e]));
    const got = new Map((found.get(d.file) ?? []).map((e) => [key(e.kind, e.normalized), e]));
    for (const [k, g] of goldKeys) {
      t(g.kind).gold++;
      const e = got.get(k);
      if (e) {
        t(g.kind).correct++;
        if (g.role) {
          roles.withRole++;
          if (e.role === g.role) roles.correct++;
          else misses.push(`${d.file}: role of ${g.normalized} ${e.role ?? '—'} ≠ ${g.role}`);
        }
      } else misses.push(`${d.file}: ${k}`);
    }
    for (const [k, e] of got) {
      t(e.kind).found++;
      if (!goldKeys.has(k)) extras.push(`${d.file}: ${k}`);
    }
  }
  const kinds = [...tally.entries()].map(([kind, x]) => ({
    kind,
    ...x,
    precision: x.found ? x.correct / x.found : 1,
    recall: x.gold ? x.correct / x.gold : 1,
  }));
  return { kinds, roles, misses, extras };
}
