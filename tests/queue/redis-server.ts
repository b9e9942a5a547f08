import { spawn, type ChildProcess } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect as tlsConnect } from 'node:tls';
import { join } from 'node:path';

/** PEM files for a TLS-only server: its certificate and key, and the CA that signed it. */
export interface RedisTlsFiles {
  cert: string;
  key: string;
  ca: string;
}

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
    private readonly tls?: RedisTlsFiles,
  ) {}

  /** `tls`: TLS only (`--port 0`), clients need not present a certificate of their own. */
  static async start(extra: string[] = [], tls?: RedisTlsFiles): Promise<TestRedis> {
    const server = new TestRedis(await freePort(), extra, tls);
    await server.launch();
    return server;
  }

  get url(): string {
    return `${this.tls ? 'rediss' : 'redis'}://127.0.0.1:${this.port}`;
  }

  async launch(): Promise<void> {
    const tls = this.tls;
    const listen = tls
      ? [
          '--port',
          '0',
          '--tls-port',
          String(this.port),
          '--tls-cert-file',
          tls.cert,
          '--tls-key-file',
          tls.key,
        ]
      : ['--port', String(this.port)];
    if (tls) listen.push('--tls-ca-cert-file', tls.ca, '--tls-auth-clients', 'no');
    const args = [...listen, '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
    const child = spawn('redis-server', [...args, '--dir', this.dir, ...this.extra], { stdio: 'ignore' });
    this.child = child;
    // Ready when it answers PING (not after a fixed time); +PONG or -NOAUTH, both mean it is up.
    while (!(await answersPing(this.port, tls && readFileSync(tls.ca)))) {
      if (child.exitCode !== null) throw new Error(`redis-server exited (${child.exitCode})`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** SIGKILL: everything in it is lost (no persistence), as when the centre's server dies. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
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

function answersPing(port: number, ca?: Buffer): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = ca ? tlsConnect({ port, host: '127.0.0.1', ca }) : connect(port, '127.0.0.1');
    socket.once('error', () => resolve(false));
    socket.once(ca ? 'secureConnect' : 'connect', () => socket.write('PING\r\n'));
    socket.once('data', (d) => {
      socket.destroy();
      resolve(/^(\+PONG|-NOAUTH)/.test(d.toString()));
    });
  });
}
