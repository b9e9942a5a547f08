import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { COMMON_HEADERS } from './security';

/**
 * The browser-mode secret, as Jupyter does it. Host/Origin checks stop web pages, not programs: any
 * local process or other OS user can connect to 127.0.0.1 and forge both headers. So every /api
 * request must prove it knows a secret that only the user who started the server has seen (it is
 * printed on their terminal): the `hoso_session_<port>` cookie, set when the printed
 * `/?token=SECRET` link is opened, or `Authorization: Bearer SECRET` for scripts.
 *
 * The cookie holds an HMAC of the secret, not the secret: cookies are not separated by port, so
 * the value may be sent to another server on 127.0.0.1; it then still cannot be typed into the
 * printed link. HttpOnly keeps it from scripts, SameSite=Strict from other sites' requests.
 */
export type SessionAuth = {
  /** The secret the user is shown (base64url, 43 characters for a generated one). */
  readonly token: string;
  /** Whether the request carries the cookie or the bearer secret (constant-time comparisons). */
  isAuthorized(req: IncomingMessage): boolean;
  /**
   * A navigation to `?token=…`: on the right secret sets the cookie and redirects to the same
   * address without the token (so it leaves the address bar and the history); on a wrong one
   * answers 401. Returns false when the URL has no token (nothing done).
   */
  handleLogin(req: IncomingMessage, res: ServerResponse, url: URL): boolean;
};

export const TOKEN_PARAM = 'token';
const MIN_TOKEN_LENGTH = 16;

/** A fresh secret, or `HOSO_WEB_TOKEN` when the user fixed one (at least 16 characters). */
export function resolveWebToken(env: NodeJS.ProcessEnv = process.env): string {
  const fixed = env.HOSO_WEB_TOKEN;
  if (fixed !== undefined && fixed !== '') {
    if (fixed.length < MIN_TOKEN_LENGTH || !/^[\x21-\x7e]+$/.test(fixed))
      throw new Error(
        `HOSO_WEB_TOKEN must be at least ${MIN_TOKEN_LENGTH} printable ASCII characters without spaces.`,
      );
    return fixed;
  }
  return randomBytes(32).toString('base64url');
}

export function createSessionAuth(token: string, port: number): SessionAuth {
  const cookieName = `hoso_session_${port}`;
  const cookieValue = createHmac('sha256', token).update('hoso-browser-session').digest('base64url');
  const bearer = `Bearer ${token}`;

  return {
    token,
    isAuthorized(req) {
      const header = req.headers.authorization;
      if (header !== undefined && safeEqual(header, bearer)) return true;
      const cookie = readCookie(req.headers.cookie, cookieName);
      return cookie !== undefined && safeEqual(cookie, cookieValue);
    },
    handleLogin(req, res, url) {
      const given = url.searchParams.get(TOKEN_PARAM);
      if (given === null) return false;
      req.resume();
      if (!safeEqual(given, token)) {
        res.writeHead(401, {
          ...COMMON_HEADERS,
          'Content-Type': 'text/plain; charset=utf-8',
          'Cache-Control': 'no-store',
        });
        res.end(
          'Mã truy cập không đúng. Hãy mở đúng đường dẫn mà HoSo in ra khi khởi động.\n' +
            'Wrong access token: open the link HoSo printed when it started.\n',
        );
        return true;
      }
      url.searchParams.delete(TOKEN_PARAM);
      const rest = url.searchParams.toString();
      res.writeHead(303, {
        ...COMMON_HEADERS,
        'Set-Cookie': `${cookieName}=${cookieValue}; Path=/; HttpOnly; SameSite=Strict`,
        // Relative: the Host header was already checked; the browser keeps the #fragment.
        Location: `${url.pathname}${rest ? `?${rest}` : ''}`,
        'Cache-Control': 'no-store',
      });
      res.end();
      return true;
    },
  };
}

/** Constant time in the secret: both sides are hashed to equal lengths before comparing. */
function safeEqual(given: string, expected: string): boolean {
  const a = createHmac('sha256', 'hoso-compare').update(given).digest();
  const b = createHmac('sha256', 'hoso-compare').update(expected).digest();
  return timingSafeEqual(a, b);
}

function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
