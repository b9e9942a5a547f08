import type { HostError, Result } from '@hoso/contracts';
import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { FileToSend } from '../services/exports-folder';
import { statusForErrorCode } from '../services/csp';
import { hostFail, toHostError } from '../services/host-error';
import { COMMON_HEADERS } from './security';

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...COMMON_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

export function sendOk(res: ServerResponse, value: unknown): void {
  sendJson(res, 200, { ok: true, value: value ?? null });
}

export function sendError(
  res: ServerResponse,
  error: HostError,
  status = statusForErrorCode(error.code),
): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, status, { ok: false, error });
}

/** A bridge call's Result as the reply, with the status `sendFailure` gives a POST's error. */
export function sendResult(res: ServerResponse, result: Result<unknown>): void {
  if (result.ok) return sendOk(res, result.value);
  const status = statusForErrorCode(result.error.code);
  sendError(res, result.error, status === 422 ? 200 : status);
}

/**
 * A thrown host error as a reply. For a bridge call (POST) a problem with the user's input
 * (corrupt file, tampered bundle: status 422) is an ordinary answer, `{ ok: false, error }` with
 * 200, because a 4xx makes the browser log a console error for a user's mistake; GETs of images
 * and files keep their real status so a broken <img> or download fails visibly.
 */
export function sendFailure(res: ServerResponse, err: unknown, method = 'GET'): void {
  const error = toHostError(err);
  if (method === 'POST') return sendResult(res, { ok: false, error });
  sendError(res, error);
}

export function sendBytes(
  res: ServerResponse,
  bytes: Uint8Array,
  contentType: string,
  extra: Record<string, string> = {},
): void {
  res.writeHead(200, {
    ...COMMON_HEADERS,
    'Content-Type': contentType,
    'Content-Length': String(bytes.byteLength),
    ...extra,
  });
  res.end(bytes);
}

/** Streams a file from disk (originals and exports can be hundreds of MB). */
export async function sendFile(
  res: ServerResponse,
  file: FileToSend,
  extra: Record<string, string> = {},
): Promise<void> {
  res.writeHead(200, {
    ...COMMON_HEADERS,
    'Content-Type': file.contentType,
    'Content-Length': String(file.size),
    ...extra,
  });
  if (res.req.method === 'HEAD') {
    res.end();
    return;
  }
  await pipeline(file.open?.() ?? createReadStream(file.path), res);
}

/** RFC 6266 filename for Vietnamese names: ASCII fallback plus UTF-8 filename*. */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Reads a whole request body, refusing more than `limit` bytes. */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > limit) hostFail('TOO_LARGE', `The request is larger than the limit of ${limit} bytes.`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > limit) hostFail('TOO_LARGE', `The request is larger than the limit of ${limit} bytes.`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  // Requiring JSON also means a plain HTML form (which cannot send this type) can never call us.
  if (type !== 'application/json') hostFail('INVALID_MESSAGE', 'Content-Type must be application/json.');
  const body = await readBody(req, limit);
  try {
    return body.length === 0 ? {} : (JSON.parse(body.toString('utf8')) as unknown);
  } catch {
    return hostFail('INVALID_MESSAGE', 'The request body is not valid JSON.');
  }
}
