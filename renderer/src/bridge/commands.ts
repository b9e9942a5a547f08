import type { HostBridge, Result } from '@hoso/contracts';

export type CallCommand = <T>(command: string, payload?: unknown) => Promise<Result<T>>;

type JsonCommandMethods = Pick<
  HostBridge,
  | 'getFile'
  | 'enqueueOcr'
  | 'listJobs'
  | 'cancelJob'
  | 'retryJob'
  | 'jobResult'
  | 'exportPdf'
  | 'exportBundle'
  | 'getWatchFolder'
  | 'setWatchFolder'
  | 'listAudit'
  | 'exportAudit'
  | 'noteCorrection'
  | 'noteDeletion'
  | 'noteAudienceOpened'
  | 'getUserName'
  | 'setUserName'
  | 'encryptionStatus'
  | 'unlock'
  | 'enableEncryption'
>;

/**
 * The bridge methods that are plain JSON commands, the same over IPC and HTTP (the host's table is
 * main/src/services/commands.ts); only the transport (`call`) differs between Electron and web.
 */
export function jsonCommandMethods(call: CallCommand): JsonCommandMethods {
  return {
    getFile: (hash) => call('getFile', { hash }),
    enqueueOcr: (request) => call('enqueueOcr', request),
    listJobs: () => call('listJobs'),
    cancelJob: (id) => call('cancelJob', { id }),
    retryJob: (id) => call('retryJob', { id }),
    jobResult: (id) => call('jobResult', { id }),
    exportPdf: (request) => call('exportPdf', request),
    exportBundle: (request) => call('exportBundle', request),
    getWatchFolder: () => call('getWatchFolder'),
    setWatchFolder: (path) => call('setWatchFolder', { path }),
    // Chain of custody (issue 13)
    listAudit: (filter) => call('listAudit', filter),
    exportAudit: (request) => call('exportAudit', request),
    noteCorrection: (notice) => call('noteCorrection', notice),
    noteDeletion: (notice) => call('noteDeletion', notice),
    noteAudienceOpened: (notice) => call('noteAudienceOpened', notice),
    getUserName: () => call('getUserName'),
    setUserName: (userName) => call('setUserName', { userName }),
    encryptionStatus: () => call('encryptionStatus'),
    unlock: (passphrase) => call('unlock', { passphrase }),
    enableEncryption: (passphrase) => call('enableEncryption', { passphrase }),
  };
}
