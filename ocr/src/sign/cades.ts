import { createHash } from 'node:crypto';
import {
  contextTag,
  nullValue,
  objectIdentifier as oid,
  octetString,
  readElements,
  sequence,
  setOf,
  smallInteger,
} from './der';
import type { Signer } from './signer';

/**
 * A detached CMS SignedData (RFC 5652) in the CAdES baseline B profile that PAdES-B-B asks for
 * (ETSI EN 319 142-1 6.3): signed attributes content-type, message-digest and signing-certificate-v2
 * (ESS, RFC 5035: the SHA-256 of the signer's certificate with its issuer and serial, so the
 * certificate cannot be swapped), and no signing-time attribute (PAdES puts the time in the
 * signature dictionary's /M). @signpdf/signer-p12 writes no signing-certificate-v2 and keeps the
 * key operation to itself, so the structure is assembled here from byte-exact parts.
 */

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
};

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest();

/** Issuer Name and serialNumber INTEGER of a certificate, exactly as encoded in it. */
export function issuerAndSerial(certificate: Uint8Array): { issuer: Buffer; serial: Buffer } {
  const [cert] = readElements(Buffer.from(certificate));
  const [tbs] = readElements(cert.value);
  const fields = readElements(tbs.value);
  // tbsCertificate: [0] version (absent in v1 certificates), serialNumber, signature, issuer, …
  const at = fields[0].tag === 0xa0 ? 1 : 0;
  return { serial: fields[at].encoded, issuer: fields[at + 2].encoded };
}

const attribute = (type: string, value: Buffer) => sequence(oid(type), setOf(value));

function signingCertificateV2(certificate: Uint8Array): Buffer {
  const { issuer, serial } = issuerAndSerial(certificate);
  // ESSCertIDv2 { hashAlgorithm DEFAULT sha256 (left out, as DER requires), certHash,
  //   issuerSerial { GeneralNames { directoryName [4] Name }, serialNumber } }
  const issuerSerial = sequence(sequence(contextTag(4, issuer)), serial);
  return sequence(sequence(sequence(octetString(sha256(certificate)), issuerSerial)));
}

/**
 * The CMS to put in /Contents for `content` (the PDF bytes covered by /ByteRange). The signer signs
 * the SHA-256 of the DER-encoded signed attributes.
 */
export async function cadesDetachedSignature(content: Uint8Array, signer: Signer): Promise<Buffer> {
  const [certificate] = signer.certificateChain;
  if (!certificate) throw new Error('the signer has no certificate');
  const attributes = setOf(
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.messageDigest, octetString(sha256(content))),
    attribute(OID.signingCertificateV2, signingCertificateV2(certificate)),
  );
  // Signed as the SET (tag 0x31); stored in SignerInfo as [0] IMPLICIT (tag 0xA0), same contents.
  const signature = await signer.sign(sha256(attributes));
  const signedAttrs = Buffer.concat([Buffer.from([0xa0]), attributes.subarray(1)]);

  const { issuer, serial } = issuerAndSerial(certificate);
  const signerInfo = sequence(
    smallInteger(1),
    sequence(issuer, serial),
    sequence(oid(OID.sha256)),
    signedAttrs,
    sequence(oid(OID.rsaEncryption), nullValue()),
    octetString(signature),
  );
  const signedData = sequence(
    smallInteger(1),
    setOf(sequence(oid(OID.sha256))),
    sequence(oid(OID.data)),
    contextTag(0, ...signer.certificateChain),
    setOf(signerInfo),
  );
  return sequence(oid(OID.signedData), contextTag(0, signedData));
}
