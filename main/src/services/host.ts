import type {
  AudienceWindowRequest,
  CommandHandlers,
  CommandInput,
  CommandName,
  CommandReply,
  DisplayInfo,
  ExportResult,
  HostError,
  UploadHandlers,
} from '@hoso/contracts';
import { chmod } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { importBundle, writeBundle } from './case-bundle';
import { dataPaths, type DataPaths } from './data-dir';
import { DerivedFiles } from './derived-files';
import { EventBus } from './event-bus';
import { ExportsFolder, type FileToSend } from './exports-folder';
import { FileStore } from './file-store';
import { hostFail } from './host-error';
import { JobStore } from './job-store';
import { inProcessRecognizer, type Recognizer } from './ocr-engine';
import { threadRecognizer } from './ocr-thread';
import { OcrQueue } from './ocr-queue';
import { PageImages } from './page-images';
import { PRIVATE_FILE_MODE, securePrivateTree } from './private-files';
import { writeExportPdf } from './pdf-export';
import { SettingsStore } from './settings';
import { cleanTempFolder } from './temp-cleanup';
import { WatchFolder } from './watch-folder';
import { checkWatchFolder } from './watch-folder-policy';

/** What differs between Electron and the browser: URLs for exports, windows and displays. */
export type HostEnvironment = {
  exportUrl(storedName: string): string;
  listDisplays?(): DisplayInfo[];
  openAudienceWindow?(request: AudienceWindowRequest): Promise<void> | void;
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

/** What the UI tells the user about repairs made at start (Vietnamese text by code in the renderer). */
function startupNotices(recovery: OcrQueue['recovery']): HostError[] {
  if (recovery === 'from-last-good')
    return [
      {
        code: 'JOBS_RECOVERED',
        message:
          'The OCR job list was damaged on disk; HoSo recovered it from the last good copy (the damaged file was kept in jobs/).',
      },
    ];
  if (recovery === 'lost')
    return [
      {
        code: 'JOBS_LOST',
        message:
          'The OCR job list was damaged on disk and no good copy was left; pending imports must be started again. Originals are not affected.',
      },
    ];
  return [];
}

/** Wires the host services over one data dir. Both the HTTP server and the IPC router use it. */
export async function createHost(options: HostOptions) {
  const paths: DataPaths = dataPaths(options.dataDir);
  // Leftovers of a crash first: a temp hard link to an original must be gone before modes are fixed.
  const leftovers = await cleanTempFolder(paths.tmp);
  if (leftovers.length)
    console.error(`HoSo: removed ${leftovers.length} leftover temp file(s) of an interrupted run.`);
  await securePrivateTree(paths);
  const events = new EventBus();
  const store = new FileStore(paths, options.maxFileBytes);
  const derived = new DerivedFiles(paths);
  const images = new PageImages(paths, store, derived);
  const exportsFolder = new ExportsFolder(paths);
  const settings = new SettingsStore(paths);
  const queue = new OcrQueue({
    paths,
    store,
    jobStore: new JobStore(paths, derived),
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
  // A folder saved by an older version (or edited into settings.json) is judged like a new one.
  if (watched)
    await checkWatchFolder(watched, { dataDir: paths.root })
      .then((folder) => watch.start(folder))
      .catch(() => undefined);

  const exportResult = (storedName: string, bytes: number): ExportResult => ({
    url: options.env.exportUrl(storedName),
    fileName: storedName.slice(9),
    bytes,
  });

  // One handler per entry of the contracts' command table; a missing one fails typecheck.
  const commands: CommandHandlers = {
    getFile: async ({ hash }) => store.getFile(hash),
    enqueueOcr: async (request) => queue.enqueue(request),
    listJobs: async () => queue.list(),
    cancelJob: async ({ id }) => queue.cancel(id),
    retryJob: async ({ id }) => queue.retry(id),
    jobResult: async ({ id }) => queue.result(id),
    exportPdf: async (request) => {
      const storedName = exportsFolder.storedName(request.fileName, '.pdf');
      const written = await writeExportPdf(store, request, exportsFolder.resolve(storedName));
      await chmod(exportsFolder.resolve(storedName), PRIVATE_FILE_MODE);
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
      const folder = path === null ? null : await checkWatchFolder(path, { dataDir: paths.root });
      await watch.start(folder);
      return (await settings.update({ watchFolder: folder })).watchFolder;
    },
    listDisplays: async () => options.env.listDisplays?.() ?? [],
    hostNotices: async () => startupNotices(queue.recovery),
    openAudienceWindow: async (request) => {
      if (!options.env.openAudienceWindow)
        hostFail('NOT_SUPPORTED', 'This host cannot open windows; the page opens it.');
      await options.env.openAudienceWindow!(request);
      return null;
    },
  };

  // The bytes come as a whole (IPC's structured clone) or as a stream (an HTTP body).
  const uploads: UploadHandlers<Readable | Uint8Array> = {
    storeFile: ({ name }, source) =>
      source instanceof Uint8Array ? store.storeBytes(name, source) : store.storeStream(name, source),
    importBundle: (_params, source) =>
      importBundle(store, source, paths.tmp, options.maxBundleBytes ?? DEFAULT_MAX_BUNDLE_BYTES),
  };

  return {
    paths,
    events,
    store,
    queue,
    watch,
    /** The handlers `dispatch()` routes to (HTTP and IPC validate before calling them). */
    commands,
    uploads,
    /** Calls a handler directly with an already valid input (tests, benchmarks). */
    run<C extends CommandName>(command: C, input: CommandInput<C>): Promise<CommandReply<C>> {
      return commands[command](input);
    },
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
