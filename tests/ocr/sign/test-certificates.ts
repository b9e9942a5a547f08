import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import forge from 'node-forge';

/**
 * Test certificates made at test time: OpenSSL (as a unit's IT staff would export a .p12) for the
 * normal cases, node-forge where a validity period in the past is needed.
 */
export const SIGNER_CN = 'Nguyễn Văn Kiểm Sát';
export const SIGNER_O = 'VKSND Thành phố Hà Nội';

export interface TestCertificates {
  /** OpenSSL 3 default (AES-256, PBKDF2), password 'secret'. */
  modern: string;
  /** -legacy (3DES, RC2), password 'secret'. */
  legacy: string;
  /** Expired last year, password 'secret'. */
  expired: string;
  /** The certificate as OpenSSL wrote it (DER). */
  certificateDer: string;
}

export function makeTestCertificates(dir: string): TestCertificates {
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  openssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    key,
    '-out',
    cert,
    '-days',
    '30',
    '-utf8',
    '-subj',
    `/CN=${SIGNER_CN}/O=${SIGNER_O}/C=VN`,
    '-addext',
    'keyUsage=critical,digitalSignature,nonRepudiation',
  );
  const modern = join(dir, 'modern.p12');
  const legacy = join(dir, 'legacy.p12');
  openssl('pkcs12', '-export', '-inkey', key, '-in', cert, '-out', modern, '-passout', 'pass:secret');
  openssl(
    'pkcs12',
    '-export',
    '-legacy',
    '-inkey',
    key,
    '-in',
    cert,
    '-out',
    legacy,
    '-passout',
    'pass:secret',
  );
  const certificateDer = join(dir, 'cert.der');
  openssl('x509', '-in', cert, '-outform', 'DER', '-out', certificateDer);
  return { modern, legacy, certificateDer, expired: expiredP12(dir) };
}

function expiredP12(dir: string): string {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const forgeKey = forge.pki.privateKeyFromPem(
    privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
  );
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = '01';
  const year = new Date().getUTCFullYear();
  cert.validity.notBefore = new Date(Date.UTC(year - 3, 0, 1));
  cert.validity.notAfter = new Date(Date.UTC(year - 1, 0, 1));
  const name = [{ shortName: 'CN', value: 'Expired Signer' }];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.sign(forgeKey, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(forgeKey, [cert], 'secret', { algorithm: '3des' });
  const path = join(dir, 'expired.p12');
  writeFileSync(path, Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'));
  return path;
}
