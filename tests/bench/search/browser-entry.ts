/** Bundled by esbuild and loaded in Chromium: the bench on Chromium's real IndexedDB. */
import Dexie from 'dexie';
import { HosoDb } from '../../../renderer/src/db/schema';
import { populate, runEdits, runQueries, type PopulateOptions } from './core';

declare global {
  interface Window {
    runSearchBench(o: PopulateOptions, reps: number): Promise<unknown>;
  }
}

window.runSearchBench = async (o, reps) => {
  await Dexie.delete('bench');
  const db = new HosoDb('bench');
  const report = await populate(db, o, (s) => console.log(s));
  const queries = await runQueries(db, report.caseIds[0], reps);
  const estimate = await navigator.storage.estimate();
  const edits = await runEdits(db, report.caseIds[0], 5);
  db.close();
  return { report, ...queries, edits, storageBytes: estimate.usage };
};
