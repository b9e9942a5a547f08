import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import type { ConnectionOptions } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import { InputError } from '../types';

/**
 * Where the centre's Redis is: `redis://[user:password@]host:port[/db]` or `rediss://` for TLS.
 * The password may come from the URL or, to keep it out of shell history and `ps`, from
 * HOSO_REDIS_PASSWORD. `caFile` (`--redis-ca`, or HOSO_REDIS_CA) names a PEM file of the CA that
 * signed the server's TLS certificate (a centre's own CA); without it the system's CAs are used.
 * Certificates are always verified, host name included.
 */
export interface RedisTarget {
  /** ioredis options; BullMQ passes them through to every connection it opens. */
  options: RedisOptions;
  /** The URL with the password masked, for messages. */
  display: string;
}

export function parseRedisUrl(
  raw: string,
  env: NodeJS.ProcessEnv = process.env,
  given: { caFile?: string } = {},
): RedisTarget {
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
  const caFile = given.caFile ?? (env.HOSO_REDIS_CA || undefined);
  if (given.caFile && url.protocol !== 'rediss:')
    throw new InputError(
      'bad-redis-ca',
      `${mask(url)}: a CA file is for TLS; use a rediss:// URL (the server's --tls-port)`,
    );
  if (url.protocol === 'rediss:') {
    let ca: Buffer | undefined;
    if (caFile) {
      try {
        ca = readFileSync(caFile);
      } catch (err) {
        throw new InputError('bad-redis-ca', `CA file ${caFile}: cannot read (${(err as Error).message})`);
      }
      if (!ca.toString('latin1').includes('-----BEGIN CERTIFICATE-----'))
        throw new InputError('bad-redis-ca', `CA file ${caFile}: not a PEM certificate (BEGIN CERTIFICATE)`);
    }
    // SNI carries host names only (RFC 6066); an IP address is still checked against the
    // certificate's IP entries.
    options.tls = {
      ...(isIP(options.host!) ? {} : { servername: options.host }),
      ca,
      rejectUnauthorized: true,
    };
  }
  return { options, display: mask(url) };
}

/**
 * A refusal that retrying cannot mend, said so the user can act: a TLS certificate this machine
 * does not trust (wrong or missing CA, a name the certificate does not cover), or a password or
 * user Redis rejects. Undefined for anything else (Redis down or restarting is retried).
 */
export function redisRefusal(message: string, where: string): string | undefined {
  if (/NOAUTH|WRONGPASS|NOPERM/.test(message))
    return `Redis at ${where} refused HoSo (${message}); check the password (in the URL or HOSO_REDIS_PASSWORD) or user`;
  if (TLS_TRUST.test(message))
    return `the TLS certificate of ${where} is not trusted (${message}); give the CA that signed it with --redis-ca FILE (or HOSO_REDIS_CA), and check the host name in the URL is one the certificate names`;
  if (/wrong version number|packet length too long|SSL routines/i.test(message))
    return `${where}: TLS failed (${message}); does that port speak TLS (rediss://, the server's --tls-port) or plain Redis (redis://)?`;
  return undefined;
}

// Node's messages for a certificate chain it cannot verify, or a host name it does not cover.
const TLS_TRUST =
  /self[- ]signed certificate|unable to (verify|get local issuer)|certificate (has expired|is not yet valid|signature failure)|does not match certificate's altnames|ERR_TLS_CERT|CERT_/i;

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
