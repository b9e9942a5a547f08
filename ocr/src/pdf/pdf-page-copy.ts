import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFRawStream,
  PDFRef,
  PDFStream,
  type PDFObject,
} from 'pdf-lib';
import { quietPdfLib } from '../decode/quiet-pdf-lib';
import { deflateSync } from 'node:zlib';
import type { PdfFileWriter } from './pdf-file-writer';
import { array, multiply, rotate, translate, type Matrix } from './pdf-syntax';

/**
 * Copies a page of an input PDF into the output as a Form XObject, its resources (scanned images,
 * fonts) written byte for byte. As a form, a PDF page is drawn exactly like a scan image: turned
 * and straightened by the same placement matrix, under the same text layer.
 */
export interface CopiedPage {
  formObject: number;
  /** Size of the page as displayed (its /Rotate applied), in points. */
  widthPt: number;
  heightPt: number;
}

/** Objects of one input document already copied (shared fonts/images are written once). */
export class PdfPageCopier {
  private readonly copied = new Map<string, number>();
  private readonly pending: Array<[PDFRef, number]> = [];

  private constructor(
    private readonly doc: PDFDocument,
    private readonly writer: PdfFileWriter,
  ) {}

  static async load(bytes: Uint8Array, writer: PdfFileWriter): Promise<PdfPageCopier> {
    const doc = await quietPdfLib(() => PDFDocument.load(bytes, { updateMetadata: false }));
    return new PdfPageCopier(doc, writer);
  }

  get pageCount(): number {
    return this.doc.getPageCount();
  }

  async copyPage(pageIndex: number): Promise<CopiedPage> {
    const page = this.doc.getPage(pageIndex);
    const box = page.getCropBox();
    const turn = ((page.getRotation().angle % 360) + 360) % 360;
    const sideways = turn === 90 || turn === 270;
    const widthPt = sideways ? box.height : box.width;
    const heightPt = sideways ? box.width : box.height;

    // The form's matrix shows the page as a viewer would: its /Rotate applied, origin at 0,0.
    let m: Matrix = translate(-box.x - box.width / 2, -box.y - box.height / 2);
    m = multiply(m, rotate(-turn));
    m = multiply(m, translate(widthPt / 2, heightPt / 2));

    const resources = page.node.Resources();
    const content = this.pageContent(page.node.Contents());
    const formObject = this.writer.allocate();
    await this.writer.writeStream(
      formObject,
      {
        Type: '/XObject',
        Subtype: '/Form',
        BBox: array([box.x, box.y, box.x + box.width, box.y + box.height]),
        Matrix: array(m),
        Resources: resources ? this.serialize(resources) : '<< >>',
        Filter: '/FlateDecode',
      },
      deflateSync(content),
    );
    await this.flush();
    return { formObject, widthPt, heightPt };
  }

  /** The page's content streams decoded and joined: a form has exactly one stream. */
  private pageContent(contents: PDFStream | PDFArray | undefined): Buffer {
    const streams: PDFObject[] =
      contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
    const parts: Buffer[] = [];
    for (const item of streams) {
      const stream = item instanceof PDFRef ? this.doc.context.lookup(item) : item;
      if (stream instanceof PDFRawStream) parts.push(Buffer.from(decodePDFRawStream(stream).decode()));
      else if (stream instanceof PDFStream) parts.push(Buffer.from(stream.getContents()));
      parts.push(Buffer.from('\n'));
    }
    return Buffer.concat(parts);
  }

  /** A PDF object as text, its references renumbered into the output (queued to be copied). */
  private serialize(obj: PDFObject): string {
    if (obj instanceof PDFRef) {
      const key = obj.toString();
      let n = this.copied.get(key);
      if (n === undefined) {
        n = this.writer.allocate();
        this.copied.set(key, n);
        this.pending.push([obj, n]);
      }
      return `${n} 0 R`;
    }
    if (obj instanceof PDFDict) {
      const parts = obj.entries().map(([key, value]) => `${key.toString()} ${this.serialize(value)}`);
      return `<< ${parts.join(' ')} >>`;
    }
    if (obj instanceof PDFArray)
      return `[${obj
        .asArray()
        .map((o) => this.serialize(o))
        .join(' ')}]`;
    return obj.toString();
  }

  private async flush(): Promise<void> {
    for (let item = this.pending.shift(); item; item = this.pending.shift()) {
      const [source, n] = item;
      const obj = this.doc.context.lookup(source);
      if (obj instanceof PDFRawStream) {
        const entries = obj.dict.entries().filter(([key]) => key.asString() !== '/Length');
        const head = entries.map(([key, value]) => `${key.toString()} ${this.serialize(value)}`).join(' ');
        // Raw bytes, filters untouched: the scan inside a scanned PDF stays byte-identical.
        await this.writer.writeStreamWithDict(n, `${head} /Length ${obj.contents.length}`, obj.contents);
      } else if (obj === undefined) {
        await this.writer.writeObject(n, 'null');
      } else {
        await this.writer.writeObject(n, this.serialize(obj));
      }
    }
  }
}
