import type { HostEvent } from '@hoso/contracts';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describeZodError, isJsonCommand, jsonCommands } from '../services/commands';
import { DEFAULT_MAX_BUNDLE_BYTES, type Host, type HostOptions } from '../services/host';
import { createHostGate, type HostGate } from '../services/host-gate';
import { hostFail } from '../services/host-error';
import type { Recognizer } from '../services/ocr-engine';
import {
  contentDisposition,
  readJson,
  sendBytes,
  sendError,
  sendFailure,
  sendFile,
  sendOk,
} from './http-util';
import { checkRequest, COMMON_HEADERS } from './security';
import { serveStatic } from './static-files';

export type WebServerOptions = {
  port: number;
  /** Loopback only; anything else is refused. */
  host?: '127.0.0.1';
  dataDir: string;
  rendererDir: string;
  recognize?: Recognizer;
  maxFileBytes?: number;
  maxJsonBytes?: number;
  maxBundleBytes?: number;
  watchPollMs?: number;
};

export type WebServer = {
  url: string;
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

/**
 * Browser mode: the same host services as Electron, bound to HTTP on 127.0.0.1.
 *   POST /api/call/<command>       JSON body validated by commands.ts → {ok,value}|{ok:false,error}
 *   POST /api/files?name=<name>    raw bytes → StoredFile
 *   POST /api/bundles/import       raw .hoso bytes → BundleImportResult (X-HoSo-Passphrase when encrypted)
 *   GET  /api/files/<hash>/original, /api/files/<hash>/pages/<n>/image, /api/exports/<name>
 *   GET  /api/events               Server-Sent Events, one HostEvent per message
 *   GET  /*                        the renderer build (CSP on HTML)
 * An encrypted data folder answers only encryptionStatus and unlock until it is unlocked.
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
    json: options.maxJsonBytes ?? 256 * 1024 * 1024,
    bundle: options.maxBundleBytes ?? DEFAULT_MAX_BUNDLE_BYTES,
  };

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((err) => sendFailure(res, err, req.method));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const refused = checkRequest(req, port);
    if (refused) {
      req.resume();
      return sendError(res, { code: 'FORBIDDEN', message: refused });
    }
    const { pathname, searchParams } = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    if (!pathname.startsWith('/api/')) {
      if (method !== 'GET' && method !== 'HEAD')
        return sendError(res, { code: 'NOT_FOUND', message: 'Not found.' }, 405);
      return serveStatic(res, options.rendererDir, pathname, method === 'HEAD');
    }
    let m: RegExpMatchArray | null;
    if (method === 'POST' && (m = pathname.match(routes.call))) {
      const command = m[1];
      if (!isJsonCommand(command))
        return sendError(res, { code: 'NOT_FOUND', message: `Unknown command ${command}.` });
      const parsed = jsonCommands[command].safeParse(await readJson(req, limits.json));
      if (!parsed.success)
        return sendError(res, {
          code: 'INVALID_MESSAGE',
          message: `${command}: ${describeZodError(parsed.error)}`,
        });
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the table pairs each command with its schema
      return sendOk(res, await gate.run(command, parsed.data as any));
    }
    if (method === 'POST' && pathname === '/api/files') {
      const name = searchParams.get('name');
      if (!name || name.length > 500)
        hostFail('INVALID_MESSAGE', 'storeFile: the "name" query parameter is required.');
      const declared = Number(req.headers['content-length'] ?? NaN);
      if (options.maxFileBytes && declared > options.maxFileBytes) {
        req.resume();
        hostFail('TOO_LARGE', `The file is larger than the limit of ${options.maxFileBytes} bytes.`);
      }
      const caseId = searchParams.get('caseId') ?? undefined;
      if (caseId !== undefined && (caseId.length === 0 || caseId.length > 200))
        hostFail('INVALID_MESSAGE', 'storeFile: "caseId" must be 1 to 200 characters.');
      return sendOk(res, await gate.current().storeFile(name!, req, { caseId }));
    }
    if (method === 'POST' && pathname === '/api/bundles/import') {
      const declared = Number(req.headers['content-length'] ?? NaN);
      if (declared > limits.bundle) {
        req.resume();
        hostFail('TOO_LARGE', `The bundle is larger than the limit of ${limits.bundle} bytes.`);
      }
      return sendOk(res, await gate.current().importBundle(req, passphraseHeader(req)));
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
 * An encrypted bundle's passphrase travels in a header (percent-encoded UTF-8), never in the URL,
 * so it stays out of any log of request lines. Loopback only, and never stored.
 */
function passphraseHeader(req: IncomingMessage): string | undefined {
  const raw = req.headers['x-hoso-passphrase'];
  if (typeof raw !== 'string' || raw === '') return undefined;
  try {
    return decodeURIComponent(raw).normalize('NFC');
  } catch {
    return hostFail('INVALID_MESSAGE', 'The bundle passphrase header is not valid.');
  }
}
