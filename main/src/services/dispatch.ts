import {
  commands,
  describeZodError,
  isCommandName,
  isUploadName,
  uploads,
  type CommandEntry,
  type CommandHandler,
  type CommandHandlers,
  type Result,
  type UploadEntry,
  type UploadHandler,
  type UploadHandlers,
} from '@hoso/contracts';
import type { z } from 'zod';
import { asResult, hostFail } from './host-error';

/** Parses with the schema the table pairs with a command, keeping the pairing in the types. */
function parseWith<S extends z.ZodType>(schema: S, payload: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(payload);
  if (!parsed.success) return hostFail('INVALID_MESSAGE', `${what}: ${describeZodError(parsed.error)}`);
  return parsed.data;
}

// Generic over the entry, so TypeScript sees that this schema's output is this handler's input.
const runEntry = <E extends CommandEntry>(
  entry: E,
  handler: CommandHandler<E>,
  payload: unknown,
  name: string,
) => handler(parseWith<E['input']>(entry.input, payload, name));

const runUploadEntry = <E extends UploadEntry, Source>(
  entry: E,
  handler: UploadHandler<E, Source>,
  params: unknown,
  source: Source,
  name: string,
) => handler(parseWith<E['params']>(entry.params, params, name), source);

/**
 * The one entry point for every renderer → host command, over HTTP and over IPC alike: the name
 * must be in the table (own property: never `constructor` or `__proto__`), the payload must pass
 * its schema, and the outcome is a Result value, never a thrown error crossing the bridge.
 */
export function dispatch(
  handlers: CommandHandlers,
  name: unknown,
  payload: unknown,
): Promise<Result<unknown>> {
  return asResult(async () => {
    if (!isCommandName(name))
      return hostFail('INVALID_MESSAGE', `Unknown command ${String(name).slice(0, 50)}.`);
    return (await runEntry(commands[name], handlers[name], payload, name)) ?? null;
  });
}

/** The same for uploads: bytes (or a stream) plus parameters checked against `uploads`. */
export function dispatchUpload<Source>(
  handlers: UploadHandlers<Source>,
  name: unknown,
  params: unknown,
  source: Source,
): Promise<Result<unknown>> {
  return asResult(async () => {
    if (!isUploadName(name))
      return hostFail('INVALID_MESSAGE', `Unknown upload ${String(name).slice(0, 50)}.`);
    return runUploadEntry(uploads[name], handlers[name], params, source, name);
  });
}
