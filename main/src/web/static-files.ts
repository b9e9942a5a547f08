import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { RENDERER_CSP } from '../services/csp';
import { sendError } from './http-util';
import { COMMON_HEADERS } from './security';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
};

/**
 * Resolves a URL path inside `root`, or undefined when it would leave it (`..`, encoded
 * separators, NUL). Shared by the HTTP server and the Electron app:// protocol.
 */
export function resolveInside(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const rel = decoded.replace(/^\/+/, '') || 'index.html';
  if (rel.split('/').some((part) => part === '..')) return undefined;
  const full = path.resolve(root, rel);
  const base = path.resolve(root);
  return full === base || full.startsWith(base + path.sep) ? full : undefined;
}

export function contentTypeFor(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export async function serveStatic(
  res: ServerResponse,
  root: string,
  urlPath: string,
  head: boolean,
): Promise<void> {
  const file = resolveInside(root, urlPath);
  const info = file ? await stat(file).catch(() => undefined) : undefined;
  if (!file || !info?.isFile()) {
    // Browsers ask for a favicon on their own; "none" is not an error worth a console line.
    if (urlPath === '/favicon.ico') {
      res.writeHead(204, COMMON_HEADERS);
      res.end();
      return;
    }
    sendError(res, { code: 'NOT_FOUND', message: `Not found: ${urlPath}` });
    return;
  }
  const type = contentTypeFor(file);
  const headers: Record<string, string> = {
    ...COMMON_HEADERS,
    'Content-Type': type,
    'Content-Length': String(info.size),
  };
  if (type.startsWith('text/html')) {
    headers['Content-Security-Policy'] = RENDERER_CSP;
    headers['Cache-Control'] = 'no-cache';
  } else if (urlPath.includes('/assets/')) {
    headers['Cache-Control'] = 'public, max-age=31536000, immutable';
  }
  res.writeHead(200, headers);
  res.end(head ? undefined : await readFile(file));
}
