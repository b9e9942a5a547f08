import { statusForErrorCode, RENDERER_CSP } from '../services/csp';
import { toHostError } from '../services/host-error';
import type { Host } from '../services/host';
import { contentTypeFor, resolveInside } from '../web/static-files';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { FileToSend } from '../services/exports-folder';
import { APP_HOST } from './app-origin';

export type AppRequestTarget =
  | { kind: 'static'; file: string }
  | { kind: 'page-image'; hash: string; page: number }
  | { kind: 'original'; hash: string }
  | { kind: 'export'; name: string }
  | { kind: 'not-found' };

const HASH = '([0-9a-f]{64})';
const PAGE = new RegExp(`^/api/files/${HASH}/pages/(\\d{1,6})/image$`);
const ORIGINAL = new RegExp(`^/api/files/${HASH}/original$`);
const EXPORT = /^\/api\/exports\/([^/]+)$/;

/** Maps an app:// URL to what it serves, refusing other hosts and paths that leave the renderer. */
export function resolveAppUrl(url: string, rendererDir: string): AppRequestTarget {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { kind: 'not-found' };
  }
  if (u.host !== APP_HOST) return { kind: 'not-found' };
  const p = u.pathname;
  let m: RegExpMatchArray | null;
  if ((m = p.match(PAGE))) return { kind: 'page-image', hash: m[1], page: Number(m[2]) };
  if ((m = p.match(ORIGINAL))) return { kind: 'original', hash: m[1] };
  if ((m = p.match(EXPORT))) {
    try {
      return { kind: 'export', name: decodeURIComponent(m[1]) };
    } catch {
      return { kind: 'not-found' };
    }
  }
  if (p.startsWith('/api/')) return { kind: 'not-found' };
  const file = resolveInside(rendererDir, p);
  return file ? { kind: 'static', file } : { kind: 'not-found' };
}

const baseHeaders = { 'X-Content-Type-Options': 'nosniff', 'Cross-Origin-Resource-Policy': 'same-origin' };

function streamFile(file: FileToSend): Response {
  const body = Readable.toWeb(createReadStream(file.path)) as ReadableStream<Uint8Array>;
  return new Response(body, {
    headers: { ...baseHeaders, 'Content-Type': file.contentType, 'Content-Length': String(file.size) },
  });
}

/** The app:// handler (protocol.handle): plain Fetch Request in, Response out. */
export async function handleAppRequest(
  request: { url: string; method: string },
  deps: { host: Pick<Host, 'pageImage' | 'original' | 'exportFile'>; rendererDir: string },
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
  const target = resolveAppUrl(request.url, deps.rendererDir);
  try {
    switch (target.kind) {
      case 'static': {
        const type = contentTypeFor(target.file);
        const headers: Record<string, string> = { ...baseHeaders, 'Content-Type': type };
        if (type.startsWith('text/html')) headers['Content-Security-Policy'] = RENDERER_CSP;
        return new Response(new Uint8Array(await readFile(target.file)), { headers });
      }
      case 'page-image': {
        const image = await deps.host.pageImage(target.hash, target.page);
        return new Response(new Uint8Array(image.bytes), {
          headers: { ...baseHeaders, 'Content-Type': image.contentType },
        });
      }
      case 'original':
        return streamFile(await deps.host.original(target.hash));
      case 'export':
        return streamFile(await deps.host.exportFile(target.name));
      case 'not-found':
        return new Response('Not found', { status: 404, headers: baseHeaders });
    }
  } catch (err) {
    const error = toHostError(err);
    if ((err as NodeJS.ErrnoException).code === 'ENOENT')
      return new Response('Not found', { status: 404, headers: baseHeaders });
    return new Response(JSON.stringify({ ok: false, error }), {
      status: statusForErrorCode(error.code),
      headers: { ...baseHeaders, 'Content-Type': 'application/json' },
    });
  }
}
