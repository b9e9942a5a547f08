import { parseOptions, UsageError } from './parse-options';

export const SIGN_USAGE = `Usage: hoso sign IN.pdf -o OUT.pdf --p12 CERT.p12 --password-env VAR [options]

Signs a PDF with the certificate and key in a PKCS#12 file (.p12/.pfx): a PAdES baseline B-B
signature (ETSI.CAdES.detached, SHA-256, RSA). The password is read from the environment variable
VAR, never from the command line (other users can read command lines).

Options:
  -o, --output FILE       the signed PDF to write (required; never the input)
      --p12 FILE          the PKCS#12 certificate file (required)
      --password-env VAR  the environment variable holding its password (required)
      --reason TEXT       why it is signed, e.g. "Sao y bản chính"
      --location TEXT     where it is signed, e.g. "Hà Nội"
      --visible           show a signature block on the last page
  -q, --quiet             print nothing on success
  -h, --help              show this help

Exit codes: 0 signed, 2 bad input (wrong password, not a PKCS#12 file, expired certificate, not a
PDF, already signed…; nothing is written), 1 internal error.`;

export interface SignCommand {
  kind: 'sign';
  input: string;
  output: string;
  p12: string;
  passwordEnv: string;
  reason?: string;
  location?: string;
  visible: boolean;
  quiet: boolean;
}

export function parseSignCommand(argv: string[]): SignCommand | { kind: 'help'; usage: string } {
  const { values, positionals } = parseOptions(argv, {
    output: { type: 'string', short: 'o' },
    p12: { type: 'string' },
    'password-env': { type: 'string' },
    reason: { type: 'string' },
    location: { type: 'string' },
    visible: { type: 'boolean', default: false },
    quiet: { type: 'boolean', short: 'q', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) return { kind: 'help', usage: SIGN_USAGE };
  if (positionals.length === 0) throw new UsageError('no IN.pdf given: name the PDF to sign');
  if (positionals.length > 1) throw new UsageError('hoso sign signs one PDF at a time');
  if (!values.output) throw new UsageError('no OUTPUT given: add -o OUT.pdf');
  if (!values.p12) throw new UsageError('no certificate given: add --p12 CERT.p12');
  if (!values['password-env'])
    throw new UsageError('no password given: add --password-env VAR and put the password in $VAR');
  return {
    kind: 'sign',
    input: positionals[0],
    output: values.output,
    p12: values.p12,
    passwordEnv: values['password-env'],
    reason: values.reason?.normalize('NFC'),
    location: values.location?.normalize('NFC'),
    visible: values.visible,
    quiet: values.quiet,
  };
}
