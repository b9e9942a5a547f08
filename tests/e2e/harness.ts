import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import type { Recognizer } from '../../main/src/services/ocr-engine';
import { startWebServer } from '../../main/src/web/server';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const rendererDist = path.join(repoRoot, 'renderer', 'dist');

export type HosoInstance = {
  /**
   * The link `npm run web` prints, with the per-run secret: http://127.0.0.1:41234/?token=SECRET.
   * Opening it (with a `#/route` appended if wanted) logs the browser in, as it does for a user.
   */
  url: string;
  /** The origin, http://127.0.0.1:41234 (no secret: the UI loads but the API answers 401). */
  origin: string;
  /** The per-run secret, for requests made outside the browser (`Authorization: Bearer`). */
  token: string;
  dataDir: string;
  close(): Promise<void>;
};

export type StartHosoOptions = {
  /** Reuse a data dir (e.g. to test a restart); default: a fresh temp dir, removed on close. */
  dataDir?: string;
  /** Inject a fake OCR engine (default: the real @hoso/ocr). */
  recognize?: Recognizer;
  /** Poll interval of the watch folder (ms). */
  watchPollMs?: number;
  /** A fixed port (a restart on the same origin keeps the browser's IndexedDB); default: free one. */
  port?: number;
};

/**
 * Starts the browser-mode server in-process on a random free loopback port, over a temp data dir,
 * serving renderer/dist (run `npm run build:web` first).
 */
export async function startHoso(opts: StartHosoOptions = {}): Promise<HosoInstance> {
  if (!existsSync(path.join(rendererDist, 'index.html')))
    throw new Error(`renderer/dist is missing: run "npm run build:web" before the E2E tests.`);
  const ownDir = !opts.dataDir;
  const dataDir = opts.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'hoso-e2e-')));
  const server = await startWebServer({
    port: opts.port ?? 0,
    host: '127.0.0.1',
    dataDir,
    rendererDir: rendererDist,
    recognize: opts.recognize,
    watchPollMs: opts.watchPollMs,
  });
  return {
    url: server.loginUrl,
    origin: server.url.replace(/\/$/, ''),
    token: server.token,
    dataDir,
    async close() {
      await server.close();
      if (ownDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium, headless, with nothing that reaches the network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
