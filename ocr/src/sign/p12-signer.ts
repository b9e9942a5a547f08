import { constants, createPrivateKey, privateEncrypt, X509Certificate, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { checkSigningCertificate, SigningError, type Signer } from './signer';

/** DER prefix of DigestInfo { sha256, OCTET STRING(32) } (RFC 8017 9.2 note 1). */
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

/**
 * A signer over a PKCS#12 file (.p12/.pfx) holding the key and certificate(s). node-forge reads the
 * container (Node's crypto cannot); the key then lives in a Node KeyObject and signs with OpenSSL.
 * Checks everything before a byte of PDF is written: the password, that there is exactly one key
 * and the certificate matching it, its validity today and its key usage.
 */
export function p12Signer(p12: Uint8Array, password: string, now = new Date()): Signer {
  const container = openPkcs12(p12, password);
  const keyBags = [
    ...(container.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[
      forge.pki.oids.pkcs8ShroudedKeyBag
    ] ?? []),
    ...(container.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag] ?? []),
  ];
  const certBags = container.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [];
  if (keyBags.length === 0)
    throw new SigningError('no-key', 'the PKCS#12 file holds no private key (only certificates)');
  if (keyBags.length > 1)
    throw new SigningError('no-key', 'the PKCS#12 file holds several private keys; export one signer only');
  const forgeKey = keyBags[0].key;
  if (!forgeKey)
    throw new SigningError('unsupported-key', 'the private key is not RSA (only RSA keys are supported)');
  const key = createPrivateKey(forge.pki.privateKeyToPem(forgeKey as forge.pki.rsa.PrivateKey));

  const certificates = certBags.flatMap((bag) =>
    bag.cert
      ? [certificateDer(forge.pki.certificateToAsn1(bag.cert))]
      : bag.asn1
        ? [certificateDer(bag.asn1)]
        : [],
  );
  if (certificates.length === 0)
    throw new SigningError('no-certificate', 'the PKCS#12 file holds no certificate');
  const own = certificates.find((der) => new X509Certificate(der).checkPrivateKey(key));
  if (!own)
    throw new SigningError('key-mismatch', 'no certificate in the PKCS#12 file matches its private key');
  checkSigningCertificate(own, now);
  return {
    certificateChain: [
      own,
      ...orderIssuers(
        own,
        certificates.filter((c) => c !== own),
      ),
    ],
    algorithm: 'rsa-pkcs1-sha256',
    sign: async (digest) => rsaSignDigest(key, digest),
  };
}

function openPkcs12(bytes: Uint8Array, password: string): forge.pkcs12.Pkcs12Pfx {
  let asn1: forge.asn1.Asn1;
  try {
    asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(bytes).toString('binary')));
  } catch {
    throw new SigningError('not-pkcs12', 'the certificate file is not a PKCS#12 (.p12/.pfx) file');
  }
  try {
    return forge.pkcs12.pkcs12FromAsn1(asn1, false, password);
  } catch (error) {
    const message = (error as Error).message;
    if (/MAC could not be verified|Invalid password/i.test(message))
      throw new SigningError('wrong-password', 'wrong password for the PKCS#12 certificate file');
    if (/Failed to decrypt/i.test(message))
      // The MAC matched, so the password is right for it; node-forge derives AES keys (OpenSSL 3's
      // default) from the password's code units, which differs from UTF-8 for non-ASCII passwords.
      throw new SigningError(
        'unsupported-pkcs12',
        'the PKCS#12 file could not be decrypted (a non-ASCII password on an AES-encrypted file is not supported; re-export it with an ASCII password or with -legacy)',
      );
    throw new SigningError('not-pkcs12', `the certificate file is not a readable PKCS#12 file (${message})`);
  }
}

function certificateDer(asn1: forge.asn1.Asn1): Uint8Array {
  // forge keeps the parsed tbsCertificate (and BIT STRING contents) as read, so this re-encoding
  // is the DER the CA issued; the signing test compares it with OpenSSL's.
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}

/** Issuers in chain order (each the issuer of the one before); certificates that do not chain last. */
function orderIssuers(own: Uint8Array, others: Uint8Array[]): Uint8Array[] {
  const ordered: Uint8Array[] = [];
  let current = new X509Certificate(own);
  const rest = [...others];
  for (;;) {
    const next = rest.findIndex((der) => current.checkIssued(new X509Certificate(der)));
    if (next < 0 || current.checkIssued(current)) break;
    const [der] = rest.splice(next, 1);
    ordered.push(der);
    current = new X509Certificate(der);
  }
  return [...ordered, ...rest];
}

/** RSASSA-PKCS1-v1_5 over a precomputed SHA-256 digest: type-1 padding of the DigestInfo. */
export function rsaSignDigest(key: KeyObject, digest: Uint8Array): Uint8Array {
  if (digest.length !== 32) throw new Error('a SHA-256 digest is 32 bytes');
  return privateEncrypt(
    { key, padding: constants.RSA_PKCS1_PADDING },
    Buffer.concat([SHA256_DIGEST_INFO, digest]),
  );
}
