import { useCallback, useEffect, useRef, useState } from 'react';
import {
  commit as pushHistory,
  redo as redoHistory,
  startHistory,
  undo as undoHistory,
  type History,
  type MapModel,
} from '@hoso/mindmap';
import { getMap, saveMapModel, type MapRecord } from '../../../db';
import { describeDbError, toDbError } from '../../../db/errors';
import { getLocale } from '../../../i18n';

export type EditorLoad =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'corrupt' }
  | { status: 'ready'; record: MapRecord };

export type SaveState = { kind: 'saved' } | { kind: 'saving' } | { kind: 'error'; message: string };

/**
 * The editor's state: an undo history of immutable models, and a save loop that writes every
 * committed model to Dexie as soon as the previous write finished (one transaction each), so a
 * crash loses at most the change being written. Edits typed into one field merge into one undo step.
 */
export function useMapEditor(mapId: string) {
  const [load, setLoad] = useState<EditorLoad>({ status: 'loading' });
  const [history, setHistory] = useState<History | null>(null);
  const [save, setSave] = useState<SaveState>({ kind: 'saved' });
  const lastMerge = useRef<string | undefined>(undefined);
  const pending = useRef<MapModel | null>(null);
  const writing = useRef(false);
  const loadedModel = useRef<MapModel | null>(null);

  useEffect(() => {
    let live = true;
    setLoad({ status: 'loading' });
    setHistory(null);
    getMap(mapId).then(
      (record) => {
        if (!live) return;
        if (!record) return setLoad({ status: 'missing' });
        loadedModel.current = record.model;
        setHistory(startHistory(record.model));
        setLoad({ status: 'ready', record });
      },
      (e: unknown) => {
        // A stored model that does not parse is shown as an error, never silently emptied.
        if (live)
          setLoad(toDbError(e).code === 'DAMAGED_RECORD' ? { status: 'corrupt' } : { status: 'missing' });
      },
    );
    return () => {
      live = false;
    };
  }, [mapId]);

  const flush = useCallback(async () => {
    if (writing.current) return;
    writing.current = true;
    try {
      while (pending.current) {
        const model = pending.current;
        pending.current = null;
        setSave({ kind: 'saving' });
        try {
          await saveMapModel(mapId, model);
          if (!pending.current) setSave({ kind: 'saved' });
        } catch (e) {
          setSave({ kind: 'error', message: describeDbError(e, getLocale()) });
        }
      }
    } finally {
      writing.current = false;
    }
  }, [mapId]);

  const present = history?.present;
  useEffect(() => {
    if (!present || present === loadedModel.current) return;
    pending.current = present;
    void flush();
  }, [present, flush]);

  /** Applies an edit. `merge` names a continuous edit (e.g. typing in one field) that undoes as one step. */
  const commit = useCallback((edit: (m: MapModel) => MapModel, merge?: string) => {
    // Decided outside the updater: React may run an updater twice (StrictMode).
    const same = merge !== undefined && merge === lastMerge.current;
    lastMerge.current = merge;
    setHistory((h) => {
      if (!h) return h;
      const next = edit(h.present);
      if (next === h.present) return h;
      return same ? { ...h, present: next, future: [] } : pushHistory(h, next);
    });
  }, []);

  const undo = useCallback(() => {
    lastMerge.current = undefined;
    setHistory((h) => (h ? undoHistory(h) : h));
  }, []);
  const redo = useCallback(() => {
    lastMerge.current = undefined;
    setHistory((h) => (h ? redoHistory(h) : h));
  }, []);

  return { load, history, save, commit, undo, redo };
}
