import type { MapModel } from './model';

/** Undo/redo over immutable snapshots: cheap because operations share unchanged nodes. */
export type History = { past: MapModel[]; present: MapModel; future: MapModel[] };

const LIMIT = 200;

export function startHistory(model: MapModel): History {
  return { past: [], present: model, future: [] };
}

export function commit(h: History, next: MapModel): History {
  if (next === h.present) return h;
  return { past: [...h.past, h.present].slice(-LIMIT), present: next, future: [] };
}

export function undo(h: History): History {
  if (!h.past.length) return h;
  return { past: h.past.slice(0, -1), present: h.past[h.past.length - 1], future: [h.present, ...h.future] };
}

export function redo(h: History): History {
  if (!h.future.length) return h;
  return { past: [...h.past, h.present], present: h.future[0], future: h.future.slice(1) };
}
