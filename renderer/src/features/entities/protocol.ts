import type { OcrPage } from '@hoso/contracts';
import type { WordCorrection } from '@hoso/domain';
import type { Entity, Mention } from '@hoso/entities';

/** Messages between the panel and the extraction worker (entities.worker.ts). */
export interface PageToRead {
  pageId: string;
  documentId: string;
  ocr: OcrPage;
  corrections: WordCorrection[];
}
export type WorkerRequest =
  | { id: number; type: 'extract'; pages: PageToRead[] }
  | { id: number; type: 'aggregate'; mentions: Mention[] };
export type WorkerReply =
  | { id: number; type: 'extracted'; results: { pageId: string; mentions: Mention[] }[] }
  | { id: number; type: 'aggregated'; entities: Entity[] }
  | { id: number; type: 'error'; message: string };
