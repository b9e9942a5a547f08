import { parseArgs } from 'node:util';
import { OcrModelSchema, type OcrModel } from '@hoso/contracts';
import type { EngineChoice } from '../recognize/recognizer';
import { parseJobs, UsageError } from './args';

export const WORKER_USAGE = `Usage: hoso worker --redis URL [options]

Recognizes pages for 'hoso ocr --queue' (and the app's *Máy chủ nhận dạng*) from a digitization
centre's Redis, with the same pipeline as 'hoso ocr'. Run one per machine; stop with Ctrl-C (it
finishes the pages it holds; Ctrl-C again drops them and another worker takes them over).

Options:
      --redis URL       redis://[user:password@]HOST:PORT[/DB], or rediss:// for TLS (required);
                        the password may instead be in HOSO_REDIS_PASSWORD
      --redis-ca FILE   with rediss://: the PEM certificate of the CA that signed the centre's
                        Redis certificate (default: HOSO_REDIS_CA, else the system's CAs)
      --jobs N          pages recognized at once (default: number of cores)
      --engine E        auto (default), native or wasm, as 'hoso ocr' runs it
      --model M         fast or best, as 'hoso ocr' takes it
      --name NAME       how submitters see this worker (default: HOST:PID)
      --lock-seconds S  a page whose worker stops answering is retried after about 1.5 × S
                        (default 30; lower it only on a fast, quiet network)
  -q, --quiet           log nothing but errors
  -h, --help            show this help`;

/** The OCR engines a worker can run: the same set as 'hoso ocr'. */
const ENGINES: readonly EngineChoice[] = ['auto', 'native', 'wasm'];

export interface WorkerCommand {
  kind: 'worker';
  redis: string;
  /** PEM file of the CA that signed the Redis server's TLS certificate (`--redis-ca`). */
  redisCa?: string;
  jobs: number;
  engine: EngineChoice;
  model?: OcrModel;
  name?: string;
  lockSeconds: number;
  quiet: boolean;
}

export function parseWorkerCommand(argv: string[]): WorkerCommand | { kind: 'help'; topic: 'worker' } {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        redis: { type: 'string' },
        'redis-ca': { type: 'string' },
        jobs: { type: 'string' },
        engine: { type: 'string', default: 'auto' },
        model: { type: 'string' },
        name: { type: 'string' },
        'lock-seconds': { type: 'string', default: '30' },
        quiet: { type: 'boolean', short: 'q', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]);
  }
  if (values.help) return { kind: 'help', topic: 'worker' };
  if (!values.redis)
    throw new UsageError("no --redis URL given: the centre's Redis, e.g. redis://10.0.0.5:6379");
  if (!ENGINES.includes(values.engine as EngineChoice))
    throw new UsageError(`--engine must be auto, native or wasm (got '${values.engine}')`);
  const model = values.model === undefined ? undefined : OcrModelSchema.safeParse(values.model);
  if (model && !model.success) throw new UsageError(`--model must be fast or best (got '${values.model}')`);
  const lockSeconds = Number(values['lock-seconds']);
  if (!Number.isFinite(lockSeconds) || lockSeconds < 2 || lockSeconds > 3600)
    throw new UsageError(`--lock-seconds must be from 2 to 3600 (got '${values['lock-seconds']}')`);
  if (values.name !== undefined && !/^[\p{L}\p{N}._:@-]{1,100}$/u.test(values.name))
    throw new UsageError('--name may hold letters, digits and . _ : @ - (at most 100)');
  return {
    kind: 'worker',
    redis: values.redis,
    redisCa: values['redis-ca'],
    jobs: parseJobs(values.jobs),
    engine: values.engine as EngineChoice,
    model: model?.data,
    name: values.name,
    lockSeconds,
    quiet: values.quiet,
  };
}
