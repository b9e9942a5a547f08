#!/usr/bin/env node
// The `hoso` command. TypeScript sources run through tsx so the CLI needs no build step.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';

// glibc gives each thread that allocates (libvips and libuv workers, tesseract.js workers) its own
// malloc arena, up to 8 per core, and freed image buffers stay mapped in them: a 40-page job peaked
// at 650-700 MB RSS, with MALLOC_ARENA_MAX=2 at 350-420 MB (sharp's docs give the same advice). The
// variable only works from process start, so the command re-runs itself with it once. The child
// gets its own process group: Ctrl-C reaches it exactly once, forwarded from here.
if (process.platform === 'linux' && process.env.MALLOC_ARENA_MAX === undefined) {
  const child = spawn(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)],
    {
      stdio: 'inherit',
      env: { ...process.env, MALLOC_ARENA_MAX: '2' },
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
