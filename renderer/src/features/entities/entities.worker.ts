/// <reference lib="webworker" />
import { aggregateEntities, extractPage, pageWordsOf } from '@hoso/entities';
import type { WorkerReply, WorkerRequest } from './protocol';

/** The dossier reader off the main thread: the panel stays smooth while 2 000 pages are read. */
self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const req = event.data;
  let reply: WorkerReply;
  try {
    if (req.type === 'extract') {
      reply = {
        id: req.id,
        type: 'extracted',
        results: req.pages.map((p) => ({
          pageId: p.pageId,
          mentions: extractPage(pageWordsOf(p.ocr, p.pageId, p.documentId, p.corrections)),
        })),
      };
    } else reply = { id: req.id, type: 'aggregated', entities: aggregateEntities(req.mentions) };
  } catch (error) {
    reply = { id: req.id, type: 'error', message: (error as Error).message };
  }
  (self as unknown as Worker).postMessage(reply);
};
