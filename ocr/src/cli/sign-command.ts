import { signPdfBytes } from '../pdf/signed-pdf';
import { p12Signer } from '../sign/p12-signer';
import { SigningError, summarizeCertificate } from '../sign/signer';
import { InputError } from '../types';
import type { CliIo } from './ocr-command';
import { checkOutputs, readInputFile as readInput } from './inputs';
import { reportFailure } from './parse-options';
import { writeOutputFile } from './output-file';
import type { SignCommand } from './sign-args';

/** `hoso sign`: everything is checked (password, certificate, input) before the output is written. */
export async function runSignCommand(
  cmd: SignCommand,
  io: Pick<CliIo, 'stdout' | 'stderr'>,
): Promise<number> {
  const say = (line: string) => io.stderr.write(`${line}\n`);
  try {
    await checkOutputs([cmd.input, cmd.p12], [{ path: cmd.output, flag: 'OUTPUT' }]);
    const password = process.env[cmd.passwordEnv];
    if (password === undefined)
      throw new InputError(
        'no-password',
        `environment variable ${cmd.passwordEnv} is not set (it should hold the certificate's password)`,
      );
    const p12 = await readInput(cmd.p12, 'certificate file');
    const input = await readInput(cmd.input, 'input PDF');
    const signer = p12Signer(p12, password);
    const signed = await signPdfBytes(input, {
      signer,
      reason: cmd.reason,
      location: cmd.location,
      visible: cmd.visible,
    });
    await writeOutputFile(cmd.output, signed);
    if (!cmd.quiet) {
      const who = summarizeCertificate(signer.certificateChain[0]);
      say(
        `Signed ${cmd.output} as ${who.commonName} (certificate ${who.serialNumber}, valid to ${who.validTo.toISOString().slice(0, 10)}).`,
      );
    }
    return 0;
  } catch (error) {
    if (error instanceof SigningError) {
      say(`error: ${cmd.input}: ${error.message}; nothing was written`);
      return 2;
    }
    return reportFailure(error, say, (e) => e instanceof InputError);
  }
}
