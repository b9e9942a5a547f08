import { parseArgs } from 'node:util';
import { dataPaths, resolveDataDir } from '../data-dir';
import { HostFailure } from '../host-error';
import { auditAnchorKey } from '../audit/anchor';
import { AuditLog, osUserName } from '../audit/audit-log';
import { encryptDataFolder, encryptionStatus } from './encrypt-data-folder';

export const DATA_USAGE = `Usage: hoso data encrypt [--data-dir DIR] --passphrase-env VAR
       hoso data status  [--data-dir DIR]

encrypt  switches encryption at rest on for a data folder (originals, derived images, OCR words,
         exports), or finishes a switch that was interrupted. Stop the app first. The passphrase
         is read from the environment variable VAR, never from the command line.
status   prints plain, migrating or on.

Exit codes: 0 done, 2 bad usage or wrong passphrase, 1 internal error.`;

type Io = { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream };

export async function runDataCli(argv: string[], io: Io = process, env = process.env): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        'data-dir': { type: 'string' },
        'passphrase-env': { type: 'string' },
        quiet: { type: 'boolean', short: 'q', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    io.stderr.write(`error: ${(err as Error).message.split('\n')[0]}\n`);
    return 2;
  }
  const [sub] = parsed.positionals;
  if (parsed.values.help || !sub) {
    io.stdout.write(`${DATA_USAGE}\n`);
    return 0;
  }
  const paths = dataPaths(parsed.values['data-dir'] ?? resolveDataDir());
  if (sub === 'status') {
    io.stdout.write(`${await encryptionStatus(paths)}\n`);
    return 0;
  }
  if (sub !== 'encrypt') {
    io.stderr.write(`error: unknown data command '${sub}'\n`);
    return 2;
  }
  const variable = parsed.values['passphrase-env'];
  const passphrase = variable ? env[variable] : undefined;
  if (!variable || !passphrase) {
    io.stderr.write('error: give --passphrase-env VAR with the passphrase in the environment variable VAR\n');
    return 2;
  }
  try {
    const before = await encryptionStatus(paths);
    const result = await encryptDataFolder(paths, passphrase, (p) => {
      if (!parsed.values.quiet)
        io.stdout.write(
          `sealed ${p.filesDone}/${p.filesTotal} files, ${(p.bytesDone / 1048576).toFixed(1)}/${(p.bytesTotal / 1048576).toFixed(1)} MB\n`,
        );
    });
    // The first sealed anchor of the log is written with this entry.
    const log = await AuditLog.open(paths.audit, () => ({ osUser: osUserName(), userName: '' }), {
      key: auditAnchorKey(result.dataKey),
      startAnchor: true,
    });
    await log.append({
      action: 'encryption-enabled',
      detail: {
        resumed: before === 'migrating',
        filesSealed: result.filesSealed,
        bytesSealed: result.bytesSealed,
      },
    });
    io.stdout.write(`encryption on: ${result.filesSealed} files sealed now\n`);
    return 0;
  } catch (err) {
    if (err instanceof HostFailure) {
      io.stderr.write(`error: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}
