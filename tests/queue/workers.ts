import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import sharp from 'sharp';
import { HOSO_BIN } from '../ocr/cli/run-hoso';
import { SCANS } from '../ocr/pdf/truth-pages';

/** A real `hoso worker` process; its log lines on stderr are the states tests wait for. */
export class WorkerProcess {
  readonly child: ChildProcess;
  readonly lines: string[] = [];
  private waiters: Array<{ pattern: RegExp; resolve: (line: string) => void }> = [];

  constructor(redisUrl: string, name: string, extra: string[] = [], env: NodeJS.ProcessEnv = {}) {
    this.child = spawn(
      process.execPath,
      [HOSO_BIN, 'worker', '--redis', redisUrl, '--jobs', '1', '--name', name, ...extra],
      // MALLOC_ARENA_MAX set: no bounded-malloc re-run, so a signal reaches the worker itself.
      { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, MALLOC_ARENA_MAX: '2', ...env } },
    );
    let rest = '';
    this.child.stderr!.on('data', (chunk: Buffer) => {
      const text = rest + chunk.toString();
      const lines = text.split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        this.lines.push(line);
        this.waiters = this.waiters.filter((w) => !(w.pattern.test(line) && (w.resolve(line), true)));
      }
    });
  }

  /**
   * Resolves with the first log line (past or future) matching `pattern`; rejects, with what the
   * worker said, if it exits first (a clear failure instead of a test timeout).
   */
  waitFor(pattern: RegExp): Promise<string> {
    const seen = this.lines.find((l) => pattern.test(l));
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null, signal: string | null) =>
        reject(
          new Error(`hoso worker exited (${code ?? signal}) before ${pattern}:\n${this.lines.join('\n')}`),
        );
      if (this.child.exitCode !== null || this.child.signalCode !== null)
        return onExit(this.child.exitCode, this.child.signalCode);
      this.child.once('exit', onExit);
      this.waiters.push({
        pattern,
        resolve: (line) => {
          this.child.off('exit', onExit);
          resolve(line);
        },
      });
    });
  }

  kill(signal: NodeJS.Signals): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve();
    const exited = new Promise<void>((r) => this.child.once('exit', () => r()));
    this.child.kill(signal);
    return exited;
  }
}

/**
 * Small real pages for queue tests: bands of a real scan (header, body), a few seconds of OCR each
 * on a busy machine instead of twenty. JPEG at 300 dpi, as a scanner writes them.
 */
export async function bandPages(dir: string, count: number): Promise<string[]> {
  const image = sharp(SCANS.jpeg01);
  const { width, height } = await image.metadata();
  const band = Math.floor(height / 6);
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const file = join(dir, `band-${String(i + 1).padStart(2, '0')}.jpg`);
    await sharp(SCANS.jpeg01)
      .extract({ left: 0, top: (i % 5) * band, width, height: band })
      .withMetadata({ density: 300 })
      .jpeg({ quality: 90 })
      .toFile(file);
    files.push(file);
  }
  return files;
}
