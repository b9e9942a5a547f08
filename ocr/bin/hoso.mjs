#!/usr/bin/env node
// The `hoso` command. TypeScript sources run through tsx so the CLI needs no build step.

// Ctrl-C from the first moment on: until the OCR job takes it over (it has temp files to remove),
// nothing has been written, so say so in one line and stop with 130 — never Node's default death
// by signal, never a stack trace. The line is the one ocr/src/cli/ocr-command.ts prints; the CLI
// tests hold both to it.
const INTERRUPTED = 'Interrupted: stopped, nothing was written.';
process.on('SIGINT', () => {
  // Another listener (the job, or this process forwarding Ctrl-C to its re-run) handles it.
  if (process.listenerCount('SIGINT') > 1) return;
  // The job has finished and its outputs are in place: leave with its exit code, quietly.
  if (process.exitCode !== undefined) process.exit();
  process.stderr.write(`${INTERRUPTED}\n`);
  process.exit(130);
});
if (process.env.HOSO_DEBUG) process.stderr.write(`debug: start ${process.pid}\n`);

const { fileURLToPath } = await import('node:url');
const { register } = await import('tsx/esm/api');
register();
// `hoso audit` and `hoso data` work on the app's data folder: host code, loaded from @hoso/main.
const hostCommand = { audit: 'runAuditCli', data: 'runDataCli' }[process.argv[2]];
if (hostCommand) {
  const cli = await import('@hoso/main/cli');
  process.exitCode = await cli[hostCommand](process.argv.slice(3));
} else {
  // Long OCR jobs run with glibc's malloc bounded (see ocr/src/runtime/bounded-malloc.ts).
  const { exitWithWrapper, rerunWithBoundedMalloc } = await import('../src/runtime/bounded-malloc.ts');
  const rerun = rerunWithBoundedMalloc(fileURLToPath(import.meta.url), process.argv.slice(2), {
    // Ctrl-C reached the re-run before its own handler was installed (its first milliseconds).
    onKilled: (signal) => signal === 'SIGINT' && process.stderr.write(`${INTERRUPTED}\n`),
  });
  if (rerun) {
    process.exitCode = await rerun;
  } else {
    exitWithWrapper();
    const { runCli } = await import('../src/cli/main.ts');
    process.exitCode = await runCli(process.argv.slice(2));
  }
}
