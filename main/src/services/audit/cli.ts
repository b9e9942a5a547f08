import { parseArgs } from 'node:util';
import { keyringPath } from '../crypto/encrypt-data-folder';
import { readKeyring, unwrapDataKey } from '../crypto/keyring';
import { dataPaths, resolveDataDir, type DataPaths } from '../data-dir';
import { HostFailure } from '../host-error';
import { auditAnchorKey } from './anchor';
import { verifyAuditLog } from './verify';

export const AUDIT_USAGE = `Usage: hoso audit verify [--data-dir DIR] [--passphrase-env VAR]

Checks the audit log (nhật ký) of a HoSo data folder: every entry's SHA-256 chain, order and
content, and that no entry was removed from the end. With the passphrase of an encrypted data
folder it also checks audit/ANCHOR.sealed, which catches entries cut from the end with HEAD.json
rewritten to match; without it the anchor is not checked (and the output says so).

Options:
      --data-dir DIR        the data folder (default: HOSO_DATA_DIR or the platform's user-data folder)
      --passphrase-env VAR  the data folder's passphrase is in the environment variable VAR
  -h, --help                show this help

Exit codes: 0 the chain is intact, 2 the log was changed (the first bad entry is named) or bad
usage, 1 internal error.`;

type Io = { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream };

/**
 * The anchor key from the passphrase, or why the anchor is not checked. The passphrase is only
 * ever read from the environment, never from the command line (it would show in `ps`).
 */
async function anchorKeyFor(
  paths: DataPaths,
  variable: string | undefined,
  env: NodeJS.ProcessEnv,
): Promise<{ key: Buffer } | { skipped: string } | { error: string }> {
  const keyring = await readKeyring(keyringPath(paths));
  if (!keyring)
    return variable
      ? { error: 'this data folder is not encrypted, so its log has no sealed anchor to check' }
      : { skipped: 'the data folder is not encrypted, so the log has no sealed anchor' };
  if (!variable) return { skipped: 'give --passphrase-env VAR to check audit/ANCHOR.sealed' };
  const passphrase = env[variable];
  if (!passphrase) return { error: `the environment variable ${variable} is empty or not set` };
  try {
    return { key: auditAnchorKey(await unwrapDataKey(keyring, passphrase)) };
  } catch (err) {
    if (err instanceof HostFailure) return { error: err.message };
    throw err;
  }
}

/** `hoso audit …` (dispatched from the hoso command). Returns the exit code. */
export async function runAuditCli(argv: string[], io: Io = process, env = process.env): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        'data-dir': { type: 'string' },
        'passphrase-env': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    io.stderr.write(`error: ${(err as Error).message.split('\n')[0]}\nRun 'hoso audit --help' for usage.\n`);
    return 2;
  }
  const [sub, ...rest] = parsed.positionals;
  if (parsed.values.help || !sub) {
    io.stdout.write(`${AUDIT_USAGE}\n`);
    return 0;
  }
  if (sub !== 'verify' || rest.length > 0) {
    io.stderr.write(
      `error: unknown audit command '${[sub, ...rest].join(' ')}' (the command is 'hoso audit verify')\n`,
    );
    return 2;
  }
  const paths = dataPaths(parsed.values['data-dir'] ?? resolveDataDir());
  const anchor = await anchorKeyFor(paths, parsed.values['passphrase-env'], env);
  if ('error' in anchor) {
    io.stderr.write(`error: ${anchor.error}\n`);
    return 2;
  }
  const result = await verifyAuditLog(paths.audit, {
    originalsDir: paths.originals,
    anchorKey: 'key' in anchor ? anchor.key : undefined,
  });
  if (result.ok) {
    io.stdout.write(
      `audit log intact: ${result.entries} entries in ${result.files.length} file(s), last hash ${result.lastHash}\n` +
        ('key' in anchor
          ? 'sealed anchor checked: it matches the log\n'
          : `sealed anchor NOT checked: ${anchor.skipped}\n`),
    );
    return 0;
  }
  io.stderr.write(
    `error: audit log broken at entry ${result.seq} (${result.file}${result.line ? ` line ${result.line}` : ''}): ${result.reason}\n` +
      `${result.entries} entries before it are intact.\n`,
  );
  return 2;
}
