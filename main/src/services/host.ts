import type {
  AudienceWindowRequest,
  CommandHandlers,
  CommandInput,
  CommandName,
  CommandReply,
  DisplayInfo,
  ExportResult,
  HostError,
  StoredFile,
  UploadHandlers,
} from '@hoso/contracts';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { chmod, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { openHostAudit } from './audit/host-audit';
import { plainCodec, type BlobCodec } from './crypto/blob-codec';
import { sealBundle } from './crypto/bundle-seal';
import type { Readable } from 'node:stream';
import { importBundle, writeBundle } from './case-bundle';
import { dataPaths, type DataPaths } from './data-dir';
import { DerivedFiles } from './derived-files';
import { EventBus } from './event-bus';
import { exportFileName, ExportsFolder, type FileToSend } from './exports-folder';
import { FileStore } from './file-store';
import { hostFail } from './host-error';
import { Inbox } from './inbox';
import { JobStore } from './job-store';
import { centreOrLocal, inProcessRecognizer, type Recognizer } from './ocr-engine';
import { threadRecognizer } from './ocr-thread';
import { OcrQueue } from './ocr-queue';
import { PageImages } from './page-images';
import { PRIVATE_FILE_MODE, securePrivateTree } from './private-files';
import { writeExportPdf } from './pdf-export';
import { SettingsStore } from './settings';
import { cleanTempFolder } from './temp-cleanup';
import { ScanSessions } from './scanner/scan-session';
import { saneScanner } from './scanner/sane-scanner';
import type { Scanner } from './scanner/scanner';
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
  /** Encryption at rest: the unlocked folder's codec (default: plain). */
  codec?: BlobCodec;
  /** Owned by whoever outlives this host (the gate re-creates hosts on unlock). */
  events?: EventBus;
  /** Default: SANE's scanimage (SANE_CONFIG_DIR etc. come from the environment). */
  scanner?: Scanner;
};

/** What a host action knows about where the material belongs (for the audit log). */
export type ActionContext = { caseId?: string };

/** Bundles are spooled to disk, so the limit is about disk use, not memory. */
export const DEFAULT_MAX_BUNDLE_BYTES = 4 * 1024 * 1024 * 1024 - 1;

export type Host = Awaited<ReturnType<typeof createHost>>;

/** What the UI tells the user about repairs made at start (Vietnamese text by code in the renderer). */
/** The centre's URL as the UI shows it: never its password. Loaded on use (BullMQ, tesseract.js). */
async function maskedServer(url: string | null): Promise<string | null> {
  if (url === null) return null;
  const { maskRedisUrl } = await import('@hoso/ocr/queue');
  return maskRedisUrl(url);
}

function startupNotices(recovery: OcrQueue['recovery'], inbox: Inbox): HostError[] {
  return [...jobNotices(recovery), ...(inbox.problem ? [inbox.problem] : [])];
}

function jobNotices(recovery: OcrQueue['recovery']): HostError[] {
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
  const codec = options.codec ?? plainCodec;
  const events = options.events ?? new EventBus();
  const store = new FileStore(paths, options.maxFileBytes, codec);
  // Derived files go through the codec too; their integrity records hash the plaintext.
  const derived = new DerivedFiles(paths, () => codec);
  const images = new PageImages(paths, store, derived);
  const exportsFolder = new ExportsFolder(paths, codec);
  const settings = new SettingsStore(paths);
  const audit = await openHostAudit({ paths, settings, events, codec });
  const queue = new OcrQueue({
    paths,
    store,
    jobStore: new JobStore(paths, derived, codec),
    events,
    recognize: centreOrLocal(
      options.recognize ??
        (process.env.HOSO_OCR_IN_PROCESS === '1' ? inProcessRecognizer() : threadRecognizer()),
      async () => (await settings.read()).ocrServer,
    ),
    threads: options.ocrThreads,
  });
  const inbox = await Inbox.open(paths, codec);
  const watch = new WatchFolder({ paths, store, events, inbox, pollMs: options.watchPollMs });
  const scans = new ScanSessions({
    scanner: options.scanner ?? saneScanner(),
    store,
    events,
    inbox,
    onPageStored: (request, file, blank) =>
      audit.log.append({
        action: 'file-stored',
        caseId: request.caseId,
        files: [{ role: 'original', sha256: file.hash, name: file.name, bytes: file.size }],
        detail: {
          existed: file.existed,
          pages: file.pages.length,
          mime: file.mime,
          scanner: request.device,
          blank,
        },
      }),
  });
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
    fileName: exportFileName(storedName),
    bytes,
  });

  /** Moves a finished plaintext export from tmp/ into exports/ (sealed when encrypted). */
  const publish = async (plainTmp: string, storedName: string) => {
    const sha = await sha256File(plainTmp);
    await codec.adopt(plainTmp, exportsFolder.resolve(storedName), paths.tmp);
    await chmod(exportsFolder.resolve(storedName), PRIVATE_FILE_MODE);
    return sha;
  };
  const originalsOf = async (hashes: Iterable<string>) =>
    Promise.all(
      [...new Set(hashes)].map(async (h) => ({
        role: 'source',
        sha256: h,
        name: (await store.getFile(h)).name,
      })),
    );

  // One handler per entry of the contracts' command table (the gate answers the encryption ones).
  const commands: HostCommandHandlers = {
    getFile: async ({ hash }) => store.getFile(hash),
    enqueueOcr: async (request) => {
      const again = queue.list().find((j) => j.id === request.importId);
      const job = await queue.enqueue(request);
      if (again) return job; // a retried import: queued (and logged) once
      await audit.log.append({
        action: 'ocr-queued',
        caseId: request.caseId,
        documentId: request.documentId,
        files: [{ role: 'original', sha256: job.fileHash, name: job.fileName }],
        detail: { job: job.id, lang: job.lang, forceOcr: job.forceOcr },
      });
      return job;
    },
    listJobs: async () => queue.list(),
    cancelJob: async ({ id }) => queue.cancel(id),
    retryJob: async ({ id }) => queue.retry(id),
    jobResult: async ({ id }) => queue.result(id),
    exportPdf: async (request) => {
      const storedName = exportsFolder.storedName(request.fileName, '.pdf');
      const tmp = path.join(paths.tmp, `${randomUUID()}.pdf.part`);
      const written = await writeExportPdf(store, request, tmp, paths.tmp);
      const bytes = written.bytes;
      const sha = await publish(tmp, storedName);
      await audit.log.append({
        action: 'pdf-exported',
        caseId: request.caseId,
        files: [
          { role: 'export', sha256: sha, name: exportFileName(storedName), bytes },
          ...(await originalsOf(request.pages.map((p) => p.fileHash))),
        ],
        detail: {
          pages: request.pages.length,
          scope: request.scope ?? null,
          folioStamps: !!request.folioStamps,
          redactedPages: written.redactedPages ?? 0,
          signedBy: written.signedBy ?? null,
        },
      });
      return {
        ...exportResult(storedName, bytes),
        redactedPages: written.redactedPages,
        signedBy: written.signedBy,
      };
    },
    exportBundle: async (request) => {
      const storedName = exportsFolder.storedName(request.fileName, '.hoso');
      const zip = path.join(paths.tmp, `${randomUUID()}.zip.part`);
      const caseAudit = await audit.caseLines(request.caseId);
      let bytes = await writeBundle(store, request, zip, paths.tmp, caseAudit);
      if (request.passphrase) {
        // The passphrase seals this bundle only; it is never written anywhere.
        const sealed = path.join(paths.tmp, `${randomUUID()}.hoso.part`);
        bytes = await sealBundle(zip, sealed, request.passphrase, paths.tmp).finally(() =>
          rm(zip, { force: true }),
        );
        await rename(sealed, zip);
      }
      const sha = await publish(zip, storedName);
      await audit.log.append({
        action: 'bundle-exported',
        caseId: request.caseId,
        files: [
          { role: 'bundle', sha256: sha, name: exportFileName(storedName), bytes },
          ...(await originalsOf(request.fileHashes)),
        ],
        detail: { encrypted: !!request.passphrase, auditEntries: caseAudit.lines.length },
      });
      return exportResult(storedName, bytes);
    },
    getWatchFolder: async () => (await settings.read()).watchFolder,
    setWatchFolder: async ({ path }) => {
      const folder = path === null ? null : await checkWatchFolder(path, { dataDir: paths.root });
      await watch.start(folder);
      return (await settings.update({ watchFolder: folder })).watchFolder;
    },
    getOcrServer: async () => maskedServer((await settings.read()).ocrServer),
    setOcrServer: async ({ url }) => {
      if (url !== null) {
        const { parseRedisUrl } = await import('@hoso/ocr/queue');
        try {
          parseRedisUrl(url.trim(), {});
        } catch (err) {
          hostFail('INVALID_INPUT', (err as Error).message);
        }
      }
      return maskedServer((await settings.update({ ocrServer: url?.trim() ?? null })).ocrServer);
    },
    listInbox: async () => inbox.list(),
    ack: async ({ ids }) => ({ removed: await inbox.ack(ids) }),
    listScanners: async () => scans.listDevices(),
    startScan: async (request) => ({ scanId: scans.start(request).scanId }),
    listDisplays: async () => options.env.listDisplays?.() ?? [],
    hostNotices: async () => startupNotices(queue.recovery, inbox),
    openAudienceWindow: async (request) => {
      if (!options.env.openAudienceWindow)
        hostFail('NOT_SUPPORTED', 'This host cannot open windows; the page opens it.');
      await options.env.openAudienceWindow!(request);
      await audit.log.append({
        action: 'audience-opened',
        caseId: request.caseId,
        detail: { presentation: request.presentationId ?? null, display: request.displayId ?? null },
      });
      return null;
    },
    // --- Chain of custody (issue 13) ---
    listAudit: async (filter) => audit.list(filter),
    exportAudit: async (request) => {
      const ext = request.format === 'pdf' ? '.pdf' : '.csv';
      const storedName = exportsFolder.storedName(request.fileName, ext);
      const out = await audit.exportTo(request);
      const bytes = await fileSize(out.tmp);
      await publish(out.tmp, storedName);
      await audit.log.append({
        action: 'audit-exported',
        caseId: request.filter.caseId,
        files: [{ role: 'export', sha256: out.sha256, name: exportFileName(storedName), bytes }],
        detail: { format: request.format, entries: out.entries.length },
      });
      return exportResult(storedName, bytes);
    },
    noteCorrection: async (n) => {
      await audit.log.append({
        action: 'word-corrected',
        caseId: n.caseId,
        documentId: n.documentId,
        pageId: n.pageId,
        page: n.page,
        files: [{ role: 'original', sha256: n.fileHash }],
        detail: { word: n.wordIndex, before: n.before.normalize('NFC'), after: n.after.normalize('NFC') },
      });
      return null;
    },
    noteDeletion: async (n) => {
      await audit.log.append({
        action: n.purged ? 'material-purged' : 'material-deleted',
        caseId: n.caseId,
        files: n.fileHashes.map((h) => ({ role: 'original', sha256: h })),
        detail: {
          kind: n.kind,
          ids: n.ids.join(' ').slice(0, 4000),
          count: n.ids.length,
          label: n.label ?? null,
        },
      });
      return null;
    },
    noteRestore: async (n) => {
      await audit.log.append({
        action: 'material-restored',
        caseId: n.caseId,
        detail: {
          kind: n.kind,
          ids: n.ids.join(' ').slice(0, 4000),
          count: n.ids.length,
          label: n.label?.normalize('NFC') ?? null,
        },
      });
      return null;
    },
    noteAudienceOpened: async (n) => {
      await audit.log.append({
        action: 'audience-opened',
        caseId: n.caseId,
        detail: { presentation: n.presentationId ?? null },
      });
      return null;
    },
    // A host runs unlocked; the gate (host-gate.ts) answers these three before a host exists.
    encryptionStatus: async () => ({ encryption: codec.sealed ? 'on' : 'plain', locked: false }),
    unlock: async () => ({ encryption: codec.sealed ? 'on' : 'plain', locked: false }),
    enableEncryption: async () =>
      hostFail('NOT_SUPPORTED', 'Encryption is switched on through the host gate, which restarts the host.'),
    getUserName: async () => (await settings.read()).userName,
    setUserName: async ({ userName }) =>
      (await settings.update({ userName: userName.normalize('NFC').trim() })).userName,
  };

  // The bytes come as a whole (IPC's structured clone) or as a stream (an HTTP body).
  const uploads: UploadHandlers<Readable | Uint8Array> = {
    storeFile: ({ name, caseId }, source) => host.storeFile(name, source, { caseId }),
    importBundle: ({ passphrase }, source) => host.importBundle(source, passphrase),
  };

  const host = {
    paths,
    events,
    store,
    queue,
    watch,
    scans,
    inbox,
    /** Runs a JSON command whose input was already validated against `jsonCommands`. */
    audit: audit.log,
    codec,
    /** The handlers `dispatch()` routes to, through the gate (HTTP and IPC validate first). */
    commands,
    uploads,
    /** Calls a handler directly with an already valid input (tests, benchmarks). */
    run<C extends CommandName>(command: C, input: CommandInput<C>): Promise<CommandReply<C>> {
      return commands[command](input);
    },
    async storeFile(
      name: string,
      source: Readable | Uint8Array,
      context: ActionContext = {},
    ): Promise<StoredFile> {
      const file =
        source instanceof Uint8Array
          ? await store.storeBytes(name, source)
          : await store.storeStream(name, source);
      await audit.log.append({
        action: 'file-stored',
        caseId: context.caseId,
        files: [{ role: 'original', sha256: file.hash, name: file.name, bytes: file.size }],
        detail: { existed: file.existed, pages: file.pages.length, mime: file.mime },
      });
      return file;
    },
    async importBundle(source: Uint8Array | Readable, passphrase?: string) {
      const result = await importBundle(
        store,
        source,
        paths.tmp,
        options.maxBundleBytes ?? DEFAULT_MAX_BUNDLE_BYTES,
        passphrase,
      );
      const caseId = (result.caseData as { case?: { id?: unknown } } | null)?.case?.id;
      await audit.log.append({
        action: 'bundle-imported',
        caseId: typeof caseId === 'string' ? caseId.slice(0, 200) : undefined,
        files: [
          { role: 'bundle', sha256: result.bundleSha256 },
          ...result.files.map((f) => ({ role: 'original', sha256: f.hash, name: f.name, bytes: f.size })),
        ],
        detail: { auditEntriesVerified: result.auditEntries?.length ?? 0, encrypted: !!passphrase },
      });
      return {
        caseData: result.caseData,
        files: result.files,
        auditEntries: result.auditEntries?.length ?? 0,
      };
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
      scans.stop();
      await queue.dispose();
      audit.close();
    },
  };
  return host;
}

export type HostCommandHandlers = CommandHandlers;

async function sha256File(file: string): Promise<string> {
  const digest = createHash('sha256');
  for await (const chunk of createReadStream(file)) digest.update(chunk as Buffer);
  return digest.digest('hex');
}

const fileSize = async (file: string): Promise<number> => (await stat(file)).size;
