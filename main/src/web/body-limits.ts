import type { CommandName } from '@hoso/contracts';

/**
 * How large a JSON command body may be, per command: what the largest real use needs, no more
 * (a body is parsed in memory, so the cap is what one request may cost). Most commands carry an
 * id or a hash. The two exports carry the renderer's words for every page: a dense A4 page is
 * ~350 words × ~70 bytes of JSON ≈ 25 KB, so 128 MB holds a 5000-page dossier (the largest
 * dossiers seen are 2000–3000 pages).
 */
const SMALL_BODY = 64 * 1024;
const EXPORT_BODY = 128 * 1024 * 1024;

const LIMITS: Partial<Record<CommandName, number>> = {
  exportPdf: EXPORT_BODY,
  exportBundle: EXPORT_BODY,
};

export function jsonBodyLimit(command: CommandName, override?: number): number {
  const limit = LIMITS[command] ?? SMALL_BODY;
  return override !== undefined && limit === EXPORT_BODY ? override : limit;
}
