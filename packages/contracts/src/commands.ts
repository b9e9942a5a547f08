import { z } from 'zod';
import {
  AudienceWindowRequestSchema,
  BundleExportRequestSchema,
  BundleImportResultSchema,
  DisplayInfoSchema,
  EnqueueOcrRequestSchema,
  ExportPdfRequestSchema,
  ExportResultSchema,
  JobIdSchema,
  OcrJobSchema,
  Sha256Schema,
  StoredFileSchema,
  type HostEvent,
} from './bridge';
import {
  AudienceNoticeSchema,
  AuditExportRequestSchema,
  AuditFilterSchema,
  AuditListingSchema,
  CorrectionNoticeSchema,
  DeletionNoticeSchema,
  EncryptionStateSchema,
  PassphraseSchema,
  RestoreNoticeSchema,
} from './custody';
import { AckRequestSchema, InboxListSchema } from './inbox';
import { OcrWordsFileSchema } from './ocr';
import { ScanIdSchema, ScannerDeviceSchema, ScanRequestSchema } from './scan';
import { HostErrorSchema, type Result } from './result';

/**
 * THE command table of the bridge between the renderer and the host. Each entry names a command,
 * the schema its request must satisfy (checked by the host before acting) and the schema of its
 * reply (checked by the renderer before trusting it). Everything else derives from it: the
 * `HostBridge` type, the renderer's proxy (renderer/src/bridge/proxy.ts), the host's handler map
 * (`CommandHandlers`, a missing handler fails typecheck) and the one `dispatch()` that both the
 * HTTP server and the Electron IPC router call (main/src/services/dispatch.ts).
 *
 * Adding a command: one entry here, one handler in main/src/services/host.ts. Nothing else.
 * VS Code's ProxyChannel derives both ends of a channel from one service interface; this is the
 * same idea with the schemas as the source of truth.
 */
const Empty = z.object({}).strict();

export const commands = {
  getFile: { input: z.object({ hash: Sha256Schema }), output: StoredFileSchema },
  enqueueOcr: { input: EnqueueOcrRequestSchema, output: OcrJobSchema },
  listJobs: { input: Empty, output: z.array(OcrJobSchema) },
  cancelJob: { input: z.object({ id: JobIdSchema }), output: OcrJobSchema },
  retryJob: { input: z.object({ id: JobIdSchema }), output: OcrJobSchema },
  jobResult: { input: z.object({ id: JobIdSchema }), output: OcrWordsFileSchema },
  exportPdf: { input: ExportPdfRequestSchema, output: ExportResultSchema },
  exportBundle: { input: BundleExportRequestSchema, output: ExportResultSchema },
  getWatchFolder: { input: Empty, output: z.string().nullable() },
  setWatchFolder: {
    input: z.object({ path: z.string().min(1).max(4096).nullable() }),
    output: z.string().nullable(),
  },
  /** Cài đặt → Máy chủ nhận dạng: the centre's Redis URL (password masked), or null for this machine. */
  getOcrServer: { input: Empty, output: z.string().nullable() },
  setOcrServer: {
    input: z.object({ url: z.string().min(1).max(2048).nullable() }),
    output: z.string().nullable(),
  },
  /** Quét tài liệu: the host's scanners, and a scan whose pages arrive in the inbox (`scan-page` hints). */
  listScanners: { input: Empty, output: z.array(ScannerDeviceSchema) },
  startScan: { input: ScanRequestSchema, output: z.object({ scanId: ScanIdSchema }) },
  /**
   * The inbox of stored originals awaiting the dossier (scans, the watched folder), oldest first;
   * `ack` removes entries the renderer has recorded (unknown ids are ignored: another tab acked them).
   */
  listInbox: { input: Empty, output: InboxListSchema },
  ack: { input: AckRequestSchema, output: z.object({ removed: z.number().int().min(0) }) },
  listDisplays: { input: Empty, output: z.array(DisplayInfoSchema) },
  /** Electron opens the courtroom audience window full-screen; the browser's page opens it itself. */
  openAudienceWindow: { input: AudienceWindowRequestSchema, output: z.null() },
  // --- Chain of custody (issue 13): the renderer reads the log and sends notices the host records
  // (it has no command that writes an entry); the user name for entries; encryption at rest.
  listAudit: { input: AuditFilterSchema, output: AuditListingSchema },
  exportAudit: { input: AuditExportRequestSchema, output: ExportResultSchema },
  noteCorrection: { input: CorrectionNoticeSchema, output: z.null() },
  noteDeletion: { input: DeletionNoticeSchema, output: z.null() },
  noteRestore: { input: RestoreNoticeSchema, output: z.null() },
  noteAudienceOpened: { input: AudienceNoticeSchema, output: z.null() },
  getUserName: { input: Empty, output: z.string() },
  setUserName: { input: z.object({ userName: z.string().max(200) }), output: z.string() },
  /** Answered while locked; the other commands are refused with LOCKED until `unlock`. */
  encryptionStatus: { input: Empty, output: EncryptionStateSchema },
  unlock: { input: PassphraseSchema, output: EncryptionStateSchema },
  enableEncryption: { input: PassphraseSchema, output: EncryptionStateSchema },
  /** What the host repaired at start that the user should know (a damaged job list recovered…). */
  hostNotices: { input: Empty, output: z.array(HostErrorSchema) },
} satisfies Record<string, CommandEntry>;

/** Commands the host gate answers itself (they start, stop or replace the host). */
export const GATE_COMMANDS = ['encryptionStatus', 'unlock', 'enableEncryption'] as const;
export type GateCommandName = (typeof GATE_COMMANDS)[number];

/**
 * Commands whose request is a byte stream (the file itself) plus small parameters: HTTP sends the
 * bytes as the raw body and the parameters in the query, IPC sends both in one structured clone.
 */
export const uploads = {
  storeFile: {
    params: z.object({
      name: z.string().min(1).max(500),
      /** For the audit log: the case the file is imported into. */
      caseId: z.string().min(1).max(200).optional(),
    }),
    output: StoredFileSchema,
    httpPath: '/api/files',
  },
  importBundle: {
    // HTTP sends the passphrase in the X-HoSo-Passphrase header, never the URL (server.ts).
    params: z.object({ passphrase: z.string().min(1).max(1000).optional() }),
    output: BundleImportResultSchema,
    httpPath: '/api/bundles/import',
  },
} satisfies Record<string, UploadEntry>;

export type CommandTable = typeof commands;
export type CommandName = keyof CommandTable;
/** A request as the renderer writes it (defaults may be left out). */
export type CommandRequest<C extends CommandName> = z.input<CommandTable[C]['input']>;
/** A request as the host's handler receives it, parsed (defaults filled in). */
export type CommandInput<C extends CommandName> = z.output<CommandTable[C]['input']>;
/** What a handler returns; the renderer parses it into `CommandOutput`. */
export type CommandReply<C extends CommandName> = z.input<CommandTable[C]['output']>;
export type CommandOutput<C extends CommandName> = z.output<CommandTable[C]['output']>;

export type UploadTable = typeof uploads;
export type UploadName = keyof UploadTable;
export type UploadParams<U extends UploadName> = z.output<UploadTable[U]['params']>;
export type UploadReply<U extends UploadName> = z.input<UploadTable[U]['output']>;
export type UploadOutput<U extends UploadName> = z.output<UploadTable[U]['output']>;

export const commandNames = Object.keys(commands) as CommandName[];
export const uploadNames = Object.keys(uploads) as UploadName[];
export const isCommandName = (name: unknown): name is CommandName =>
  typeof name === 'string' && Object.hasOwn(commands, name);
export const isUploadName = (name: unknown): name is UploadName =>
  typeof name === 'string' && Object.hasOwn(uploads, name);

export type CommandEntry = { input: z.ZodType; output: z.ZodType };
/** `httpPath`: where browser mode POSTs the bytes (IPC needs no path). */
export type UploadEntry = { params: z.ZodType; output: z.ZodType; httpPath: `/api/${string}` };
/** A handler of one table entry: parsed input in, a reply that satisfies the output schema out. */
export type CommandHandler<E extends CommandEntry> = (
  input: z.output<E['input']>,
) => Promise<z.input<E['output']>>;
export type UploadHandler<E extends UploadEntry, Source> = (
  params: z.output<E['params']>,
  source: Source,
) => Promise<z.input<E['output']>>;

/** The host's side: one handler per command, typed by the table. */
export type CommandHandlers = { [C in CommandName]: CommandHandler<CommandTable[C]> };
/** The host's uploads; `Source` is whatever the transport delivers (bytes or a stream). */
export type UploadHandlers<Source> = { [U in UploadName]: UploadHandler<UploadTable[U], Source> };

// A request that may be empty ({} satisfies it) can be left out: `bridge.listJobs()`.
type RequestArgs<T> = Record<never, never> extends T ? [request?: T] : [request: T];

/** The renderer's side: one method per command, every reply a checked Result. */
export type HostCommands = {
  [C in CommandName]: (...request: RequestArgs<CommandRequest<C>>) => Promise<Result<CommandOutput<C>>>;
};
export type HostUploads = {
  [U in UploadName]: (
    bytes: ArrayBuffer,
    ...params: RequestArgs<z.input<UploadTable[U]['params']>>
  ) => Promise<Result<UploadOutput<U>>>;
};

/**
 * The one typed bridge the renderer sees (Electron main via preload + ipcMain, or the
 * browser-mode HTTP server on 127.0.0.1): the table's commands and uploads, plus URLs for
 * resources an <img> or a download reads directly, and the host's events.
 */
export type HostBridge = HostCommands &
  HostUploads & {
    readonly mode: 'electron' | 'web';
    /** URL of a page rendered as an image (PNG/JPEG), for <img>. Original pixels, no rotation applied. */
    pageImageUrl(hash: string, page: number): string;
    /** URL of the original file bytes as imported. */
    originalUrl(hash: string): string;
    /** Events arrive parsed against HostEventSchema; malformed ones are dropped. */
    subscribe(listener: (event: HostEvent) => void): () => void;
  };

/** A zod failure as a short message naming the offending fields. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`)
    .join('; ');
}
