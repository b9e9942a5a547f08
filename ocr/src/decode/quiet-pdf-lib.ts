/**
 * pdf-lib reports objects it cannot parse with console.warn/console.log ("Trying to parse invalid
 * object", "Invalid object ref: 2 0 R"), e.g. for every object of an encrypted PDF whose objects
 * sit in (encrypted) object streams. The CLI's contract is one `error:` line per problem, so
 * those lines are held back while pdf-lib parses (nothing else in this package writes to the
 * console) and shown only with HOSO_DEBUG=1.
 */
export async function quietPdfLib<T>(parse: () => Promise<T>): Promise<T> {
  const { warn, log } = console;
  const held: unknown[][] = [];
  console.warn = (...args: unknown[]) => void held.push(args);
  console.log = (...args: unknown[]) => void held.push(args);
  try {
    return await parse();
  } finally {
    console.warn = warn;
    console.log = log;
    if (process.env.HOSO_DEBUG === '1') for (const args of held) warn('pdf-lib:', ...args);
  }
}
