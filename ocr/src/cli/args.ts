import { OcrLangSchema, OcrModelSchema, type OcrLang, type OcrModel } from '@hoso/contracts';
import { availableParallelism } from 'node:os';
import type { EngineChoice } from '../recognize/recognizer';
import { parseOptions, UsageError } from './parse-options';
import { parseRedactCommand, type RedactCommand } from './redact-args';
import { parseSignCommand, type SignCommand } from './sign-args';
import { parseWorkerCommand, type WorkerCommand } from './worker-args';

export const USAGE = `Usage: hoso ocr INPUT... -o OUTPUT.pdf [options]
       hoso sign IN.pdf -o OUT.pdf --p12 CERT.p12 --password-env VAR [--reason R] [--location L] [--visible]
       hoso redact IN.pdf -o OUT.pdf [--text PHRASE]... [--pattern REGEX]... [--box PAGE:x0,y0,x1,y1]...
                   [--preset cccd|phone|plate|dob]... [--words IN.words.json] [--list]
       hoso entities INPUT.pdf|WORDS.json [--json]
       hoso worker --redis URL [options]   (a digitization centre's worker: hoso worker --help)

Turns scanned pages (JPEG, PNG, TIFF incl. CCITT G4, PDF; a folder means its files in natural
order) into one searchable PDF, pages in input order.

Options:
  -o, --output FILE     the searchable PDF to write (required)
      --lang LANG       vie (default), eng or vie+eng
      --jobs N          pages recognized at once (default: number of cores)
      --engine E        auto (default): the native tesseract when one passes a self-test,
                        else the built-in WebAssembly one; native; wasm
      --model M         fast (default where found: tessdata_fast, as Debian ships it) or best
      --words FILE      also write the OCR words with boxes as JSON
      --force-ocr       OCR pages that already carry text (born-digital PDF) too
      --skip-bad-pages  leave out unreadable pages instead of failing
      --queue URL       recognize on a digitization centre's workers (redis:// or rediss://,
                        password in the URL or HOSO_REDIS_PASSWORD); see 'hoso worker --help'
      --redis-ca FILE   with rediss://: the PEM certificate of the CA that signed the centre's
                        Redis certificate (default: HOSO_REDIS_CA, else the system's CAs)
  -q, --quiet           no progress output
  -h, --help            show this help
  -v, --version         show the version

'hoso sign' and 'hoso redact' options: 'hoso sign --help', 'hoso redact --help'.

hoso entities lists the people (with their roles), vehicle plates, phones, CCCD/CMND and
account numbers, document numbers, legal provisions, amounts, dates and places found in a
searchable PDF's text layer or in a --words file, with the page and box of every occurrence.
      --json            print {"entities":[…]} instead of a table

Exit codes: 0 success, 2 bad input or usage, 3 the queue failed (Redis unreachable, lost or
full), 1 internal error, 130 interrupted.`;

const ENGINES: readonly EngineChoice[] = ['auto', 'native', 'wasm'];

export interface OcrCommand {
  kind: 'ocr';
  inputs: string[];
  output: string;
  lang: OcrLang;
  jobs: number;
  engine: EngineChoice;
  model?: OcrModel;
  words?: string;
  forceOcr: boolean;
  skipBadPages: boolean;
  quiet: boolean;
  /** Redis URL of the centre's queue: pages go to `hoso worker`s instead of this machine's cores. */
  queue?: string;
  /** PEM file of the CA that signed the centre's Redis TLS certificate (`--redis-ca`). */
  redisCa?: string;
}

export interface EntitiesCommand {
  kind: 'entities';
  input: string;
  json: boolean;
}

export type Command =
  | OcrCommand
  | SignCommand
  | RedactCommand
  | EntitiesCommand
  | WorkerCommand
  | { kind: 'help'; usage?: string; topic?: 'worker' }
  | { kind: 'version' };

export { UsageError };

export function parseCommand(argv: string[]): Command {
  if (argv[0] === 'sign') return parseSignCommand(argv.slice(1));
  if (argv[0] === 'redact') return parseRedactCommand(argv.slice(1));
  if (argv[0] === 'worker') return parseWorkerCommand(argv.slice(1));
  if (argv[0] === 'entities') return parseEntitiesCommand(argv.slice(1));
  const { values, positionals } = parseOptions(argv, {
    output: { type: 'string', short: 'o' },
    lang: { type: 'string', default: 'vie' },
    jobs: { type: 'string' },
    engine: { type: 'string', default: 'auto' },
    model: { type: 'string' },
    words: { type: 'string' },
    queue: { type: 'string' },
    'redis-ca': { type: 'string' },
    'force-ocr': { type: 'boolean', default: false },
    'skip-bad-pages': { type: 'boolean', default: false },
    quiet: { type: 'boolean', short: 'q', default: false },
    help: { type: 'boolean', short: 'h', default: false },
    version: { type: 'boolean', short: 'v', default: false },
  });
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const [command, ...inputs] = positionals;
  if (!command) return { kind: 'help' };
  if (command !== 'ocr')
    throw new UsageError(
      `unknown command '${command}' (the commands are 'hoso ocr', 'hoso sign', 'hoso redact', 'hoso entities', 'hoso worker')`,
    );
  if (inputs.length === 0) throw new UsageError('no INPUT given: name scanned files or a folder');
  if (!values.output) throw new UsageError('no OUTPUT given: add -o OUTPUT.pdf');
  const lang = OcrLangSchema.safeParse(values.lang);
  if (!lang.success) throw new UsageError(`--lang must be vie, eng or vie+eng (got '${values.lang}')`);
  if (!ENGINES.includes(values.engine as EngineChoice))
    throw new UsageError(`--engine must be auto, native or wasm (got '${values.engine}')`);
  const model = values.model === undefined ? undefined : OcrModelSchema.safeParse(values.model);
  if (model && !model.success) throw new UsageError(`--model must be fast or best (got '${values.model}')`);
  if (values['redis-ca'] !== undefined && !values.queue)
    throw new UsageError('--redis-ca goes with --queue rediss://HOST:PORT');
  return {
    kind: 'ocr',
    inputs,
    output: values.output,
    lang: lang.data,
    jobs: parseJobs(values.jobs),
    engine: values.engine as EngineChoice,
    model: model?.data,
    words: values.words,
    forceOcr: values['force-ocr'],
    skipBadPages: values['skip-bad-pages'],
    quiet: values.quiet,
    queue: values.queue,
    redisCa: values['redis-ca'],
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

function parseEntitiesCommand(argv: string[]): Command {
  const { values, positionals } = parseOptions(argv, {
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) return { kind: 'help' };
  if (positionals.length !== 1)
    throw new UsageError('hoso entities takes one INPUT: a searchable PDF or a --words JSON file');
  return { kind: 'entities', input: positionals[0], json: values.json };
}
