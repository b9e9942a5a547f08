import {
  isCommandName,
  uploadNames,
  uploads,
  type HostEvent,
  type Result,
  type UploadName,
} from '@hoso/contracts';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dispatch, dispatchUpload } from '../services/dispatch';
import { DEFAULT_MAX_BUNDLE_BYTES, type Host, type HostOptions } from '../services/host';
import { createHostGate, type HostGate } from '../services/host-gate';
import type { Recognizer } from '../services/ocr-engine';
import {
  contentDisposition,
  readJson,
  sendBytes,
  sendError,
  sendFailure,
  sendFile,
  sendResult,
} from './http-util';
import { hostFail } from '../services/host-error';
import { jsonBodyLimit } from './body-limits';
import { checkRequest, COMMON_HEADERS } from './security';
import { createSessionAuth, resolveWebToken, type SessionAuth, TOKEN_PARAM } from './session-auth';
import { serveStatic } from './static-files';

export type WebServerOptions = {
  port: number;
  /** Loopback only; anything else is refused. */
  host?: '127.0.0.1';
  dataDir: string;
  rendererDir: string;
  recognize?: Recognizer;
  maxFileBytes?: number;
  /** Cap of the export commands' JSON bodies (the others have small fixed caps: body-limits.ts). */
  maxJsonBytes?: number;
  maxBundleBytes?: number;
  watchPollMs?: number;
  /** The per-run secret (default: `HOSO_WEB_TOKEN`, else a fresh random one). */
  token?: string;
};

export type WebServer = {
  /** Base URL, e.g. http://127.0.0.1:5178/ (the UI loads from it but the API needs the secret). */
  url: string;
  /** The link to print for the user: base URL with `?token=SECRET`. */
  loginUrl: string;
  /** The per-run secret, for `Authorization: Bearer` clients. */
  token: string;
  port: number;
  /** The running host (LOCKED while an encrypted data folder waits for its passphrase). */
  readonly host: Host;
  gate: HostGate;
  close(): Promise<void>;
};

const HASH = '([0-9a-f]{64})';
const routes = {
  page: new RegExp(`^/api/files/${HASH}/pages/(\\d{1,6})/image$`),
  original: new RegExp(`^/api/files/${HASH}/original$`),
  exportFile: /^\/api\/exports\/([^/]+)$/,
  call: /^\/api\/call\/([A-Za-z]+)$/,
};
/** Each upload of the contracts' table by the path it is POSTed to (parameters in the query). */
const uploadPaths = new Map(uploadNames.map((name) => [uploads[name].httpPath as string, name]));

/**
 * Browser mode: the same host services as Electron, bound to HTTP on 127.0.0.1.
 *   POST /api/call/<command>       JSON body, dispatch()ed by the contracts' table → Result
 *   POST /api/files?name=<name>    raw bytes → StoredFile          (upload storeFile)
 *   POST /api/bundles/import       raw .hoso bytes → BundleImportResult  (upload importBundle;
 *                                  X-HoSo-Passphrase header for an encrypted bundle)
 * An encrypted data folder answers only encryptionStatus and unlock until it is unlocked.
 *   GET  /api/files/<hash>/original, /api/files/<hash>/pages/<n>/image, /api/exports/<name>
 *   GET  /api/events               Server-Sent Events, one HostEvent per message
 *   GET  /api/session              200 when the request carries the secret (the UI asks first)
 *   GET  /*                        the renderer build (CSP on HTML); `/?token=SECRET` logs in
 * Every /api route needs the per-run secret (session-auth.ts): 401 otherwise, body unread.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  if ((options.host ?? '127.0.0.1') !== '127.0.0.1')
    throw new Error('The HoSo web server binds to 127.0.0.1 only.');
  const server = createServer();
  const sockets = new Set<import('node:net').Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;
  let auth: SessionAuth;
  try {
    auth = createSessionAuth(options.token ?? resolveWebToken(), port);
  } catch (err) {
    server.close();
    throw err;
  }
  const loginUrl = `${url}?${TOKEN_PARAM}=${encodeURIComponent(auth.token)}`;
  const hostOptions: HostOptions = {
    dataDir: options.dataDir,
    recognize: options.recognize,
    maxFileBytes: options.maxFileBytes,
    maxBundleBytes: options.maxBundleBytes,
    watchPollMs: options.watchPollMs,
    env: {
      exportUrl: (name) => `/api/exports/${encodeURIComponent(name)}`,
      listDisplays: () => [],
    },
  };
  let gate: HostGate;
  try {
    gate = await createHostGate(hostOptions);
  } catch (err) {
    server.close();
    throw err;
  }
  const limits = {
    bundle: options.maxBundleBytes ?? DEFAULT_MAX_BUNDLE_BYTES,
  };

  /** Refuses an upload by its Content-Length before reading a byte of it. */
  function refuseDeclaredSize(req: IncomingMessage, upload: UploadName): Result<never> | undefined {
    const limit = upload === 'storeFile' ? options.maxFileBytes : limits.bundle;
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (!limit || !(declared > limit)) return undefined;
    const what = upload === 'storeFile' ? 'file' : 'bundle';
    return {
      ok: false,
      error: { code: 'TOO_LARGE', message: `The ${what} is larger than the limit of ${limit} bytes.` },
    };
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((err) => sendFailure(res, err, req.method));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const refused = checkRequest(req, port);
    if (refused) {
      req.resume();
      return sendError(res, { code: 'FORBIDDEN', message: refused });
    }
    const requestUrl = new URL(req.url ?? '/', 'http://127.0.0.1');
    const { pathname, searchParams } = requestUrl;
    const method = req.method ?? 'GET';
    if (!pathname.startsWith('/api/')) {
      if (method !== 'GET' && method !== 'HEAD')
        return sendError(res, { code: 'NOT_FOUND', message: 'Not found.' }, 405);
      if (auth.handleLogin(req, res, requestUrl)) return;
      return serveStatic(res, options.rendererDir, pathname, method === 'HEAD');
    }
    if (!auth.isAuthorized(req)) return refuseUnauthorized(res);
    if (pathname === '/api/session' && method === 'GET')
      return sendResult(res, { ok: true, value: { mode: 'web' } });
    let m: RegExpMatchArray | null;
    if (method === 'POST' && (m = pathname.match(routes.call))) {
      // An unknown command is an unknown URL here; dispatch() checks it again for IPC.
      if (!isCommandName(m[1]))
        return sendError(res, { code: 'NOT_FOUND', message: `Unknown command ${m[1]}.` });
      const body = await readJson(req, jsonBodyLimit(m[1], options.maxJsonBytes));
      return sendResult(res, await dispatch(gate.commands, m[1], body));
    }
    const upload = method === 'POST' ? uploadPaths.get(pathname) : undefined;
    if (upload) {
      const refused = refuseDeclaredSize(req, upload);
      if (refused) {
        req.resume();
        return sendResult(res, refused);
      }
      return sendResult(
        res,
        await dispatchUpload(gate.uploads, upload, uploadParams(upload, searchParams, req), req),
      );
    }
    if (method !== 'GET' && method !== 'HEAD')
      return sendError(res, { code: 'NOT_FOUND', message: 'Not found.' }, 405);
    if ((m = pathname.match(routes.page))) {
      const image = await gate.current().pageImage(m[1], Number(m[2]));
      return sendBytes(res, image.bytes, image.contentType, {
        'Cache-Control': 'private, max-age=31536000, immutable',
      });
    }
    if ((m = pathname.match(routes.original))) {
      const original = await gate.current().original(m[1]);
      return sendFile(res, original, {
        'Cache-Control': 'private, max-age=31536000, immutable',
        'Content-Disposition': contentDisposition('inline', original.fileName),
      });
    }
    if ((m = pathname.match(routes.exportFile))) {
      let name: string;
      try {
        name = decodeURIComponent(m[1]);
      } catch {
        return sendError(res, { code: 'NOT_FOUND', message: 'Not found.' });
      }
      const file = await gate.current().exportFile(name);
      return sendFile(res, file, {
        'Cache-Control': 'no-store',
        'Content-Disposition': contentDisposition(
          searchParams.has('download') ? 'attachment' : 'inline',
          file.fileName,
        ),
      });
    }
    if (pathname === '/api/events') return streamEvents(req, res);
    return sendError(res, { code: 'NOT_FOUND', message: `Not found: ${pathname}` });
  }

  function streamEvents(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      ...COMMON_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    const send = (event: HostEvent) => res.write(`data: ${JSON.stringify(event)}\n\n`);
    const unsubscribe = gate.events.subscribe(send);
    // Comments keep idle proxies and the browser from dropping the stream.
    const keepAlive = setInterval(() => res.write(': ping\n\n'), 25_000);
    keepAlive.unref();
    req.on('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
    });
  }

  return {
    url,
    loginUrl,
    token: auth.token,
    port,
    get host() {
      return gate.current();
    },
    gate,
    async close() {
      await gate.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
    },
  };
}

/**
 * Upload parameters come in the query, except an encrypted bundle's passphrase: that travels in a
 * header (percent-encoded UTF-8) so it never appears in a URL or a log of request lines, and a
 * passphrase put in the query is ignored.
 */
function uploadParams(upload: string, query: URLSearchParams, req: IncomingMessage): Record<string, string> {
  const params = Object.fromEntries(query);
  if (upload !== 'importBundle') return params;
  delete params.passphrase;
  const raw = req.headers['x-hoso-passphrase'];
  if (typeof raw !== 'string' || raw === '') return params;
  try {
    return { ...params, passphrase: decodeURIComponent(raw).normalize('NFC') };
  } catch {
    return hostFail('INVALID_MESSAGE', 'The bundle passphrase header is not valid.');
  }
}

/**
 * 401 without reading the body: an upload of hundreds of MB from a client without the secret
 * costs nothing, and the connection is closed rather than drained.
 */
function refuseUnauthorized(res: ServerResponse): void {
  res.setHeader('Connection', 'close');
  sendError(
    res,
    {
      code: 'UNAUTHORIZED',
      message: 'This request lacks the HoSo access token: open the link HoSo printed when it started.',
    },
    401,
  );
}
