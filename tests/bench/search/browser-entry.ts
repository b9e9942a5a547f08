/** Bundled by esbuild and loaded in Chromium: the bench on Chromium's real IndexedDB. */
import Dexie from 'dexie';
import { HosoDb } from '../../../renderer/src/db/schema';
import { populate, runQueries, type PopulateOptions } from './core';

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
  db.close();
  return { report, ...queries, storageBytes: estimate.usage };
};
