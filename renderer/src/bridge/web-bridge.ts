import { jsonCommandMethods } from './commands';
import type { HostBridge, HostError, HostEvent, Result } from '@hoso/contracts';
import { routeToHash } from '../app/routes';

/**
 * Browser mode: the HostBridge over the same-origin HTTP API of `npm run web`
 * (main/src/web/server.ts). Every call resolves to a Result; network failures become values too.
 */

const networkError = (err: unknown): HostError => ({
  code: 'HOST_UNREACHABLE',
  message: `The HoSo host did not answer (${err instanceof Error ? err.message : String(err)}).`,
});

async function toResult<T>(response: Promise<Response>): Promise<Result<T>> {
  let res: Response;
  try {
    res = await response;
  } catch (err) {
    return { ok: false, error: networkError(err) };
  }
  try {
    const body = (await res.json()) as Result<T>;
    if (body && typeof body === 'object' && 'ok' in body) return body;
  } catch {
    // fall through: not our JSON
  }
  return {
    ok: false,
    error: { code: 'INTERNAL', message: `Unexpected reply from the host (HTTP ${res.status}).` },
  };
}

export function createWebBridge(base = ''): HostBridge {
  const call = <T>(command: string, payload: unknown = {}): Promise<Result<T>> =>
    toResult<T>(
      fetch(`${base}/api/call/${command}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(payload),
      }),
    );
  const upload = <T>(
    url: string,
    bytes: ArrayBuffer,
    headers: Record<string, string> = {},
  ): Promise<Result<T>> =>
    toResult<T>(
      fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/octet-stream', ...headers },
        body: bytes,
      }),
    );

  const listeners = new Set<(event: HostEvent) => void>();
  let source: EventSource | undefined;
  const ensureEvents = () => {
    if (source || typeof EventSource === 'undefined') return;
    // EventSource reconnects by itself when the server restarts.
    source = new EventSource(`${base}/api/events`);
    source.onmessage = (message) => {
      let event: HostEvent;
      try {
        event = JSON.parse(message.data as string) as HostEvent;
      } catch {
        return;
      }
      for (const listener of listeners) listener(event);
    };
  };

  return {
    mode: 'web',
    ...jsonCommandMethods(call),
    storeFile: (name, bytes, context) =>
      upload(
        `${base}/api/files?name=${encodeURIComponent(name)}${context?.caseId ? `&caseId=${encodeURIComponent(context.caseId)}` : ''}`,
        bytes,
      ),
    pageImageUrl: (hash, page) => `${base}/api/files/${hash}/pages/${page}/image`,
    originalUrl: (hash) => `${base}/api/files/${hash}/original`,
    // The passphrase goes in a header, never the URL (see main/src/web/server.ts).
    importBundle: (bytes, passphrase) =>
      upload(
        `${base}/api/bundles/import`,
        bytes,
        passphrase ? { 'X-HoSo-Passphrase': encodeURIComponent(passphrase.normalize('NFC')) } : {},
      ),
    // A browser cannot enumerate displays: the user drags the audience window to the projector.
    listDisplays: async () => ({ ok: true, value: [] }),
    openAudienceWindow: async (request) => {
      const opened = window.open(audienceUrl(request), 'hoso-audience', 'popup,width=1280,height=720');
      // The browser opens the window itself, so the host is told (and records it in the nhật ký).
      if (opened)
        void call('noteAudienceOpened', { caseId: request.caseId, presentationId: request.presentationId });
      return opened
        ? { ok: true, value: undefined }
        : {
            ok: false,
            error: { code: 'POPUP_BLOCKED', message: 'The browser blocked the audience window.' },
          };
    },
    subscribe(listener) {
      listeners.add(listener);
      ensureEvents();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          source?.close();
          source = undefined;
        }
      };
    },
  };
}

/** Where the courtroom audience view lives in the renderer (see app/routes.ts). */
export function audienceUrl(request: {
  caseId: string;
  presentationId?: string;
  fixed169?: boolean;
}): string {
  const hash = routeToHash({
    name: 'audience',
    caseId: request.caseId,
    presentationId: request.presentationId ?? '',
    fixed169: request.fixed169,
  });
  return `${window.location.pathname}${hash}`;
}
