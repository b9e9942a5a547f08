import type { Entity, Mention } from '@hoso/entities';
import type { PageToRead } from '../../db/entityReading';

export type { PageToRead };

/** Messages between the panel and the extraction worker (entities.worker.ts). */
export type WorkerRequest =
  | { id: number; type: 'extract'; pages: PageToRead[] }
  | { id: number; type: 'aggregate'; mentions: Mention[] };
export type WorkerReply =
  | { id: number; type: 'extracted'; results: { pageId: string; mentions: Mention[] }[] }
  | { id: number; type: 'aggregated'; entities: Entity[] }
  | { id: number; type: 'error'; message: string };
