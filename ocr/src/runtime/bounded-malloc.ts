import { spawn } from 'node:child_process';
import { constants } from 'node:os';

/**
 * glibc gives each thread that allocates (libvips and libuv workers, tesseract.js workers) its own
 * malloc arena, up to 8 per core, and raises its mmap threshold after big frees, so freed page
 * buffers stay mapped in the heap: a 40-page job peaked at 650-700 MB RSS by default, at
 * 350-420 MB with MALLOC_ARENA_MAX=2; with the threshold also fixed at 128 KiB a 150-page stream
 * stays at 424-456 MB instead of climbing 467 -> 579 MB (sharp's docs give the same advice).
 */
export const BOUNDED_MALLOC_ENV = { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072' } as const;

/**
 * The variables only work from process start, so a long-running OCR process (the `hoso` command,
 * the browser-mode host) re-runs its entry script once with them. Returns the child's exit code
 * when it re-ran, or undefined when this process should do the work itself (already configured,
 * or not glibc). The child gets its own process group: Ctrl-C reaches it exactly once, forwarded
 * from here. `onKilled` hears of a child killed by a signal (it could say nothing itself).
 */
export function rerunWithBoundedMalloc(
  entryScript: string,
  args: string[],
  opts: { onKilled?: (signal: NodeJS.Signals) => void } = {},
): Promise<number> | undefined {
  if (process.platform !== 'linux' || process.env.MALLOC_ARENA_MAX !== undefined) return undefined;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, entryScript, ...args], {
      stdio: 'inherit',
      env: {
        MALLOC_MMAP_THRESHOLD_: BOUNDED_MALLOC_ENV.MALLOC_MMAP_THRESHOLD_,
        ...process.env,
        MALLOC_ARENA_MAX: BOUNDED_MALLOC_ENV.MALLOC_ARENA_MAX,
        [WRAPPER_PID_ENV]: String(process.pid),
      },
      detached: true,
    });
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
      process.on(signal, () => child.kill(signal));
    child.on('error', (err) => {
      console.error(`cannot start ${entryScript} (${err.message})`);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      if (signal) opts.onKilled?.(signal);
      resolve(code ?? 128 + (signal ? constants.signals[signal] : 0));
    });
  });
}

const WRAPPER_PID_ENV = 'HOSO_WRAPPER_PID';

/**
 * In the re-run child: end when the wrapper is gone. The child has its own process group, so a
 * SIGKILL of the process the user started (a `hoso worker` stopped by its supervisor, a test's
 * kill -9) would otherwise leave the real worker running unseen, holding pages and locks.
 */
export function exitWithWrapper(pollMs = 500): void {
  const wrapper = Number(process.env[WRAPPER_PID_ENV]);
  if (!wrapper) return;
  const timer = setInterval(() => {
    if (process.ppid !== wrapper) process.kill(process.pid, 'SIGKILL');
  }, pollMs);
  timer.unref();
}
