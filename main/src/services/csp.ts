/**
 * The renderer's Content Security Policy, the same in Electron (app://) and the browser mode.
 * Inline styles are needed by React Flow; blob: workers by the mind map's layout worker. The renderer
 * runs no WebAssembly (PDF pages are rasterized by the host), so no 'wasm-unsafe-eval'. No remote
 * origin appears anywhere: the app never goes online.
 */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "img-src 'self' blob: data:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "connect-src 'self' blob: data:",
  "worker-src 'self' blob:",
  "media-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Maps a host error code to the HTTP status the browser-mode server replies with. */
export function statusForErrorCode(code: string): number {
  switch (code) {
    case 'INVALID_MESSAGE':
      return 400;
    case 'UNAUTHORIZED':
      return 401;
    case 'FORBIDDEN':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'TOO_LARGE':
      return 413;
    case 'INVALID_STATE':
    case 'NOT_READY':
      return 409;
    case 'NOT_SUPPORTED':
      return 501;
    case 'DISK_FULL':
    case 'QUOTA_EXCEEDED':
      return 507;
    case 'INTERNAL':
    case 'PERMISSION_DENIED':
      return 500;
    default:
      // Everything else is a problem with the user's input (corrupt file, tampered bundle, …).
      return 422;
  }
}
