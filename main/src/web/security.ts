import type { IncomingMessage } from 'node:http';

/**
 * The browser-mode server is reachable only from this machine, but any web page the user opens
 * could still aim requests at it. Two checks close that: the Host header must name our loopback
 * address (defeats DNS rebinding), and a request that changes anything must come from our own
 * origin (defeats cross-site form posts and fetches).
 */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function checkRequest(req: IncomingMessage, port: number): string | undefined {
  const hosts = allowedHosts(port);
  const host = (req.headers.host ?? '').toLowerCase();
  if (!hosts.has(host)) return `Host header "${host}" is not this server.`;
  const method = req.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD') {
    const origin = (req.headers.origin ?? '').toLowerCase();
    if (!origin || ![...hosts].some((h) => origin === `http://${h}`))
      return `Origin "${origin}" may not change data here.`;
  }
  // Browsers label where a request comes from. Only our own pages ('same-origin') and the user
  // typing the URL ('none') may reach us — even a GET from another local port ('same-site') could
  // embed a page image of a case file.
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none')
    return `Requests from ${site} pages are refused.`;
  return undefined;
}

export const COMMON_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};
