import type { HostError, Result } from '@hoso/contracts';

/**
 * Services throw HostFailure for problems the user can act on; the bridge edges (HTTP, IPC) turn
 * them into `{ ok: false, error }`. Anything else is an internal error and is reported as such.
 */
export class HostFailure extends Error {
  constructor(readonly error: HostError) {
    super(error.message);
    this.name = 'HostFailure';
  }
}

export const hostFail = (
  code: string,
  message: string,
  extra: Omit<HostError, 'code' | 'message'> = {},
): never => {
  throw new HostFailure({ code, message, ...extra });
};

/** Disk-full and quota errors get their own codes so the UI can say "free some space" precisely. */
export function toHostError(err: unknown, file?: string): HostError {
  if (err instanceof HostFailure) return err.error;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const withFile = file ? { file } : {};
  if (code === 'ENOSPC')
    return { code: 'DISK_FULL', message: 'The disk is full; nothing was written.', ...withFile };
  if (code === 'EDQUOT')
    return {
      code: 'QUOTA_EXCEEDED',
      message: 'The disk quota is exceeded; nothing was written.',
      ...withFile,
    };
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return {
      code: 'PERMISSION_DENIED',
      message: `Permission denied: ${(err as Error).message}`,
      ...withFile,
    };
  if (err instanceof Error && err.name === 'InputError' && 'code' in err) {
    // InputError from @hoso/ocr ('corrupt-image' style codes): a problem with the user's file.
    const e = err as Error & { code: string; file?: string; page?: number };
    return {
      code: String(e.code).replace(/-/g, '_').toUpperCase(),
      message: e.message,
      ...(e.file ? { file: e.file } : withFile),
      ...(e.page !== undefined ? { page: e.page } : {}),
    };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'INTERNAL', message, ...withFile };
}

/** Runs a service call and returns its outcome as a Result value, never throwing. */
export async function asResult<T>(run: () => Promise<T> | T): Promise<Result<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (err) {
    return { ok: false, error: toHostError(err) };
  }
}
