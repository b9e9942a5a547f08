import type { Result } from '@hoso/contracts';
import { z } from 'zod';
import { describeZodError, isJsonCommand, jsonCommands } from '../services/commands';
import { asResult, hostFail } from '../services/host-error';
import type { Host } from '../services/host';
import { isAppUrl } from './app-origin';

/** The only IPC channels the main process answers; anything else is never registered. */
export const IPC_CHANNELS = { invoke: 'hoso:invoke', upload: 'hoso:upload', event: 'hoso:event' } as const;

export type RouterHost = Pick<Host, 'run' | 'storeFile' | 'importBundle'>;

const UploadSchema = z.object({
  command: z.enum(['storeFile', 'importBundle']),
  name: z.string().max(500),
  caseId: z.string().min(1).max(200).optional(),
  passphrase: z.string().min(1).max(1000).optional(),
  // Structured clone delivers an ArrayBuffer (or a Uint8Array view) from the renderer.
  bytes: z.union([z.instanceof(ArrayBuffer), z.instanceof(Uint8Array)]),
});

/**
 * One router for every renderer → main message (VS Code style): the sender's frame must be our
 * app:// origin, the command must be in the table, the payload must pass its zod schema, and the
 * reply is always a Result value (never a thrown error crossing the bridge).
 */
export function createIpcRouter(host: RouterHost) {
  const checkSender = (senderUrl: string | undefined) => {
    if (!isAppUrl(senderUrl))
      hostFail('FORBIDDEN', `IPC from ${senderUrl ?? 'an unknown frame'} is refused.`);
  };
  return {
    invoke(senderUrl: string | undefined, command: unknown, payload: unknown): Promise<Result<unknown>> {
      return asResult(async () => {
        checkSender(senderUrl);
        if (typeof command !== 'string' || !isJsonCommand(command))
          return hostFail('INVALID_MESSAGE', `Unknown command ${String(command).slice(0, 50)}.`);
        const parsed = jsonCommands[command].safeParse(payload);
        if (!parsed.success)
          return hostFail('INVALID_MESSAGE', `${command}: ${describeZodError(parsed.error)}`);
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the table pairs each command with its schema
        return (await host.run(command, parsed.data as any)) ?? null;
      });
    },
    upload(senderUrl: string | undefined, message: unknown): Promise<Result<unknown>> {
      return asResult(async () => {
        checkSender(senderUrl);
        const parsed = UploadSchema.safeParse(message);
        if (!parsed.success) return hostFail('INVALID_MESSAGE', `upload: ${describeZodError(parsed.error)}`);
        const { command, name, bytes, caseId, passphrase } = parsed.data;
        const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
        if (command === 'storeFile') {
          if (!name) hostFail('INVALID_MESSAGE', 'storeFile: a file name is required.');
          return host.storeFile(name, view, { caseId });
        }
        return host.importBundle(view, passphrase);
      });
    },
  };
}

export type IpcRouter = ReturnType<typeof createIpcRouter>;

/** The thin Electron binding: `ipcMain` is passed in so the router is testable without Electron. */
export function bindIpc(
  ipcMain: {
    handle(
      channel: string,
      listener: (event: { senderFrame: { url: string } | null }, ...args: unknown[]) => unknown,
    ): void;
  },
  router: IpcRouter,
): void {
  ipcMain.handle(IPC_CHANNELS.invoke, (event, command, payload) =>
    router.invoke(event.senderFrame?.url, command, payload),
  );
  ipcMain.handle(IPC_CHANNELS.upload, (event, message) => router.upload(event.senderFrame?.url, message));
}
