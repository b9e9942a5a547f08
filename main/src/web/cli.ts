import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exitWithWrapper, rerunWithBoundedMalloc } from '@hoso/ocr/bounded-malloc';

/**
 * `npm run web`: serves renderer/dist and the host services on http://127.0.0.1:5178 (PORT
 * overrides) and prints the link with this run's secret (`HOSO_WEB_TOKEN` fixes it).
 */
async function main(): Promise<number> {
  // The host runs OCR jobs of hundreds of pages: bound glibc's malloc as the `hoso` command does.
  // Heavy modules load only in the process that serves (hence the dynamic imports below).
  const rerun = rerunWithBoundedMalloc(fileURLToPath(import.meta.url), process.argv.slice(2));
  if (rerun) return rerun;
  // The re-run is detached: a kill -9 of the wrapper must not leave a server holding the folder.
  exitWithWrapper();
  const { resolveDataDir } = await import('../services/data-dir');
  const { startWebServer } = await import('./server');
  const { resolveWebToken } = await import('./session-auth');
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
  const rendererDir = process.env.HOSO_RENDERER_DIR ?? path.join(repoRoot, 'renderer', 'dist');
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
    server = await startWebServer({
      port,
      host: '127.0.0.1',
      dataDir,
      rendererDir,
      token: resolveWebToken(),
    });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      console.error(`Port ${port} is in use. Set another one, e.g. PORT=5179 npm run web`);
    else console.error(`Cannot start HoSo: ${(err as Error).message}`);
    return 1;
  }
  // The link carries the per-run secret: only who can read this terminal can open the app.
  console.log(`HoSo đang chạy. Mở đường dẫn này trong trình duyệt / HoSo is running; open:`);
  console.log(`  ${server.loginUrl}`);
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
