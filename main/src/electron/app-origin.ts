/**
 * The app's own origin. The renderer, page images, originals and exports are all served from
 * app://hoso/ (a privileged standard scheme), never from file:// and never from the network.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'hoso';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** True only for URLs on our own origin (exact scheme and host; no lookalikes like app://hoso.evil). */
export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && !u.username && !u.password && !u.port;
  } catch {
    return false;
  }
}

/** The renderer's hash route of the courtroom audience view (see renderer/src/app/routes.ts). */
export function audienceHash(request: {
  caseId: string;
  presentationId?: string;
  fixed169?: boolean;
}): string {
  const enc = encodeURIComponent;
  return `#/audience/${enc(request.caseId)}/${enc(request.presentationId ?? '')}${request.fixed169 ? '?fixed=169' : ''}`;
}

export const isAudienceUrl = (url: string): boolean =>
  isAppUrl(url) && new URL(url).hash.startsWith('#/audience/');
