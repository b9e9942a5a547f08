/**
 * Presentation lists (danh mục trình chiếu) for courtroom mode: an ordered list of exhibits, each
 * with a label, private presenter notes, and the marks and redactions drawn on it.
 *
 * Geometry on an exhibit is normalized to the exhibit as shown upright (0..1 on both axes), so the
 * presenter's and the audience's screens of any size draw the same thing in the same place.
 */
import { z } from 'zod';
import { BoxSchema, type Box } from '@hoso/contracts';

/** Where an exhibit's content comes from. Regions are normalized boxes of the upright page. */
export type ExhibitSource =
  | { kind: 'page'; pageId: string }
  | { kind: 'region'; pageId: string; region: Box }
  | { kind: 'image'; fileHash: string; filePage: number; name: string }
  | { kind: 'document'; documentId: string }
  | { kind: 'map'; mapId: string; focusNodeId?: string };

export type MarkTool = 'pen' | 'highlighter';

/** A freehand stroke on one step of an exhibit (a document's page, a map's node). */
export interface Mark {
  id: string;
  tool: MarkTool;
  color: string;
  /** Stroke width as a fraction of the exhibit's width. */
  width: number;
  points: Array<[number, number]>;
  step: number;
}

/** An opaque box hiding personal data; always drawn on the audience view. */
export interface Redaction {
  id: string;
  box: Box;
  step: number;
}

export interface Exhibit {
  id: string;
  label: string;
  /** Private presenter notes: never sent to the audience view. */
  notes: string;
  source: ExhibitSource;
  /** Folio (bút lục) of the first page, cached for jumping and default labels. */
  folio?: number;
  /** Folios of a document exhibit's pages in step order, for jumping into its middle. */
  stepFolios?: number[];
  marks: Mark[];
  redactions: Redaction[];
  /** Show the label stamp in a corner of the audience view. */
  stamp: boolean;
}

export interface PresentationModel {
  version: 1;
  exhibits: Exhibit[];
}

export function emptyPresentation(): PresentationModel {
  return { version: 1, exhibits: [] };
}

const ExhibitSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('page'), pageId: z.string() }),
  z.object({ kind: z.literal('region'), pageId: z.string(), region: BoxSchema }),
  z.object({ kind: z.literal('image'), fileHash: z.string(), filePage: z.number(), name: z.string() }),
  z.object({ kind: z.literal('document'), documentId: z.string() }),
  z.object({ kind: z.literal('map'), mapId: z.string(), focusNodeId: z.string().optional() }),
]);

const MarkSchema = z.object({
  id: z.string(),
  tool: z.enum(['pen', 'highlighter']),
  color: z.string(),
  width: z.number(),
  points: z.array(z.tuple([z.number(), z.number()])),
  step: z.number(),
});

const RedactionSchema = z.object({ id: z.string(), box: BoxSchema, step: z.number() });

/**
 * A stored model as read back: fields added after the first lists (notes, marks, redactions,
 * stamp) default when absent; anything else that does not fit is a damaged record.
 */
export const PresentationModelSchema: z.ZodType<PresentationModel, unknown> = z.object({
  version: z.literal(1),
  exhibits: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      notes: z.string().default(''),
      source: ExhibitSourceSchema,
      folio: z.number().optional(),
      stepFolios: z.array(z.number()).optional(),
      marks: z.array(MarkSchema).default([]),
      redactions: z.array(RedactionSchema).default([]),
      stamp: z.boolean().default(false),
    }),
  ),
});

/** "BL 127" — how Vietnamese dossiers cite a folio. */
export function folioLabel(folio: number): string {
  return `BL ${folio}`;
}

export interface ExhibitDraft {
  source: ExhibitSource;
  folio?: number;
  stepFolios?: number[];
  /** A name to fall back on (document title, map name, file name). */
  title?: string;
  label?: string;
  notes?: string;
}

/** Default label: the folio when there is one ("BL 127"), else the title, else "Vật chứng số n". */
export function defaultExhibitLabel(draft: ExhibitDraft, number: number): string {
  const { source, folio, title } = draft;
  if (source.kind === 'region' && folio !== undefined) return `${folioLabel(folio)} (trích)`;
  if (source.kind === 'document' && title) {
    // A document is cited by its folio range and named by its title: "BL 40–42 · Lời khai".
    const fs = draft.stepFolios ?? (folio !== undefined ? [folio] : []);
    const range = fs.length > 1 ? `BL ${fs[0]}–${fs[fs.length - 1]}` : fs.length ? folioLabel(fs[0]) : '';
    return range ? `${range} · ${title}` : title;
  }
  if (folio !== undefined && source.kind !== 'map') return folioLabel(folio);
  if (title) return title;
  return `Vật chứng số ${number}`;
}

export function makeExhibit(draft: ExhibitDraft, id: string, number: number): Exhibit {
  return {
    id,
    label: draft.label?.trim() || defaultExhibitLabel(draft, number),
    notes: draft.notes ?? '',
    source: draft.source,
    folio: draft.folio,
    stepFolios: draft.stepFolios,
    marks: [],
    redactions: [],
    stamp: false,
  };
}

export function addExhibit(model: PresentationModel, exhibit: Exhibit, at?: number): PresentationModel {
  const exhibits = model.exhibits.slice();
  const index = at === undefined ? exhibits.length : clamp(at, 0, exhibits.length);
  exhibits.splice(index, 0, exhibit);
  return { ...model, exhibits };
}

export function removeExhibit(model: PresentationModel, id: string): PresentationModel {
  return { ...model, exhibits: model.exhibits.filter((e) => e.id !== id) };
}

/** Moves the exhibit at `from` so that it ends up at index `to`. */
export function moveExhibit(model: PresentationModel, from: number, to: number): PresentationModel {
  const n = model.exhibits.length;
  if (from < 0 || from >= n) return model;
  const target = clamp(to, 0, n - 1);
  if (target === from) return model;
  const exhibits = model.exhibits.slice();
  const [moved] = exhibits.splice(from, 1);
  exhibits.splice(target, 0, moved);
  return { ...model, exhibits };
}

export function updateExhibit(
  model: PresentationModel,
  id: string,
  change: (e: Exhibit) => Exhibit,
): PresentationModel {
  return { ...model, exhibits: model.exhibits.map((e) => (e.id === id ? change(e) : e)) };
}

export interface ExhibitPosition {
  index: number;
  step: number;
}

/**
 * What a typed number means. One rule a prosecutor can predict (issue 9: "3 Enter" landed on BL 3,
 * which was exhibit 2): number + Enter is the exhibit with that number in the list (the numbers
 * down the presenter's rail); number + B is bút lục (folio) N, including a page inside a document
 * exhibit. B alone stays the black screen.
 */
export type JumpKind = 'exhibit' | 'folio';

/** Where a typed number lands under `kind`; null when there is no such exhibit or folio. */
export function resolveJump(model: PresentationModel, typed: string, kind: JumpKind): ExhibitPosition | null {
  if (!/^\d+$/.test(typed.trim())) return null;
  const n = Number.parseInt(typed.trim(), 10);
  if (n <= 0) return null;
  const exhibits = model.exhibits;
  if (kind === 'exhibit') return n <= exhibits.length ? { index: n - 1, step: 0 } : null;
  for (let i = 0; i < exhibits.length; i++) {
    const e = exhibits[i];
    if (e.source.kind === 'map') continue;
    if (e.stepFolios) {
      const step = e.stepFolios.indexOf(n);
      if (step >= 0) return { index: i, step };
    } else if (e.folio === n) return { index: i, step: 0 };
  }
  return null;
}

/**
 * Next/previous position. Documents and maps step through their pages/nodes before moving on;
 * `stepCount(i)` says how many steps exhibit i has (1 for a single page or image).
 */
export function stepPosition(
  pos: ExhibitPosition,
  delta: 1 | -1,
  count: number,
  stepCount: (index: number) => number,
): ExhibitPosition {
  if (count === 0) return { index: 0, step: 0 };
  const steps = Math.max(1, stepCount(pos.index));
  if (delta === 1) {
    if (pos.step + 1 < steps) return { index: pos.index, step: pos.step + 1 };
    if (pos.index + 1 < count) return { index: pos.index + 1, step: 0 };
    return pos;
  }
  if (pos.step > 0) return { index: pos.index, step: Math.min(pos.step - 1, steps - 1) };
  if (pos.index > 0) {
    const prev = pos.index - 1;
    return { index: prev, step: Math.max(1, stepCount(prev)) - 1 };
  }
  return pos;
}

// ---- marks and redactions -------------------------------------------------------------------

export function addMark(model: PresentationModel, exhibitId: string, mark: Mark): PresentationModel {
  return updateExhibit(model, exhibitId, (e) => ({ ...e, marks: [...e.marks, mark] }));
}

/** Esc: clears the marks of one step (redactions stay: they protect personal data). */
export function clearMarks(model: PresentationModel, exhibitId: string, step?: number): PresentationModel {
  return updateExhibit(model, exhibitId, (e) => ({
    ...e,
    marks: step === undefined ? [] : e.marks.filter((m) => m.step !== step),
  }));
}

export function addRedaction(
  model: PresentationModel,
  exhibitId: string,
  redaction: Redaction,
): PresentationModel {
  const box = normalizeBox(redaction.box);
  return updateExhibit(model, exhibitId, (e) => ({
    ...e,
    redactions: [...e.redactions, { ...redaction, box }],
  }));
}

export function removeRedaction(
  model: PresentationModel,
  exhibitId: string,
  redactionId: string,
): PresentationModel {
  return updateExhibit(model, exhibitId, (e) => ({
    ...e,
    redactions: e.redactions.filter((r) => r.id !== redactionId),
  }));
}

export function marksForStep(e: Pick<Exhibit, 'marks'>, step: number): Mark[] {
  return e.marks.filter((m) => m.step === step);
}

export function redactionsForStep(e: Pick<Exhibit, 'redactions'>, step: number): Redaction[] {
  return e.redactions.filter((r) => r.step === step);
}

/**
 * Every redaction the list keeps for a page shown whole (page exhibits), so the page opened on its
 * own (from a map's evidence node) hides the same personal data.
 */
export function redactionsOfPage(model: PresentationModel, pageId: string): Redaction[] {
  return model.exhibits.flatMap((e) =>
    e.source.kind === 'page' && e.source.pageId === pageId ? redactionsForStep(e, 0) : [],
  );
}

/**
 * "Save the marked page as a new exhibit": a copy of one step showing the same content with its
 * marks and redactions, inserted right after the original. A document step becomes a page exhibit.
 */
export function saveMarkedStepAsExhibit(
  model: PresentationModel,
  exhibitId: string,
  step: number,
  newId: string,
  pageIdOfStep?: string,
): PresentationModel {
  const index = model.exhibits.findIndex((e) => e.id === exhibitId);
  if (index < 0) return model;
  const e = model.exhibits[index];
  const source: ExhibitSource =
    e.source.kind === 'document' && pageIdOfStep ? { kind: 'page', pageId: pageIdOfStep } : e.source;
  const folio = e.stepFolios ? e.stepFolios[step] : e.folio;
  const copy: Exhibit = {
    id: newId,
    label: `${folio !== undefined ? folioLabel(folio) : e.label} (đã đánh dấu)`,
    notes: e.notes,
    source,
    folio,
    marks: marksForStep(e, step).map((m, i) => ({ ...m, id: `${newId}-m${i}`, step: 0 })),
    redactions: redactionsForStep(e, step).map((r, i) => ({ ...r, id: `${newId}-r${i}`, step: 0 })),
    stamp: e.stamp,
  };
  return addExhibit(model, copy, index + 1);
}

/** Orders a box's corners (x0 < x1, y0 < y1) and keeps it inside the exhibit. */
export function normalizeBox(box: Box): Box {
  const [a, b, c, d] = box;
  return [
    clamp(Math.min(a, c), 0, 1),
    clamp(Math.min(b, d), 0, 1),
    clamp(Math.max(a, c), 0, 1),
    clamp(Math.max(b, d), 0, 1),
  ];
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}
