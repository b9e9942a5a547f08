import fontkit from '@pdf-lib/fontkit';
import { SignPdf } from '@signpdf/signpdf';
import { Signer as SignPdfSigner, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFInvalidObject,
  PDFName,
  PDFNumber,
  PDFString,
  rgb,
  type PDFPage,
} from 'pdf-lib';
import { cadesDetachedSignature } from '../sign/cades';
import { SigningError, summarizeCertificate, type Signer } from '../sign/signer';
import { PRODUCER } from './searchable-pdf';

/**
 * Signs a PDF: PAdES baseline B-B (SubFilter ETSI.CAdES.detached, CMS from ../sign/cades.ts).
 * pdf-lib adds the signature field and widget, @signpdf/signpdf computes /ByteRange and fills
 * /Contents with the CMS of exactly those bytes. The placeholder is ours rather than
 * @signpdf/placeholder-pdf-lib's because that writes /Reason, /Location and /Name as PDFDocEncoding
 * literals, which cannot carry Vietnamese ("Sao y bản chính" would come out garbled).
 */
export interface SignPdfOptions {
  signer: Signer;
  reason?: string;
  location?: string;
  /** Show a signature block on the last page (who, when, why), in DejaVu Sans. */
  visible?: boolean;
  signingTime?: Date;
}

const BYTE_RANGE_PLACEHOLDER = '**********';
/** /Rect of the visible block: bottom right of the last page, in points. */
const BLOCK = { width: 250, height: 74, margin: 28, size: 8.5, leading: 11 };

export async function signPdfBytes(input: Uint8Array, options: SignPdfOptions): Promise<Buffer> {
  const doc = await loadUnsignedPdf(input);
  const signingTime = options.signingTime ?? new Date();
  const certificate = summarizeCertificate(options.signer.certificateChain[0]);
  const page = doc.getPage(doc.getPageCount() - 1);
  const rect = options.visible
    ? await drawSignatureBlock(doc, page, blockLines(certificate, options, signingTime))
    : [0, 0, 0, 0];
  const chainBytes = options.signer.certificateChain.reduce((n, c) => n + c.length, 0);
  addSignaturePlaceholder(doc, page, {
    // CMS = the chain + signed attributes + the signature (≤ 512 bytes for RSA-4096) + framing.
    signatureLength: chainBytes + 4096,
    reason: options.reason,
    location: options.location,
    name: certificate.commonName,
    signingTime,
    rect,
  });
  doc.setProducer(PRODUCER);
  doc.setModificationDate(signingTime);
  const prepared = Buffer.from(await doc.save({ useObjectStreams: false }));
  return new SignPdf().sign(prepared, new CadesSigner(options.signer));
}

/** Adapts our Signer to @signpdf's: it hands over the ByteRange-covered bytes. */
class CadesSigner extends SignPdfSigner {
  constructor(private readonly signer: Signer) {
    super();
  }
  override async sign(pdfBuffer: Buffer): Promise<Buffer> {
    return cadesDetachedSignature(pdfBuffer, this.signer);
  }
}

async function loadUnsignedPdf(input: Uint8Array): Promise<PDFDocument> {
  if (Buffer.from(input.subarray(0, 1024)).indexOf('%PDF-') < 0)
    throw new SigningError('not-pdf', 'the input is not a PDF file');
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(input, { updateMetadata: false });
  } catch (error) {
    if ((error as Error).name === 'EncryptedPDFError')
      throw new SigningError('encrypted-pdf', 'the input PDF is encrypted; decrypt it before signing');
    throw new SigningError('not-pdf', `the input PDF cannot be read (${(error as Error).message})`);
  }
  if (doc.getPageCount() === 0) throw new SigningError('not-pdf', 'the input PDF has no pages');
  const fields = doc.catalog
    .lookupMaybe(PDFName.of('AcroForm'), PDFDict)
    ?.lookupMaybe(PDFName.of('Fields'), PDFArray);
  const signed = (fields?.asArray() ?? []).some((field) => {
    const dict = doc.context.lookup(field);
    return (
      dict instanceof PDFDict &&
      dict.get(PDFName.of('FT'))?.toString() === '/Sig' &&
      dict.has(PDFName.of('V'))
    );
  });
  if (signed)
    // Rewriting the file would break the signature already in it (a countersignature would have to
    // be an incremental update, which HoSo does not write).
    throw new SigningError(
      'already-signed',
      'the input PDF is already signed; signing it again would invalidate that signature',
    );
  return doc;
}

function addSignaturePlaceholder(
  doc: PDFDocument,
  page: PDFPage,
  o: {
    signatureLength: number;
    reason?: string;
    location?: string;
    name: string;
    signingTime: Date;
    rect: number[];
  },
): void {
  const { context } = doc;
  const byteRange = PDFArray.withContext(context);
  byteRange.push(PDFNumber.of(0));
  for (let i = 0; i < 3; i++) byteRange.push(PDFName.of(BYTE_RANGE_PLACEHOLDER));
  const text = (value: string) => PDFHexString.fromText(value.normalize('NFC'));
  const signature = context.obj({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: SUBFILTER_ETSI_CADES_DETACHED,
    // @signpdf looks for /Contents after /ByteRange; pdf-lib writes keys in insertion order.
    ByteRange: byteRange,
    Contents: PDFHexString.of('0'.repeat(o.signatureLength * 2)),
    M: PDFString.fromDate(o.signingTime),
    Name: text(o.name),
    ...(o.reason ? { Reason: text(o.reason) } : {}),
    ...(o.location ? { Location: text(o.location) } : {}),
    Prop_Build: { App: { Name: 'HoSo' } },
  });
  // Written as raw bytes so pdf-lib never moves it into an object stream (@signpdf searches text).
  const bytes = new Uint8Array(signature.sizeInBytes());
  signature.copyBytesInto(bytes, 0);
  const signatureRef = context.register(PDFInvalidObject.of(bytes));

  const appearance = context.register(
    context.formXObject([], { BBox: [0, 0, o.rect[2] - o.rect[0], o.rect[3] - o.rect[1]], Resources: {} }),
  );
  const widget = context.register(
    context.obj({
      Type: 'Annot',
      Subtype: 'Widget',
      FT: 'Sig',
      Rect: o.rect,
      V: signatureRef,
      T: PDFHexString.fromText('Chữ ký số HoSo'),
      F: 4, // Print
      P: page.ref,
      AP: { N: appearance },
    }),
  );
  const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray) ?? context.obj([]);
  annots.push(widget);
  page.node.set(PDFName.of('Annots'), annots);
  let form = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  if (!form) {
    form = context.obj({ Fields: [] });
    doc.catalog.set(PDFName.of('AcroForm'), context.register(form));
  }
  // SignaturesExist | AppendOnly (ISO 32000 12.7.2).
  form.set(PDFName.of('SigFlags'), PDFNumber.of(3));
  const fields = form.lookupMaybe(PDFName.of('Fields'), PDFArray) ?? context.obj([]);
  fields.push(widget);
  form.set(PDFName.of('Fields'), fields);
}

function blockLines(
  certificate: ReturnType<typeof summarizeCertificate>,
  options: SignPdfOptions,
  at: Date,
): string[] {
  // Vietnam keeps UTC+7 all year; a prosecutor reads the local time.
  const local = new Date(at.getTime() + 7 * 3600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  const when = `${two(local.getUTCDate())}/${two(local.getUTCMonth() + 1)}/${local.getUTCFullYear()} ${two(local.getUTCHours())}:${two(local.getUTCMinutes())} (UTC+7)`;
  return [
    `Ký số bởi: ${certificate.commonName}`,
    ...(certificate.organization ? [`Đơn vị: ${certificate.organization}`] : []),
    `Thời gian ký: ${when}`,
    ...(options.reason ? [`Lý do: ${options.reason}`] : []),
    ...(options.location ? [`Nơi ký: ${options.location}`] : []),
  ].map((line) => line.normalize('NFC'));
}

const require = createRequire(import.meta.url);

/** Draws the block on the page (bottom right, above the margin) and returns its /Rect. */
async function drawSignatureBlock(doc: PDFDocument, page: PDFPage, lines: string[]): Promise<number[]> {
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(await readFile(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')), {
    subset: true,
  });
  const { width: pageWidth } = page.getSize();
  const { x: boxX, y: boxY } = page.getMediaBox();
  const width = Math.min(BLOCK.width, pageWidth - 2 * BLOCK.margin);
  const height = Math.max(BLOCK.height, lines.length * BLOCK.leading + 12);
  const x = boxX + pageWidth - BLOCK.margin - width;
  const y = boxY + BLOCK.margin;
  page.drawRectangle({
    x,
    y,
    width,
    height,
    color: rgb(1, 1, 1),
    borderColor: rgb(0.75, 0, 0),
    borderWidth: 1,
    opacity: 0.92,
  });
  lines.forEach((line, i) => {
    let shown = line;
    // Long names or reasons are cut to the block's width rather than running off it.
    while (shown.length > 4 && font.widthOfTextAtSize(shown, BLOCK.size) > width - 12)
      shown = `${shown.slice(0, -2)}…`;
    page.drawText(shown, {
      x: x + 6,
      y: y + height - 6 - BLOCK.size - i * BLOCK.leading,
      size: BLOCK.size,
      font,
      color: rgb(0.6, 0, 0),
    });
  });
  return [x, y, x + width, y + height];
}
