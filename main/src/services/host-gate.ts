import type { CommandHandlers, EncryptionState, UploadHandlers } from '@hoso/contracts';
import { commandNames, uploadNames } from '@hoso/contracts';
import type { Readable } from 'node:stream';
import { auditAnchorKey, readAnchor } from './audit/anchor';
import { AuditLog, osUserName } from './audit/audit-log';
import { checkPassphrase } from './crypto/keyring';
import { encryptDataFolder, encryptionStatus, unlockDataFolder } from './crypto/encrypt-data-folder';
import { dataPaths } from './data-dir';
import { EventBus } from './event-bus';
import { createHost, type Host, type HostOptions } from './host';
import { hostFail } from './host-error';
import { SettingsStore } from './settings';

/**
 * Owns the host's lifecycle for encryption at rest. A plain data folder opens at once. An
 * encrypted one stays locked, and every case route and command is refused with LOCKED, until the
 * first UI screen sends `unlock` with the passphrase (a wrong one: WRONG_PASSPHRASE, nothing
 * opened). `enableEncryption` stops the host, seals the folder with progress events, and starts
 * it again on the sealed codec; a crash meanwhile leaves the folder 'migrating', and the next
 * unlock finishes the job.
 */
export async function createHostGate(options: HostOptions) {
  const paths = dataPaths(options.dataDir);
  const events = options.events ?? new EventBus();
  let host: Host | undefined;
  let encryption = await encryptionStatus(paths);
  let progress: EncryptionState['progress'];
  let busy = false;
  /** Kept only for an OS key store adapter (Electron safeStorage) to save after an unlock. */
  let lastDataKey: Buffer | undefined;
  if (encryption === 'plain') host = await createHost({ ...options, events });

  const state = (): EncryptionState => ({ encryption, locked: !host, ...(progress ? { progress } : {}) });

  const exclusive = async <T>(run: () => Promise<T>): Promise<T> => {
    if (busy) hostFail('BUSY', 'The data folder is being unlocked or encrypted; wait for it to finish.');
    busy = true;
    try {
      return await run();
    } finally {
      busy = false;
    }
  };

  async function migrate(passphrase: string) {
    const before = encryption;
    encryption = 'migrating';
    const result = await encryptDataFolder(paths, passphrase, (p) => {
      progress = {
        filesDone: p.filesDone,
        filesTotal: p.filesTotal,
        bytesDone: p.bytesDone,
        bytesTotal: p.bytesTotal,
      };
      events.emit({ type: 'encryption-progress', state: state() });
    });
    progress = undefined;
    encryption = 'on';
    const userName = (await new SettingsStore(paths).read()).userName;
    // The first sealed anchor of the log is written with this entry.
    const log = await AuditLog.open(paths.audit, () => ({ osUser: osUserName(), userName }), {
      key: auditAnchorKey(result.dataKey),
      startAnchor: true,
    });
    await log.append({
      action: 'encryption-enabled',
      detail: {
        resumed: before === 'migrating',
        filesSealed: result.filesSealed,
        bytesSealed: result.bytesSealed,
      },
    });
  }

  async function unlock(passphrase: string): Promise<EncryptionState> {
    if (host) return state();
    return exclusive(async () => {
      // Checks the passphrase before anything is touched.
      await unlockDataFolder(paths, passphrase);
      if ((await encryptionStatus(paths)) === 'migrating') await migrate(passphrase);
      const { codec, dataKey } = await unlockDataFolder(paths, passphrase);
      lastDataKey = dataKey;
      host = await createHost({ ...options, events, codec, auditAnchorKey: auditAnchorKey(dataKey) });
      encryption = 'on';
      events.emit({ type: 'encryption-progress', state: state() });
      return state();
    });
  }

  async function enableEncryption(passphrase: string): Promise<EncryptionState> {
    if (encryption !== 'plain') hostFail('ALREADY_ENCRYPTED', 'This data folder is already encrypted.');
    checkPassphrase(passphrase);
    return exclusive(async () => {
      await host?.close();
      host = undefined;
      try {
        await migrate(passphrase);
      } finally {
        // Whatever happened, the host comes back: sealed when the key exists, else as it was.
        const status = await encryptionStatus(paths);
        const unlocked = status === 'plain' ? undefined : await unlockDataFolder(paths, passphrase);
        host = await createHost({
          ...options,
          events,
          codec: unlocked?.codec,
          auditAnchorKey: unlocked ? auditAnchorKey(unlocked.dataKey) : undefined,
        });
        encryption = status;
        events.emit({ type: 'encryption-progress', state: state() });
      }
      return state();
    });
  }

  /** Unlocks with a data key an OS key store gave back (Electron safeStorage), no passphrase. */
  async function unlockWithDataKey(dataKey: Buffer): Promise<EncryptionState> {
    if (host || encryption !== 'on') return state();
    return exclusive(async () => {
      const { sealedCodec } = await import('./crypto/blob-codec');
      const codec = sealedCodec(dataKey);
      // A stale key must not reach the audit log: it would find the anchor "broken" and record a
      // reset. The anchor opens only under the right key, so it is the check.
      const anchorKey = auditAnchorKey(dataKey);
      if ((await readAnchor(paths.audit, anchorKey)).state === 'broken')
        hostFail(
          'WRONG_PASSPHRASE',
          'The remembered key does not open this data folder; enter the passphrase.',
        );
      // A wrong or stale key fails on the first sealed file the host reads (jobs.json) → refused.
      host = await createHost({ ...options, events, codec, auditAnchorKey: anchorKey });
      return state();
    });
  }

  // Every command of the table: the three encryption ones here, all others on the running host
  // (LOCKED while there is none).
  const own: Pick<CommandHandlers, 'encryptionStatus' | 'unlock' | 'enableEncryption'> = {
    encryptionStatus: async () => state(),
    unlock: async ({ passphrase }) => unlock(passphrase),
    enableEncryption: async ({ passphrase }) => enableEncryption(passphrase),
  };
  const commands = Object.fromEntries(
    commandNames.map((name) => [
      name,
      Object.hasOwn(own, name)
        ? own[name as keyof typeof own]
        : (input: unknown) => (gate.current().commands[name] as (i: unknown) => Promise<unknown>)(input),
    ]),
  ) as CommandHandlers;
  const uploads = Object.fromEntries(
    uploadNames.map((name) => [
      name,
      (params: unknown, source: Readable | Uint8Array) =>
        (gate.current().uploads[name] as (p: unknown, s: Readable | Uint8Array) => Promise<unknown>)(
          params,
          source,
        ),
    ]),
  ) as UploadHandlers<Readable | Uint8Array>;

  const gate = {
    paths,
    events,
    state,
    unlock,
    unlockWithDataKey,
    enableEncryption,
    dataKeyForKeyStore: () => lastDataKey,
    /** What dispatch() routes to, over HTTP and IPC alike. */
    commands,
    uploads,
    /** The host's resources routed through the gate (for the Electron protocol handler). */
    facade(): Pick<Host, 'commands' | 'uploads' | 'pageImage' | 'original' | 'exportFile'> {
      return {
        commands,
        uploads,
        pageImage: (...args) => gate.current().pageImage(...args),
        original: (...args) => gate.current().original(...args),
        exportFile: (...args) => gate.current().exportFile(...args),
      };
    },
    /** The running host, or LOCKED. */
    current(): Host {
      if (!host)
        return hostFail(
          'LOCKED',
          busy
            ? 'The data folder is being encrypted; wait for it to finish.'
            : 'The data folder is locked: enter the passphrase.',
        );
      return host;
    },
    async close(): Promise<void> {
      await host?.close();
      host = undefined;
    },
  };
  return gate;
}

export type HostGate = Awaited<ReturnType<typeof createHostGate>>;
