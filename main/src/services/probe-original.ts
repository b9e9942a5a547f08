import type { StoredFilePage } from '@hoso/contracts';
import { InputError, probePages, sniffFormat, type InputFormat } from '@hoso/ocr/probe';
import { hostFail } from './host-error';

/**
 * The host's side of the one page probe (@hoso/ocr/probe): it only words the OCR package's
 * verdict as the host error codes the renderer knows. The rules (formats, limits, dpi) live there.
 */

/** Refuses a file by its first bytes, never by its name (a text file named .pdf is not a PDF). */
export function checkHead(head: Uint8Array, name: string): void {
  if (head.byteLength === 0) hostFail('EMPTY_FILE', `${name} is empty (0 bytes).`, { file: name });
  if (!sniffFormat(head))
    hostFail('UNSUPPORTED_FORMAT', `${name} is not a JPEG, PNG, TIFF or PDF file.`, { file: name });
}

/** Measures every page of an original. Throws HostFailure naming the file/page on bad input. */
export async function probeOriginal(
  bytes: Uint8Array,
  name: string,
): Promise<{ format: InputFormat; pages: StoredFilePage[] }> {
  checkHead(bytes.subarray(0, 1024), name);
  try {
    return await probePages(bytes, name);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    const format = sniffFormat(bytes.subarray(0, 1024));
    return hostFail(hostCode(err.code, format), err.message, {
      file: name,
      // InputError counts pages from 1 as the CLI shows them; the host's pages are indices.
      ...(err.page !== undefined ? { page: err.page - 1 } : {}),
    });
  }
}

function hostCode(code: string, format: InputFormat | undefined): string {
  switch (code) {
    case 'empty-file':
      return 'EMPTY_FILE';
    case 'not-a-pdf':
    case 'unsupported-format':
      return 'UNSUPPORTED_FORMAT';
    case 'image-too-large':
      return 'IMAGE_TOO_LARGE';
    case 'encrypted-pdf':
      return 'ENCRYPTED_PDF';
    case 'unsupported-tiff-compression':
      return 'UNSUPPORTED_TIFF_COMPRESSION';
    default:
      // corrupt-file, no-pages: the file's bytes do not make a readable page.
      return format === 'pdf' ? 'CORRUPT_PDF' : 'CORRUPT_IMAGE';
  }
}
