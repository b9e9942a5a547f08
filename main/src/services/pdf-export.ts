import type { ExportPdfRequest } from '@hoso/contracts';
import { ExportPdfRequestSchema } from '@hoso/contracts';
import type { FileStore } from './file-store';
import { hostFail } from './host-error';

/** Builds the searchable PDF of an export with the ocr package's writer. */
export async function writeExportPdf(store: FileStore, input: ExportPdfRequest): Promise<Uint8Array> {
  const request = ExportPdfRequestSchema.parse(input);
  for (const page of request.pages) await store.getFile(page.fileHash);
  return hostFail('NOT_SUPPORTED', 'PDF export is not available yet.');
}
