import { hostFail } from './host-error';

export type FileKind = 'jpeg' | 'png' | 'tiff' | 'pdf';

export const MIME_BY_KIND: Record<FileKind, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  tiff: 'image/tiff',
  pdf: 'application/pdf',
};

/** Recognizes a file by its first bytes, never by its name (a text file named .pdf is not a PDF). */
export function detectKind(bytes: Uint8Array, name: string): FileKind {
  if (bytes.byteLength === 0) return hostFail('EMPTY_FILE', `${name} is empty (0 bytes).`, { file: name });
  const b = bytes;
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'png';
  if (
    (b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a && b[3] === 0) ||
    (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0 && b[3] === 0x2a)
  )
    return 'tiff';
  // PDF allows junk before the header within the first 1024 bytes.
  const head = Buffer.from(b.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return 'pdf';
  return hostFail('UNSUPPORTED_FORMAT', `${name} is not a JPEG, PNG, TIFF or PDF file.`, { file: name });
}
