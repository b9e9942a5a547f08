// Host OCR bench: the sample dossier through the host's job queue, OCR in a worker thread vs on the
// host's own thread. Prints wall time per file and the host event loop's worst stall (what an HTTP
// request or an Electron IPC reply waits at most while OCR runs).  Run: npx tsx main/bench/host-ocr.ts
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createHost } from '../src/services/host';
import { inProcessRecognizer } from '../src/services/ocr-engine';
import { threadRecognizer } from '../src/services/ocr-thread';

const dir = path.resolve(import.meta.dirname, '../../fixtures/sample-dossier');
const rows: string[][] = [];
const modes = [
  ['worker thread', threadRecognizer()],
  ['in-process', inProcessRecognizer()],
] as const;
// BENCH_ORDER=reverse runs in-process first, to separate warm-cache effects from the mode's cost.
for (const [mode, recognize] of process.env.BENCH_ORDER === 'reverse' ? [...modes].reverse() : modes) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hoso-bench-'));
  const host = await createHost({ dataDir, recognize, env: { exportUrl: (n) => n } });
  const files = [];
  for (const name of (await readdir(dir)).sort())
    files.push(await host.uploads.storeFile({ name }, await readFile(path.join(dir, name))));
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const started = performance.now();
  for (const f of files)
    await host.run('enqueueOcr', { fileHash: f.hash, fileName: f.name, lang: 'vie', forceOcr: false });
  await host.queue.idle();
  const seconds = (performance.now() - started) / 1000;
  loop.disable();
  const pages = host.queue.list().reduce((n, j) => n + j.pagesDone, 0);
  const failed = host.queue.list().filter((j) => j.state !== 'done').length;
  rows.push([
    mode,
    String(files.length),
    String(pages),
    seconds.toFixed(1),
    ((pages / seconds) * 60).toFixed(1),
    (loop.max / 1e6).toFixed(0),
    (loop.percentile(99) / 1e6).toFixed(0),
    String(failed),
  ]);
  await host.close();
  await rm(dataDir, { recursive: true, force: true });
}
const header = ['mode', 'files', 'pages', 'seconds', 'pages/min', 'loop max ms', 'loop p99 ms', 'failed'];
console.log(`cores: ${os.availableParallelism()}`);
console.log(`| ${header.join(' | ')} |\n|${header.map(() => ' --- ').join('|')}|`);
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
process.exit(0);
