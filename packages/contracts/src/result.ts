import { z } from 'zod';

/** Every host reply crosses the bridge as a value, never as a thrown error (Signal-Desktop style). */
export const HostErrorSchema = z.object({
  /** Stable machine code, e.g. 'CORRUPT_IMAGE', 'ENCRYPTED_PDF', 'NOT_FOUND', 'INVALID_MESSAGE'. */
  code: z.string(),
  /** Human message in English (CLI/logs). The renderer maps `code` to Vietnamese. */
  message: z.string(),
  /** Which file / page the error concerns, when it concerns one. */
  file: z.string().optional(),
  page: z.number().optional(),
});
export type HostError = z.infer<typeof HostErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: HostError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: HostError): Result<never> => ({ ok: false, error });

/** The schema of a `Result` whose value satisfies `value`: how the renderer checks a reply. */
export const resultSchema = <S extends z.ZodType>(value: S) =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: HostErrorSchema }),
  ]);
