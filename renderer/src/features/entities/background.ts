import { useEffect, useSyncExternalStore } from 'react';
import { getDb, type HosoDb } from '../../db';
import { refreshEntityPages, type PageReader } from '../../db/entityReading';
import { onPageTextChange } from '../../db/textChanges';

/**
 * The dossier reader in the background: pages are read as their OCR is stored and again after a
 * correction (the writers announce it, db/textChanges.ts), and every page of a case is checked
 * against its cached reading when the case is opened. Reading happens in the extraction worker,
 * a chunk at a time with an idle moment between chunks, so the UI stays smooth; one case at a
 * time, in the order asked.
 */
export interface ReadingState {
  /** Bumped whenever readings of the case were stored or dropped: the panel merges them again. */
  revision: number;
  /** Pages read so far / pages to read, while a reading runs. */
  reading?: { done: number; total: number };
}

const IDLE: ReadingState = { revision: 0 };
const states = new Map<string, ReadingState>();
const listeners = new Set<() => void>();
/** Per case: the pages announced since its last reading, or 'all' (opened: check every page). */
const queued = new Map<string, Set<string> | 'all'>();
let running = false;
let settledWaiters: (() => void)[] = [];
let readerOverride: PageReader | undefined;

function setState(caseId: string, patch: Partial<ReadingState>): void {
  states.set(caseId, { ...(states.get(caseId) ?? IDLE), ...patch });
  for (const l of [...listeners]) l();
}

/** Waits for an idle moment of the main thread (a frame at most), so input is never kept waiting. */
const idle = () =>
  new Promise<void>((resolve) =>
    typeof requestIdleCallback === 'function'
      ? requestIdleCallback(() => resolve(), { timeout: 200 })
      : setTimeout(resolve, 0),
  );

async function defaultReader(): Promise<PageReader> {
  // Loaded on first use: the extraction code is not part of the app's first screen.
  const { readPages } = await import('./reader');
  return readPages;
}

function enqueue(caseId: string, pageIds: readonly string[] | 'all', db: HosoDb): void {
  const had = queued.get(caseId);
  if (pageIds === 'all' || had === 'all') queued.set(caseId, 'all');
  else queued.set(caseId, new Set([...(had ?? []), ...pageIds]));
  void drain(db);
}

async function drain(db: HosoDb): Promise<void> {
  if (running) return;
  running = true;
  try {
    const read = readerOverride ?? (await defaultReader());
    for (let next = queued.entries().next(); !next.done; next = queued.entries().next()) {
      const [caseId, pages] = next.value;
      queued.delete(caseId);
      try {
        const result = await refreshEntityPages(
          caseId,
          read,
          {
            only: pages === 'all' ? undefined : [...pages],
            pause: idle,
            onProgress: (done, total) => {
              if (total > 0) setState(caseId, { reading: done < total ? { done, total } : undefined });
            },
          },
          db,
        );
        const s = states.get(caseId) ?? IDLE;
        setState(caseId, {
          reading: undefined,
          revision: result.stored || result.dropped ? s.revision + 1 : s.revision,
        });
      } catch (error) {
        console.error('entity reading failed', error);
        setState(caseId, { reading: undefined });
      }
    }
  } finally {
    running = false;
    const waiters = settledWaiters;
    settledWaiters = [];
    for (const w of waiters) w();
  }
}

let stopListening: (() => void) | undefined;

/** Installs the listener for the window's database (once; the app root calls it). */
export function startBackgroundReading(db: HosoDb = getDb(), reader?: PageReader): () => void {
  readerOverride = reader;
  stopListening?.();
  const stop = onPageTextChange((change) => {
    if (change.db === db) enqueue(change.caseId, change.pageIds, db);
  });
  stopListening = stop;
  return () => {
    stop();
    if (stopListening === stop) stopListening = undefined;
  };
}

/** Checks every page of the case (opening it): new, re-read and moved pages are read. */
export function readCase(caseId: string, db: HosoDb = getDb()): void {
  enqueue(caseId, 'all', db);
}

/** Resolves when nothing is queued or being read (tests, the bench). */
export function readingSettled(): Promise<void> {
  if (!running && !queued.size) return Promise.resolve();
  return new Promise((resolve) => settledWaiters.push(resolve));
}

export function readingState(caseId: string): ReadingState {
  return states.get(caseId) ?? IDLE;
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/** The app root: read pages whenever their text is written, wherever in the app that happens. */
export function useBackgroundReading(): void {
  useEffect(() => startBackgroundReading(), []);
}

/** A case view: check the case's pages when it opens, and follow the reading of its pages. */
export function useCaseReading(caseId: string): ReadingState {
  useEffect(() => readCase(caseId), [caseId]);
  return useSyncExternalStore(subscribe, () => readingState(caseId));
}
