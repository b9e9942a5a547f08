/** Node runner: fake-indexeddb (a pure-JS IndexedDB; slower than Chromium's, so a pessimistic figure). */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { HosoDb } from '../../../renderer/src/db/schema';
import { populate, runEdits, runQueries, type PopulateOptions } from './core';

export async function runNode(o: PopulateOptions, reps: number, log: (s: string) => void) {
  const db = new HosoDb('bench', { indexedDB: new IDBFactory(), IDBKeyRange });
  const report = await populate(db, o, log);
  const queries = await runQueries(db, report.caseIds[0], reps);
  const edits = await runEdits(db, report.caseIds[0], 5);
  db.close();
  return { report, ...queries, edits };
}
