import { spawn, type ChildProcess } from 'node:child_process';
import { MAX_OUTPUT } from './native-settings';
import { ReplyReader, requestHeader, type PageRequest, type Reply } from './resident-frames';

/** Enough of the helper's stderr to say why it died. */
const STDERR_TAIL = 4000;

interface Pending {
  resolve: (reply: Reply) => void;
  reject: (err: Error) => void;
  timer?: NodeJS.Timeout;
}

/**
 * One running hoso-tesseract: started with the job's model and variables, then one page at a
 * time. Any failure but a page the helper itself refused (a timeout, a crash, garbage on stdout)
 * kills it; `alive` then says the next page needs a new one.
 */
export class ResidentProcess {
  private readonly child: ChildProcess;
  private readonly reader = new ReplyReader(MAX_OUTPUT);
  private pending: Pending | undefined;
  private stderr = '';
  private exited = false;
  private failure: Error | undefined;

  private constructor(binary: string, args: string[]) {
    this.child = spawn(binary, args, {
      env: { ...process.env, OMP_THREAD_LIMIT: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
    });
    this.child.stdout!.on('data', (chunk: Buffer) => this.onStdout(chunk));
    this.child.stderr!.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString('utf8')).slice(-STDERR_TAIL);
    });
    // EPIPE when the helper dies while a page is being written: its exit says why.
    this.child.stdin!.on('error', () => undefined);
    this.child.on('error', (err) => this.fail(err));
    this.child.on('close', (code, signal) => {
      this.exited = true;
      const why = this.stderr.trim().split('\n').slice(-2).join(' ').slice(0, 300);
      const during = this.pending ? ' while reading a page' : '';
      this.fail(new Error(`hoso-tesseract exited with ${signal ?? code}${during}${why ? `: ${why}` : ''}`));
    });
  }

  /** Starts the helper and waits for its ready frame: the model is loaded. */
  static async start(
    binary: string,
    args: string[],
    timeoutMs: number,
  ): Promise<{ process: ResidentProcess; version: string }> {
    const helper = new ResidentProcess(binary, args);
    try {
      const reply = await helper.next(timeoutMs, 'to load the model');
      if (reply.kind !== 'ready') throw new Error(reply.kind === 'error' ? reply.message : 'no ready frame');
      return { process: helper, version: reply.version };
    } catch (err) {
      helper.kill();
      throw err;
    }
  }

  get alive(): boolean {
    return !this.exited && !this.failure;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Recognizes one page: its TSV, or an error (and the process is killed unless it refused the page). */
  async recognize(page: PageRequest, timeoutMs: number): Promise<string> {
    if (!this.alive) throw this.failure ?? new Error('hoso-tesseract is not running');
    if (this.pending) throw new Error('hoso-tesseract is already reading a page');
    const reply = this.next(timeoutMs, 'on a page');
    this.child.stdin!.write(requestHeader(page));
    this.child.stdin!.write(page.pixels);
    const r = await reply;
    if (r.kind === 'tsv') return r.tsv;
    if (r.kind === 'error') throw new Error(`hoso-tesseract refused the page: ${r.message}`);
    this.kill();
    throw new Error('hoso-tesseract sent a second ready frame');
  }

  kill(): void {
    if (!this.exited) this.child.kill('SIGKILL');
    this.failure ??= new Error('hoso-tesseract was stopped');
  }

  /** Asks the helper to finish (EOF on stdin) and waits for it to exit. */
  async close(): Promise<void> {
    if (this.exited) return;
    const closed = new Promise<void>((r) => this.child.once('close', () => r()));
    this.child.stdin!.end();
    await closed;
  }

  private next(timeoutMs: number, what: string): Promise<Reply> {
    return new Promise<Reply>((resolve, reject) => {
      const pending: Pending = { resolve, reject };
      pending.timer = setTimeout(() => {
        this.fail(new Error(`hoso-tesseract took longer than ${timeoutMs / 1000} s ${what}`));
      }, timeoutMs);
      this.pending = pending;
    });
  }

  private onStdout(chunk: Buffer): void {
    let replies: Reply[];
    try {
      replies = this.reader.push(chunk);
    } catch (err) {
      return this.fail(err as Error);
    }
    for (const reply of replies) {
      const pending = this.pending;
      if (!pending) return this.fail(new Error('hoso-tesseract replied to no request'));
      this.pending = undefined;
      clearTimeout(pending.timer);
      pending.resolve(reply);
    }
  }

  /** The process cannot be trusted any more: kill it and reject the page it holds. */
  private fail(err: Error): void {
    this.failure ??= err;
    if (!this.exited) this.child.kill('SIGKILL');
    const pending = this.pending;
    this.pending = undefined;
    if (pending) {
      clearTimeout(pending.timer);
      pending.reject(this.failure);
    }
  }
}
