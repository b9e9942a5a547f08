import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A usage mistake: exit 2 with this message and a pointer to --help. */
export class UsageError extends Error {}

/** node:util's parseArgs, strict, with its errors as one-line UsageErrors ("Unknown option '--x'"). */
export function parseOptions<O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]);
  }
}

/**
 * How every command ends on an error: a problem with the user's input (`isInputError`) is one
 * `error:` line and exit 2, anything else an internal error (exit 1, the stack with HOSO_DEBUG=1).
 */
export function reportFailure(
  error: unknown,
  say: (line: string) => void,
  isInputError: (error: unknown) => error is Error,
  suffix = '',
): 1 | 2 {
  if (isInputError(error)) {
    say(`error: ${error.message}${suffix}`);
    return 2;
  }
  say(`internal error: ${error instanceof Error ? error.message : String(error)}`);
  if (process.env.HOSO_DEBUG && error instanceof Error) say(error.stack ?? '');
  return 1;
}
