import { createHash, X509Certificate } from 'node:crypto';

/**
 * Who signs. The PDF and CMS code needs only the certificate chain and one private-key operation, so
 * a key that never leaves its device (a PKCS#11 USB token, how most Vietnamese signers hold theirs)
 * plugs in beside the PKCS#12 signer: see README "Signed PDFs" for a token signer's outline.
 */
export interface Signer {
  /** DER X.509 certificates, the signer's own first, then its issuers (as far as known). */
  readonly certificateChain: Uint8Array[];
  /** The signature scheme `sign` produces; RSA PKCS#1 v1.5 over SHA-256 is what CAs here issue. */
  readonly algorithm: 'rsa-pkcs1-sha256';
  /**
   * Signs a SHA-256 digest (of the CMS signed attributes) and returns the raw signature value. A
   * token does this with CKM_RSA_PKCS over the DigestInfo (or CKM_SHA256_RSA_PKCS over the data).
   */
  sign(digest: Uint8Array): Promise<Uint8Array>;
}

/** A signing problem the user can fix (wrong password, expired certificate…): CLI exit 2. */
export class SigningError extends Error {
  constructor(
    readonly code:
      | 'not-pkcs12'
      | 'wrong-password'
      | 'unsupported-pkcs12'
      | 'no-key'
      | 'no-certificate'
      | 'key-mismatch'
      | 'unsupported-key'
      | 'expired'
      | 'not-yet-valid'
      | 'not-for-signing'
      | 'not-pdf'
      | 'encrypted-pdf'
      | 'already-signed',
    message: string,
  ) {
    super(message);
    this.name = 'SigningError';
  }
}

/** The facts a person checks about a certificate (shown by the CLI and written in a visible block). */
export interface CertificateSummary {
  commonName: string;
  organization?: string;
  serialNumber: string;
  validFrom: Date;
  validTo: Date;
  issuer: string;
  sha256: string;
}

export function summarizeCertificate(der: Uint8Array): CertificateSummary {
  const cert = new X509Certificate(der);
  return {
    commonName: distinguishedNameField(cert.subject, 'CN') ?? cert.subject,
    organization: distinguishedNameField(cert.subject, 'O'),
    serialNumber: cert.serialNumber,
    validFrom: new Date(cert.validFrom),
    validTo: new Date(cert.validTo),
    issuer: distinguishedNameField(cert.issuer, 'CN') ?? cert.issuer,
    sha256: createHash('sha256').update(der).digest('hex'),
  };
}

/** X509Certificate.subject is "CN=…\nO=…" with UTF-8 values (escaped as JSON strings when needed). */
function distinguishedNameField(dn: string, key: string): string | undefined {
  for (const line of dn.split('\n')) {
    if (!line.startsWith(`${key}=`)) continue;
    const value = line.slice(key.length + 1);
    return value.startsWith('"') ? (JSON.parse(value) as string) : value;
  }
  return undefined;
}

/**
 * Refuses a certificate that cannot make a signature a court would accept today: outside its
 * validity period, or whose key usage excludes signing documents.
 */
export function checkSigningCertificate(der: Uint8Array, now = new Date()): void {
  const cert = new X509Certificate(der);
  const summary = summarizeCertificate(der);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  if (now > summary.validTo)
    throw new SigningError(
      'expired',
      `the certificate of ${summary.commonName} expired on ${day(summary.validTo)}; renew it with the issuing CA`,
    );
  if (now < summary.validFrom)
    throw new SigningError(
      'not-yet-valid',
      `the certificate of ${summary.commonName} is valid only from ${day(summary.validFrom)}`,
    );
  const keyUsage = readKeyUsage(new Uint8Array(cert.raw));
  if (keyUsage && !keyUsage.digitalSignature && !keyUsage.nonRepudiation)
    throw new SigningError(
      'not-for-signing',
      `the certificate of ${summary.commonName} is not for signing (its key usage allows neither digitalSignature nor nonRepudiation)`,
    );
}

/** id-ce-keyUsage (2.5.29.15) BIT STRING: bit 0 digitalSignature, bit 1 nonRepudiation. */
function readKeyUsage(der: Uint8Array): { digitalSignature: boolean; nonRepudiation: boolean } | undefined {
  const oid = Buffer.from([0x06, 0x03, 0x55, 0x1d, 0x0f]);
  const at = Buffer.from(der).indexOf(oid);
  if (at < 0) return undefined;
  // OID, optional BOOLEAN critical, OCTET STRING { BIT STRING }.
  let i = at + oid.length;
  if (der[i] === 0x01) i += 3;
  if (der[i] !== 0x04) return undefined;
  i += 2;
  if (der[i] !== 0x03) return undefined;
  const bits = der[i + 3] ?? 0;
  return { digitalSignature: (bits & 0x80) !== 0, nonRepudiation: (bits & 0x40) !== 0 };
}
