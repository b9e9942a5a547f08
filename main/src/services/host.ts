import type { DisplayInfo, ExportResult, StoredFile } from '@hoso/contracts';
import { mkdir } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { importBundle, writeBundle } from './case-bundle';
import type { JsonCommand, JsonCommandInput } from './commands';
import { dataPaths, type DataPaths } from './data-dir';
import { EventBus } from './event-bus';
import { ExportsFolder, type FileToSend } from './exports-folder';
import { FileStore } from './file-store';
import { hostFail } from './host-error';
import { JobStore } from './job-store';
import { inProcessRecognizer, type Recognizer } from './ocr-engine';
import { threadRecognizer } from './ocr-thread';
import { OcrQueue } from './ocr-queue';
import { PageImages } from './page-images';
import { writeExportPdf } from './pdf-export';
import { SettingsStore } from './settings';
import { WatchFolder } from './watch-folder';

/** What differs between Electron and the browser: URLs for exports, windows and displays. */
export type HostEnvironment = {
  exportUrl(storedName: string): string;
  listDisplays?(): DisplayInfo[];
  openAudienceWindow?(request: JsonCommandInput<'openAudienceWindow'>): Promise<void> | void;
};

export type HostOptions = {
  dataDir: string;
  env: HostEnvironment;
  recognize?: Recognizer;
  maxFileBytes?: number;
  maxBundleBytes?: number;
  watchPollMs?: number;
  /** Threads given to the OCR engine (default: all cores). */
  ocrThreads?: number;
};

/** Bundles are spooled to disk, so the limit is about disk use, not memory. */
export const DEFAULT_MAX_BUNDLE_BYTES = 4 * 1024 * 1024 * 1024 - 1;

export type Host = Awaited<ReturnType<typeof createHost>>;

/** Wires the host services over one data dir. Both the HTTP server and the IPC router use it. */
export async function createHost(options: HostOptions) {
  const paths: DataPaths = dataPaths(options.dataDir);
  await Promise.all(
    Object.values(paths)
      .filter((p) => !p.endsWith('.json'))
      .map((p) => mkdir(p, { recursive: true })),
  );
  const events = new EventBus();
  const store = new FileStore(paths, options.maxFileBytes);
  const images = new PageImages(paths, store);
  const exportsFolder = new ExportsFolder(paths);
  const settings = new SettingsStore(paths);
  const queue = new OcrQueue({
    paths,
    store,
    jobStore: new JobStore(paths),
    events,
    recognize:
      options.recognize ??
      (process.env.HOSO_OCR_IN_PROCESS === '1' ? inProcessRecognizer() : threadRecognizer()),
    threads: options.ocrThreads,
  });
  const watch = new WatchFolder({ paths, store, events, pollMs: options.watchPollMs });
  await queue.start();
  const watched = (await settings.read()).watchFolder;
  // A folder that disappeared (unplugged drive) must not stop the app from starting.
  if (watched) await watch.start(watched).catch(() => undefined);

  const exportResult = (storedName: string, bytes: number): ExportResult => ({
    url: options.env.exportUrl(storedName),
    fileName: storedName.slice(9),
    bytes,
  });

  const commands: { [C in JsonCommand]: (input: JsonCommandInput<C>) => Promise<unknown> } = {
    getFile: async ({ hash }) => store.getFile(hash),
    enqueueOcr: async (request) => queue.enqueue(request),
    listJobs: async () => queue.list(),
    cancelJob: async ({ id }) => queue.cancel(id),
    retryJob: async ({ id }) => queue.retry(id),
    jobResult: async ({ id }) => queue.result(id),
    exportPdf: async (request) => {
      const storedName = exportsFolder.storedName(request.fileName, '.pdf');
      const written = await writeExportPdf(store, request, exportsFolder.resolve(storedName));
      return {
        ...exportResult(storedName, written.bytes),
        redactedPages: written.redactedPages,
        signedBy: written.signedBy,
      };
    },
    exportBundle: async (request) => {
      const storedName = exportsFolder.storedName(request.fileName, '.hoso');
      const bytes = await writeBundle(store, request, exportsFolder.resolve(storedName), paths.tmp);
      return exportResult(storedName, bytes);
    },
    getWatchFolder: async () => (await settings.read()).watchFolder,
    setWatchFolder: async ({ path }) => {
      await watch.start(path);
      return (await settings.update({ watchFolder: path })).watchFolder;
    },
    listDisplays: async () => options.env.listDisplays?.() ?? [],
    openAudienceWindow: async (request) => {
      if (!options.env.openAudienceWindow)
        hostFail('NOT_SUPPORTED', 'This host cannot open windows; the page opens it.');
      await options.env.openAudienceWindow!(request);
      return undefined;
    },
  };

  return {
    paths,
    events,
    store,
    queue,
    watch,
    /** Runs a JSON command whose input was already validated against `jsonCommands`. */
    run<C extends JsonCommand>(command: C, input: JsonCommandInput<C>): Promise<unknown> {
      return (commands[command] as (input: JsonCommandInput<C>) => Promise<unknown>)(input);
    },
    storeFile: (name: string, source: Readable | Uint8Array): Promise<StoredFile> =>
      source instanceof Uint8Array ? store.storeBytes(name, source) : store.storeStream(name, source),
    importBundle: (source: Uint8Array | Readable) =>
      importBundle(store, source, paths.tmp, options.maxBundleBytes ?? DEFAULT_MAX_BUNDLE_BYTES),
    pageImage: (hash: string, page: number) => images.pageImage(hash, page),
    /** A verified original, to be streamed from `path`. */
    async original(hash: string): Promise<FileToSend> {
      const meta = await store.getFile(hash);
      return {
        path: await store.verifiedPath(hash),
        size: meta.size,
        contentType: meta.mime,
        fileName: meta.name,
      };
    },
    exportFile: (storedName: string): Promise<FileToSend> => exportsFolder.open(storedName),
    async close(): Promise<void> {
      watch.stop();
      await queue.dispose();
    },
  };
}
