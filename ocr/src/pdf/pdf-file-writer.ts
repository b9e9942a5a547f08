import { open, type FileHandle } from 'node:fs/promises';
import { deflateSync } from 'node:zlib';
import { dict, ref, type DictEntries } from './pdf-syntax';

/**
 * An incremental PDF writer: objects go to disk as soon as they are produced (a 500-page dossier
 * is never held in memory), their byte offsets are remembered, and the cross-reference table and
 * trailer are written at the end. Object numbers can be reserved before the object is written
 * (the page tree is written last, although every page points to it).
 */
export class PdfFileWriter {
  private offset = 0;
  private readonly offsets: number[] = [0];
  private nextNumber = 1;

  private constructor(private readonly file: FileHandle) {}

  static async create(path: string): Promise<PdfFileWriter> {
    // 'wx': the temp path is ours alone; never clobber something that already exists.
    const writer = new PdfFileWriter(await open(path, 'wx'));
    // The binary comment tells transfer tools the file is binary (ISO 32000 7.5.2).
    await writer.write(Buffer.from('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n', 'latin1'));
    return writer;
  }

  /** Reserve an object number to be written later with writeObject/writeStream. */
  allocate(): number {
    return this.nextNumber++;
  }

  async writeObject(objectNumber: number, body: string): Promise<void> {
    this.offsets[objectNumber] = this.offset;
    await this.write(Buffer.from(`${objectNumber} 0 obj\n${body}\nendobj\n`, 'latin1'));
  }

  /** A stream object; `entries` must already carry /Filter etc.; /Length is added here. */
  async writeStream(objectNumber: number, entries: DictEntries, data: Uint8Array): Promise<void> {
    const inner = dict({ ...entries, Length: data.length }).slice(3, -3);
    await this.writeStreamWithDict(objectNumber, inner, data);
  }

  /** A stream whose dictionary entries are already serialized (copied objects); adds /Length. */
  async writeStreamWithDict(objectNumber: number, entries: string, data: Uint8Array): Promise<void> {
    this.offsets[objectNumber] = this.offset;
    const body = entries.includes('/Length ') ? entries : `${entries} /Length ${data.length}`;
    const head = `${objectNumber} 0 obj\n<< ${body} >>\nstream\n`;
    await this.write(Buffer.from(head, 'latin1'));
    await this.write(data);
    await this.write(Buffer.from('\nendstream\nendobj\n', 'latin1'));
  }

  /** A content stream (operators are ASCII/latin1), Flate-compressed. */
  async writeContent(objectNumber: number, content: string, extra: DictEntries = {}): Promise<void> {
    await this.writeStream(
      objectNumber,
      { ...extra, Filter: '/FlateDecode' },
      deflateSync(Buffer.from(content, 'latin1')),
    );
  }

  async add(body: string): Promise<number> {
    const n = this.allocate();
    await this.writeObject(n, body);
    return n;
  }

  async finish(trailer: { root: number; info: number; id: string }): Promise<void> {
    const xrefOffset = this.offset;
    const count = this.nextNumber;
    const lines = [`xref\n0 ${count}\n`, '0000000000 65535 f\r\n'];
    for (let n = 1; n < count; n++) {
      const at = this.offsets[n];
      if (at === undefined) throw new Error(`PDF object ${n} was reserved but never written`);
      lines.push(`${String(at).padStart(10, '0')} 00000 n\r\n`);
    }
    const trailerDict = dict({
      Size: count,
      Root: ref(trailer.root),
      Info: ref(trailer.info),
      ID: `[<${trailer.id}> <${trailer.id}>]`,
    });
    lines.push(`trailer\n${trailerDict}\nstartxref\n${xrefOffset}\n%%EOF\n`);
    await this.write(Buffer.from(lines.join(''), 'latin1'));
    await this.file.sync();
    await this.file.close();
  }

  /** Close without finishing (on error/cancel); the caller deletes the temp file. */
  async abandon(): Promise<void> {
    await this.file.close().catch(() => undefined);
  }

  private async write(data: Uint8Array): Promise<void> {
    let done = 0;
    while (done < data.length) {
      const { bytesWritten } = await this.file.write(data, done, data.length - done);
      done += bytesWritten;
    }
    this.offset += data.length;
  }
}
