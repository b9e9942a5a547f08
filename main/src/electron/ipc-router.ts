import { describeZodError, type Result } from '@hoso/contracts';
import { z } from 'zod';
import { dispatch, dispatchUpload } from '../services/dispatch';
import { asResult, hostFail } from '../services/host-error';
import type { Host } from '../services/host';
import { isAppUrl } from './app-origin';

/** The only IPC channels the main process answers; anything else is never registered. */
export const IPC_CHANNELS = { invoke: 'hoso:invoke', upload: 'hoso:upload', event: 'hoso:event' } as const;

export type RouterHost = Pick<Host, 'commands' | 'uploads'>;

const UploadMessageSchema = z.object({
  command: z.string().max(50),
  params: z.unknown(),
  // Structured clone delivers an ArrayBuffer (or a Uint8Array view) from the renderer.
  bytes: z.union([z.instanceof(ArrayBuffer), z.instanceof(Uint8Array)]),
});

/**
 * One router for every renderer → main message (VS Code style): the sender's frame must be our
 * app:// origin; then the same `dispatch()` as the HTTP server checks the command against the
 * contracts' table and its payload against the schema, and replies with a Result value.
 */
export function createIpcRouter(host: RouterHost) {
  const refuseSender = (senderUrl: string | undefined): Promise<Result<unknown>> | undefined =>
    isAppUrl(senderUrl)
      ? undefined
      : asResult(() => hostFail('FORBIDDEN', `IPC from ${senderUrl ?? 'an unknown frame'} is refused.`));
  return {
    invoke(senderUrl: string | undefined, command: unknown, payload: unknown): Promise<Result<unknown>> {
      return refuseSender(senderUrl) ?? dispatch(host.commands, command, payload);
    },
    upload(senderUrl: string | undefined, message: unknown): Promise<Result<unknown>> {
      const refused = refuseSender(senderUrl);
      if (refused) return refused;
      const parsed = UploadMessageSchema.safeParse(message);
      if (!parsed.success)
        return asResult(() => hostFail('INVALID_MESSAGE', `upload: ${describeZodError(parsed.error)}`));
      const { command, params, bytes } = parsed.data;
      const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
      return dispatchUpload(host.uploads, command, params ?? {}, view);
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
