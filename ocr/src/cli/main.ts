import { readFileSync } from 'node:fs';
import { parseCommand, USAGE, UsageError } from './args';
import { WORKER_USAGE } from './worker-args';
import type { CliIo, OcrEngine } from './ocr-command';

/**
 * The `hoso` command line (run by ocr/bin/hoso.mjs). Returns the exit code: 0 success, 2 bad input
 * or usage, 1 internal error, 130 interrupted.
 */
export async function runCli(
  argv: string[],
  io: CliIo = { stdout: process.stdout, stderr: process.stderr, interrupts: process },
  engine?: OcrEngine,
): Promise<number> {
  let command;
  try {
    command = parseCommand(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`error: ${error.message}\nRun 'hoso --help' for usage.\n`);
    return 2;
  }
  if (command.kind === 'help') {
    io.stdout.write(`${command.usage ?? (command.topic === 'worker' ? WORKER_USAGE : USAGE)}\n`);
    return 0;
  }
  if (command.kind === 'version') {
    io.stdout.write(`hoso ${version()}\n`);
    return 0;
  }
  if (command.kind === 'worker') {
    const { runWorkerCommand } = await import('./worker-command');
    return runWorkerCommand(command, io);
  }
  // Loaded on demand: --help and usage errors answer without loading PDF and OCR code.
  if (command.kind === 'sign') {
    const { runSignCommand } = await import('./sign-command');
    return runSignCommand(command, io);
  }
  if (command.kind === 'redact') {
    const { runRedactCommand } = await import('./redact-command');
    return runRedactCommand(command, io);
  }
  if (command.kind === 'entities') {
    const { runEntitiesCommand } = await import('./entities-command');
    return runEntitiesCommand(command, io);
  }
  const { runOcrCommand } = await import('./ocr-command');
  return runOcrCommand(command, io, engine ?? (await defaultEngine()));
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

async function defaultEngine(): Promise<OcrEngine> {
  const { inspectInputs } = await import('../decode/inspect');
  return {
    inspectInputs,
    // tesseract.js is loaded once the inputs have passed inspection.
    async *recognizePages(files, opts) {
      const { recognizePages } = await import('../pipeline');
      yield* recognizePages(files, opts);
    },
  };
}
