import type { OcrPage, OcrRecognizer } from '@hoso/contracts';
import { describeEngine } from '../recognize/recognizer';
import { basename, extname } from 'node:path';
import { writeSearchablePdf, type SearchablePage } from '../pdf/searchable-pdf';
import { InputError, type OcrOptions, type PageSource } from '../types';
import type { OcrCommand } from './args';
import { checkOutputs, expandInputs } from './inputs';
import { reportFailure } from './parse-options';
import { progressReporter } from './progress';
import { WordsFileWriter } from './words-file';

/** The engine the command drives (ocr/src/pipeline.ts); injected so tests can stand in for it. */
export interface OcrEngine {
  inspectInputs(
    files: string[],
    opts?: { skipBadPages?: boolean },
  ): Promise<{ pagesTotal: number; skipped: Array<{ file: string; page?: number; error: InputError }> }>;
  recognizePages(files: string[], opts: OcrOptions): AsyncIterable<{ source: PageSource; ocr: OcrPage }>;
}

export interface CliIo {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  /** Where Ctrl-C comes from (the process; tests pass their own emitter). */
  interrupts: Pick<NodeJS.Process, 'on' | 'off'>;
}

/** The one line Ctrl-C prints, at any moment (ocr/bin/hoso.mjs prints it before this code loads). */
export const INTERRUPTED_LINE = 'Interrupted: stopped, nothing was written.';

class Interrupted extends Error {}

/**
 * `hoso ocr`: validate every input before writing anything, then stream pages from recognition
 * into the PDF (and the words JSON). Outputs appear complete or not at all; Ctrl-C stops the job,
 * removes the temp files and exits 130.
 */
export async function runOcrCommand(cmd: OcrCommand, io: CliIo, engine: OcrEngine): Promise<number> {
  const say = (line: string) => io.stderr.write(`${line}\n`);
  // HOSO_DEBUG: a line as each phase begins, so a test (or a puzzled user) knows where a job was.
  const debug = (line: string) => {
    if (process.env.HOSO_DEBUG) say(`debug: ${line}`);
  };
  const controller = new AbortController();
  // Once the PDF has been renamed into place the job is done: a late Ctrl-C must not report
  // "nothing was written" over a finished output. Repeated Ctrl-C while cleaning up is harmless
  // (`on`, not `once`: the default handler would kill us with the temp files still there).
  let committed = false;
  const onInterrupt = () => {
    if (!committed) controller.abort(new Interrupted('interrupted'));
  };
  io.interrupts.on('SIGINT', onInterrupt);
  let words: WordsFileWriter | undefined;
  let progress: ReturnType<typeof progressReporter> | undefined;
  let recognizer: OcrRecognizer | undefined;
  try {
    const outputs = [{ path: cmd.output, flag: 'OUTPUT' }];
    if (cmd.words) outputs.push({ path: cmd.words, flag: '--words' });
    const files = await expandInputs(
      cmd.inputs,
      outputs.map((o) => o.path),
    );
    await checkOutputs(files, outputs);

    debug('inspecting inputs');
    const { pagesTotal, skipped } = await engine.inspectInputs(files, { skipBadPages: true });
    controller.signal.throwIfAborted();
    if (skipped.length > 0 && !cmd.skipBadPages) {
      for (const bad of skipped) say(`error: ${bad.error.message}`);
      say(
        `${skipped.length === 1 ? 'This problem' : 'These problems'} stopped the job; nothing was written.`,
      );
      say('Fix or remove the file, or pass --skip-bad-pages to leave bad pages out.');
      return 2;
    }
    for (const bad of skipped) say(`warning: skipping ${bad.error.message}`);
    if (pagesTotal === 0)
      throw new InputError('no-pages', 'no readable pages in the input; nothing was written');
    controller.signal.throwIfAborted();

    if (cmd.words) words = await WordsFileWriter.create(cmd.words);
    progress = progressReporter(pagesTotal, io.stderr, !cmd.quiet);
    debug(`recognizing ${pagesTotal} pages`);
    const options: OcrOptions = {
      lang: cmd.lang,
      jobs: cmd.jobs,
      engine: cmd.engine,
      model: cmd.model,
      // Before the first page: which engine reads the pages, and why native was passed over.
      onEngine: (report) => {
        recognizer = { engine: report.engine, model: report.model, version: report.version };
        if (!cmd.quiet) say(describeEngine(report));
      },
      forceOcr: cmd.forceOcr,
      skipBadPages: cmd.skipBadPages,
      signal: controller.signal,
    };
    let perWorker = '';
    const recognized = cmd.queue
      ? await queueRecognizer(cmd.queue, cmd.redisCa, files, options, say, (line) => {
          perWorker = line;
          progress?.detail(line);
        })
      : engine.recognizePages(files, options);
    const written = await writeSearchablePdf({
      outputPath: cmd.output,
      title: basename(cmd.output, extname(cmd.output)),
      pages: withWords(recognized, words, holdAfterPage(controller.signal, debug)),
      signal: controller.signal,
      onPageWritten: (n) => {
        progress?.update(n);
        debug(`wrote page ${n}`);
      },
    });
    committed = true;
    await words?.commit(recognizer);
    words = undefined;
    progress.done();
    if (!cmd.quiet && perWorker) say(`Pages per worker: ${perWorker}.`);
    if (!cmd.quiet) say(`Wrote ${cmd.output}: ${written.pages} pages, ${megabytes(written.bytes)}.`);
    return 0;
  } catch (error) {
    progress?.done();
    if (controller.signal.aborted) {
      say(INTERRUPTED_LINE);
      return 130;
    }
    if (error instanceof Error && error.name === 'QueueError') {
      say(`error: ${error.message}`);
      return 3;
    }
    return reportFailure(error, say, (e) => e instanceof InputError);
  } finally {
    // The handler stays until the temp files are gone: a second Ctrl-C during this cleanup would
    // otherwise meet Node's default handler, die by signal and leave a `.part` file behind.
    await words?.abort();
    io.interrupts.off('SIGINT', onInterrupt);
  }
}

/** Pages from the centre's workers (queue/submit.ts) instead of this machine's engine. */
async function queueRecognizer(
  url: string,
  caFile: string | undefined,
  files: string[],
  options: OcrOptions,
  say: (line: string) => void,
  onWorkers: (line: string) => void,
): Promise<AsyncIterable<SearchablePage>> {
  const { parseRedisUrl, recognizePagesViaQueue } = await import('../queue');
  return recognizePagesViaQueue(files, {
    ...options,
    queue: parseRedisUrl(url, process.env, { caFile }),
    onWarning: (message) => say(`warning: ${message}`),
    onQueueProgress: ({ workers }) =>
      onWorkers(
        Object.entries(workers)
          .map(([name, w]) => `${name} ${w.pagesDone}${w.current ? ` (on #${w.current})` : ''}`)
          .join(', '),
      ),
  });
}

async function* withWords(
  pages: AsyncIterable<SearchablePage>,
  words: WordsFileWriter | undefined,
  afterPage: (n: number) => Promise<void>,
): AsyncGenerator<SearchablePage> {
  let n = 0;
  for await (const page of pages) {
    await words?.add(page.ocr);
    yield page;
    await afterPage(++n);
  }
}

/**
 * A test hook: HOSO_DEBUG_HOLD=after-page-N stops the job once page N is written, until Ctrl-C.
 * Ctrl-C then lands while the pipeline waits to be asked for the next page — a moment that lasts
 * milliseconds on its own (issue 9's unhandled AbortError came from exactly there).
 */
function holdAfterPage(signal: AbortSignal, debug: (line: string) => void): (n: number) => Promise<void> {
  const hold = /^after-page-(\d+)$/.exec(process.env.HOSO_DEBUG_HOLD ?? '');
  return async (n) => {
    if (!hold || Number(hold[1]) !== n || signal.aborted) return;
    debug(`holding after page ${n} until Ctrl-C`);
    await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
  };
}

function megabytes(bytes: number): string {
  return bytes < 1e6 ? `${Math.max(1, Math.round(bytes / 1e3))} kB` : `${(bytes / 1e6).toFixed(1)} MB`;
}
