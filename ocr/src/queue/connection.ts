import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import { InputError } from '../types';

/**
 * Where the centre's Redis is: `redis://[user:password@]host:port[/db]` or `rediss://` for TLS.
 * The password may come from the URL or, to keep it out of shell history and `ps`, from
 * HOSO_REDIS_PASSWORD. HOSO_REDIS_CA names a PEM file of the CA that signed the server's TLS
 * certificate (a centre's own CA); without it the system's CAs are used. Certificates are always
 * verified.
 */
export interface RedisTarget {
  /** ioredis options; BullMQ passes them through to every connection it opens. */
  options: RedisOptions;
  /** The URL with the password masked, for messages. */
  display: string;
}

export function parseRedisUrl(raw: string, env: NodeJS.ProcessEnv = process.env): RedisTarget {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    const shown = maskRedisUrl(raw);
    throw new InputError(
      'bad-redis-url',
      `'${shown}' is not a Redis URL (redis://HOST:PORT or rediss://HOST:PORT)`,
    );
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:')
    throw new InputError(
      'bad-redis-url',
      `${mask(url)}: the URL must start with redis:// or rediss:// (TLS)`,
    );
  if (!url.hostname) throw new InputError('bad-redis-url', `${mask(url)}: no host in the Redis URL`);
  const port = url.port ? Number(url.port) : 6379;
  const dbPath = url.pathname.replace(/^\//, '');
  const db = dbPath === '' ? 0 : Number(dbPath);
  if (!Number.isInteger(db) || db < 0 || db > 15)
    throw new InputError('bad-redis-url', `${mask(url)}: the database number must be 0 to 15`);
  const password = url.password ? decodeURIComponent(url.password) : env.HOSO_REDIS_PASSWORD || undefined;
  const options: RedisOptions = {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port,
    db,
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password,
    // BullMQ's workers block on Redis; ioredis must queue commands while it reconnects, not fail them.
    maxRetriesPerRequest: null,
    // Reconnect quickly at first, then every 2 s: a restarted Redis is found again within seconds.
    retryStrategy: (times) => Math.min(100 * times, 2000),
    connectTimeout: 10_000,
  };
  if (url.protocol === 'rediss:') {
    const caFile = env.HOSO_REDIS_CA;
    let ca: Buffer | undefined;
    if (caFile) {
      try {
        ca = readFileSync(caFile);
      } catch (err) {
        throw new InputError(
          'bad-redis-ca',
          `HOSO_REDIS_CA=${caFile}: cannot read (${(err as Error).message})`,
        );
      }
    }
    options.tls = { servername: options.host, ca, rejectUnauthorized: true };
  }
  return { options, display: mask(url) };
}

/** A connection of our own (commands outside BullMQ: page bytes, run heartbeats, server checks). */
export function connect(target: RedisTarget, name: string): Redis {
  return new Redis({ ...target.options, connectionName: name, lazyConnect: false });
}

function mask(url: URL): string {
  const copy = new URL(url.href);
  if (copy.password) copy.password = '***';
  return copy.href.replace(/\/$/, '');
}

/**
 * The same options for BullMQ, which opens its own connections (blocking ones too) through
 * ioredis; its ConnectionOptions type is a looser mirror of ioredis' RedisOptions.
 */
export function bullConnection(target: RedisTarget): ConnectionOptions {
  return target.options as ConnectionOptions;
}

/** The URL with its password masked; works on URLs that do not parse too (never echo a password). */
export function maskRedisUrl(raw: string): string {
  return raw.replace(/\/\/([^/@]*?):[^/@]*@/, '//$1:***@');
}
