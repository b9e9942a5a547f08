import { uploads, type HostBridge, type HostError, type HostEvent, type Result } from '@hoso/contracts';
import { routeToHash } from '../shared/routes';
import { commandProxy, parseHostEvent } from './proxy';

/**
 * Browser mode: the HostBridge over the same-origin HTTP API of `npm run web`
 * (main/src/web/server.ts). Every call resolves to a Result; network failures become values too.
 */

const networkError = (err: unknown): HostError => ({
  code: 'HOST_UNREACHABLE',
  message: `The HoSo host did not answer (${err instanceof Error ? err.message : String(err)}).`,
});

/** The reply's JSON as a Result-shaped value; the proxy then checks it against the table. */
async function toResult(response: Promise<Response>): Promise<Result<unknown>> {
  let res: Response;
  try {
    res = await response;
  } catch (err) {
    return { ok: false, error: networkError(err) };
  }
  try {
    const body: unknown = await res.json();
    if (body && typeof body === 'object' && 'ok' in body) return body as Result<unknown>;
  } catch {
    // fall through: not our JSON
  }
  return {
    ok: false,
    error: { code: 'INTERNAL', message: `Unexpected reply from the host (HTTP ${res.status}).` },
  };
}

/**
 * Whether this browser holds the per-run secret (the cookie set by the printed `?token=` link).
 * The UI asks once before it shows anything that needs the host.
 */
export async function webSessionState(base = ''): Promise<'ok' | 'unauthorized' | 'unreachable'> {
  try {
    const res = await fetch(`${base}/api/session`, { cache: 'no-store' });
    if (res.status === 401) return 'unauthorized';
    return res.ok ? 'ok' : 'unreachable';
  } catch {
    return 'unreachable';
  }
}

export function createWebBridge(base = ''): HostBridge {
  const proxy = commandProxy({
    invoke: (name, request) =>
      toResult(
        fetch(`${base}/api/call/${name}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(request),
        }),
      ),
    upload: (name, params, bytes) => {
      // The bytes are the body; the (flat, string-valued) parameters go in the query, except a
      // bundle's passphrase, which goes in a header so it never appears in a URL.
      const { passphrase, ...rest } = (params ?? {}) as Record<string, string | undefined>;
      const defined = Object.entries(rest).filter((e): e is [string, string] => e[1] !== undefined);
      const query = new URLSearchParams(defined).toString();
      return toResult(
        fetch(`${base}${uploads[name].httpPath}${query ? `?${query}` : ''}`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/octet-stream',
            ...(passphrase ? { 'X-HoSo-Passphrase': encodeURIComponent(passphrase.normalize('NFC')) } : {}),
          },
          body: bytes,
        }),
      );
    },
  });

  const listeners = new Set<(event: HostEvent) => void>();
  let source: EventSource | undefined;
  const ensureEvents = () => {
    if (source || typeof EventSource === 'undefined') return;
    // EventSource reconnects by itself when the server restarts.
    source = new EventSource(`${base}/api/events`);
    source.onmessage = (message) => {
      let data: unknown;
      try {
        data = JSON.parse(message.data as string);
      } catch {
        return;
      }
      const event = parseHostEvent(data);
      if (event) for (const listener of listeners) listener(event);
    };
  };

  return {
    mode: 'web',
    ...proxy,
    pageImageUrl: (hash, page) => `${base}/api/files/${hash}/pages/${page}/image`,
    originalUrl: (hash) => `${base}/api/files/${hash}/original`,
    // The one command a page does itself: only it may open a window (the web host lists no
    // displays, so the user drags the window to the projector).
    openAudienceWindow: async (request) => {
      const opened = window.open(audienceUrl(request), 'hoso-audience', 'popup,width=1280,height=720');
      // The page opens the window itself, so the host is told (and records it in the nhật ký).
      if (opened)
        void proxy.noteAudienceOpened({ caseId: request.caseId, presentationId: request.presentationId });
      return opened
        ? { ok: true, value: null }
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

/** Where the courtroom audience view lives in the renderer (see shared/routes.ts). */
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
