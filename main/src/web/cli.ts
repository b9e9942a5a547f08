import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rerunWithBoundedMalloc } from '@hoso/ocr/bounded-malloc';

/** `npm run web`: serves renderer/dist and the host services on http://127.0.0.1:5178 (PORT overrides). */
async function main(): Promise<number> {
  // The host runs OCR jobs of hundreds of pages: bound glibc's malloc as the `hoso` command does.
  // Heavy modules load only in the process that serves (hence the dynamic imports below).
  const rerun = rerunWithBoundedMalloc(fileURLToPath(import.meta.url), process.argv.slice(2));
  if (rerun) return rerun;
  const { resolveDataDir } = await import('../services/data-dir');
  const { startWebServer } = await import('./server');
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
  const rendererDir = path.join(repoRoot, 'renderer', 'dist');
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    console.error(`The renderer is not built (${rendererDir} has no index.html). Run: npm run build:web`);
    return 2;
  }
  const port = process.env.PORT ? Number(process.env.PORT) : 5178;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT must be a port number, got "${process.env.PORT}".`);
    return 2;
  }
  const dataDir = resolveDataDir();
  let server;
  try {
    server = await startWebServer({ port, host: '127.0.0.1', dataDir, rendererDir });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      console.error(`Port ${port} is in use. Set another one, e.g. PORT=5179 npm run web`);
    else console.error(`Cannot start HoSo: ${(err as Error).message}`);
    return 1;
  }
  console.log(`HoSo đang chạy tại / is running at ${server.url}`);
  console.log(`Data folder: ${dataDir}  (Ctrl-C to stop)`);
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return -1;
}

main().then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
