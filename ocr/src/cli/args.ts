import { OcrLangSchema, type OcrLang } from '@hoso/contracts';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { parseWorkerCommand, type WorkerCommand } from './worker-args';

export const USAGE = `Usage: hoso ocr INPUT... -o OUTPUT.pdf [options]
       hoso worker --redis URL [options]   (a digitization centre's worker: hoso worker --help)

Turns scanned pages (JPEG, PNG, TIFF incl. CCITT G4, PDF; a folder means its files in natural
order) into one searchable PDF, pages in input order.

Options:
  -o, --output FILE     the searchable PDF to write (required)
      --lang LANG       vie (default), eng or vie+eng
      --jobs N          OCR workers (default: number of cores)
      --words FILE      also write the OCR words with boxes as JSON
      --force-ocr       OCR pages that already carry text (born-digital PDF) too
      --skip-bad-pages  leave out unreadable pages instead of failing
      --queue URL       recognize on a digitization centre's workers (redis:// or rediss://,
                        password in the URL or HOSO_REDIS_PASSWORD); see 'hoso worker --help'
  -q, --quiet           no progress output
  -h, --help            show this help
  -v, --version         show the version

Exit codes: 0 success, 2 bad input or usage, 3 the queue failed (Redis unreachable, lost or
full), 1 internal error, 130 interrupted.`;

export interface OcrCommand {
  kind: 'ocr';
  inputs: string[];
  output: string;
  lang: OcrLang;
  jobs: number;
  words?: string;
  forceOcr: boolean;
  skipBadPages: boolean;
  quiet: boolean;
  /** Redis URL of the centre's queue: pages go to `hoso worker`s instead of this machine's cores. */
  queue?: string;
}

export type Command = OcrCommand | WorkerCommand | { kind: 'help'; topic?: 'worker' } | { kind: 'version' };

/** A usage mistake: exit 2 with this message and a pointer to --help. */
export class UsageError extends Error {}

export function parseCommand(argv: string[]): Command {
  if (argv[0] === 'worker') return parseWorkerCommand(argv.slice(1));
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        output: { type: 'string', short: 'o' },
        lang: { type: 'string', default: 'vie' },
        jobs: { type: 'string' },
        words: { type: 'string' },
        queue: { type: 'string' },
        'force-ocr': { type: 'boolean', default: false },
        'skip-bad-pages': { type: 'boolean', default: false },
        quiet: { type: 'boolean', short: 'q', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    // node:util's messages are already one clear line ("Unknown option '--x'").
    throw new UsageError((error as Error).message.split('\n')[0]);
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const [command, ...inputs] = positionals;
  if (!command) return { kind: 'help' };
  if (command !== 'ocr')
    throw new UsageError(`unknown command '${command}' (the commands are 'hoso ocr' and 'hoso worker')`);
  if (inputs.length === 0) throw new UsageError('no INPUT given: name scanned files or a folder');
  if (!values.output) throw new UsageError('no OUTPUT given: add -o OUTPUT.pdf');
  const lang = OcrLangSchema.safeParse(values.lang);
  if (!lang.success) throw new UsageError(`--lang must be vie, eng or vie+eng (got '${values.lang}')`);
  return {
    kind: 'ocr',
    inputs,
    output: values.output,
    lang: lang.data,
    jobs: parseJobs(values.jobs),
    words: values.words,
    forceOcr: values['force-ocr'],
    skipBadPages: values['skip-bad-pages'],
    quiet: values.quiet,
    queue: values.queue,
  };
}

/** --jobs, shared by `hoso ocr` and `hoso worker`: default the number of cores. */
export function parseJobs(value: string | undefined): number {
  if (value === undefined) return availableParallelism();
  const jobs = Number(value);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64)
    throw new UsageError(`--jobs must be a whole number from 1 to 64 (got '${value}')`);
  return jobs;
}
