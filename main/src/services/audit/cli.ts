import { parseArgs } from 'node:util';
import { dataPaths, resolveDataDir } from '../data-dir';
import { verifyAuditLog } from './verify';

export const AUDIT_USAGE = `Usage: hoso audit verify [--data-dir DIR]

Checks the audit log (nhật ký) of a HoSo data folder: every entry's SHA-256 chain, order and
content, and that no entry was removed from the end.

Options:
      --data-dir DIR  the data folder (default: HOSO_DATA_DIR or the platform's user-data folder)
  -h, --help          show this help

Exit codes: 0 the chain is intact, 2 the log was changed (the first bad entry is named) or bad
usage, 1 internal error.`;

type Io = { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream };

/** `hoso audit …` (dispatched from the hoso command). Returns the exit code. */
export async function runAuditCli(argv: string[], io: Io = process): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
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
  const result = await verifyAuditLog(paths.audit, { originalsDir: paths.originals });
  if (result.ok) {
    io.stdout.write(
      `audit log intact: ${result.entries} entries in ${result.files.length} file(s), last hash ${result.lastHash}\n`,
    );
    return 0;
  }
  io.stderr.write(
    `error: audit log broken at entry ${result.seq} (${result.file}${result.line ? ` line ${result.line}` : ''}): ${result.reason}\n` +
      `${result.entries} entries before it are intact.\n`,
  );
  return 2;
}
