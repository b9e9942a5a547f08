/** Bundled by esbuild and loaded in Chromium: the bench on Chromium's real IndexedDB. */
import Dexie from 'dexie';
import { HosoDb } from '../../../renderer/src/db/schema';
import { populate, runEdits, runQueries, type PopulateOptions, type PopulateReport } from './core';

declare global {
  interface Window {
    runSearchBench(o: PopulateOptions, reps: number, reuse: boolean): Promise<unknown>;
  }
}

window.runSearchBench = async (o, reps, reuse) => {
  // --reuse keeps the populated database of a previous run (persistent profile): query-only runs.
  let db = new HosoDb('bench');
  let report = reuse
    ? ((await db.settings.get('bench.report'))?.value as PopulateReport | undefined)
    : undefined;
  if (!report || report.pages !== o.pages) {
    db.close();
    await Dexie.delete('bench');
    db = new HosoDb('bench');
    report = await populate(db, o, (s) => console.log(s));
    await db.settings.put({ key: 'bench.report', value: report });
  }
  const queries = await runQueries(db, report.caseIds[0], reps);
  const estimate = await navigator.storage.estimate();
  // Edits change the data: skip them when the database is kept for the next run.
  const edits = reuse ? undefined : await runEdits(db, report.caseIds[0], 5);
  db.close();
  return { report, ...queries, edits, storageBytes: estimate.usage };
};
