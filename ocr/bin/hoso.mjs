#!/usr/bin/env node
// The `hoso` command. TypeScript sources run through tsx so the CLI needs no build step.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';

// glibc gives each thread that allocates (libvips and libuv workers, tesseract.js workers) its own
// malloc arena, up to 8 per core, and raises its mmap threshold after big frees, so freed page
// buffers stay mapped in the heap: a 40-page job peaked at 650-700 MB RSS by default, at
// 350-420 MB with MALLOC_ARENA_MAX=2; with the threshold also fixed at 128 KiB a 150-page stream
// stays at 424-456 MB instead of climbing 467 -> 579 MB (sharp's docs give the same advice). The
// variables only work from process start, so the command re-runs itself with them once. The child
// gets its own process group: Ctrl-C reaches it exactly once, forwarded from here.
if (process.platform === 'linux' && process.env.MALLOC_ARENA_MAX === undefined) {
  const child = spawn(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)],
    {
      stdio: 'inherit',
      env: { MALLOC_MMAP_THRESHOLD_: '131072', ...process.env, MALLOC_ARENA_MAX: '2' },
      detached: true,
    },
  );
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('error', (err) => {
    console.error(`hoso: cannot start (${err.message})`);
    process.exitCode = 1;
  });
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? 128 + (constants.signals[signal] ?? 0);
  });
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { runCli } = await import('../src/cli/main.ts');
  process.exitCode = await runCli(process.argv.slice(2));
}
