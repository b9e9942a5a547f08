import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const HOSO_BIN = join(import.meta.dirname, '../../../ocr/bin/hoso.mjs');

export type HosoRun = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

/** Runs the real `hoso` command (as `npx hoso` does); `onSpawn` may signal the child. */
export function runHoso(
  args: string[],
  onSpawn?: (child: ReturnType<typeof spawn>) => void,
): Promise<HosoRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [HOSO_BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    onSpawn?.(child);
  });
}

export function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** Files in `dir` that look like leftovers of an output (the output itself or a temp file). */
export function leftovers(dir: string, outputName: string): string[] {
  return readdirSync(dir).filter((f) => f === outputName || f.startsWith(`.${outputName}`));
}

/** Runs runCli in this process (same code as the binary, minus process start-up): for quick cases. */
export async function runHosoInProcess(args: string[]): Promise<HosoRun> {
  const { runCli } = await import('../../../ocr/src/cli/main');
  const { EventEmitter } = await import('node:events');
  let stdout = '';
  let stderr = '';
  const stream = (write: (s: string) => void) =>
    ({ isTTY: false, write: (s: string) => (write(s), true) }) as unknown as NodeJS.WriteStream;
  const code = await runCli(args, {
    stdout: stream((s) => (stdout += s)),
    stderr: stream((s) => (stderr += s)),
    interrupts: new EventEmitter() as unknown as NodeJS.Process,
  });
  return { code, signal: null, stdout, stderr };
}

/** stderr without the HOSO_DEBUG phase lines: what a user sees. */
export function userLines(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line !== '' && !line.startsWith('debug: '));
}

/**
 * Runs `hoso` with HOSO_DEBUG phase lines on and presses Ctrl-C (SIGINT to the process, as a
 * terminal does) `times` times as soon as stderr shows the `at` phase — a state, not a delay.
 */
export function runHosoInterrupted(
  args: string[],
  at: (stderr: string) => boolean,
  times = 1,
  env: Record<string, string> = {},
): Promise<HosoRun & { interrupted: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [HOSO_BIN, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, HOSO_DEBUG: '1', ...env },
    });
    let stdout = '';
    let stderr = '';
    let interrupted = false;
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => {
      stderr += d;
      if (interrupted || !at(stderr)) return;
      interrupted = true;
      for (let i = 0; i < times; i++) child.kill('SIGINT');
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, interrupted }));
  });
}
