/** Every host reply crosses the bridge as a value, never as a thrown error (Signal-Desktop style). */
export type HostError = {
  /** Stable machine code, e.g. 'CORRUPT_IMAGE', 'ENCRYPTED_PDF', 'NOT_FOUND', 'INVALID_MESSAGE'. */
  code: string;
  /** Human message in English (CLI/logs). The renderer maps `code` to Vietnamese. */
  message: string;
  /** Which file / page the error concerns, when it concerns one. */
  file?: string;
  page?: number;
};

export type Result<T> = { ok: true; value: T } | { ok: false; error: HostError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: HostError): Result<never> => ({ ok: false, error });
