import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';

/**
 * A real redis-server (Debian's) for one test file: its own temp dir, a free loopback port, no
 * persistence (so a restart loses everything, the worst case for the queue), and stopped after.
 */
export class TestRedis {
  private child?: ChildProcess;
  readonly dir = mkdtempSync(join(tmpdir(), 'hoso-redis-'));

  private constructor(
    readonly port: number,
    private readonly extra: string[],
  ) {}

  static async start(extra: string[] = []): Promise<TestRedis> {
    const server = new TestRedis(await freePort(), extra);
    await server.launch();
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async launch(): Promise<void> {
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
    const child = spawn('redis-server', [...args, '--dir', this.dir, ...this.extra], { stdio: 'ignore' });
    this.child = child;
    // Ready when it answers PING (not after a fixed time).
    const probe = new Redis({
      port: this.port,
      host: '127.0.0.1',
      lazyConnect: true,
      retryStrategy: () => 50,
    });
    probe.on('error', () => undefined);
    try {
      for (;;) {
        if (child.exitCode !== null) throw new Error(`redis-server exited (${child.exitCode})`);
        const ok = await probe
          .connect()
          .then(() => probe.ping())
          .catch(() => undefined);
        if (ok === 'PONG') break;
        probe.disconnect();
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      probe.disconnect();
    }
  }

  /** SIGKILL: everything in it is lost (no persistence), as when the centre's server dies. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}
