import { aggregateEntities, extractPage, pageWordsOf, type Entity, type Mention } from '@hoso/entities';
import type { PageToRead, WorkerReply, WorkerRequest } from './protocol';

/**
 * Talks to the extraction worker; where Workers are unavailable (a unit test in Node) the same
 * functions run in-thread. Requests are answered in order by id.
 */
let worker: Worker | null | undefined;
let nextId = 1;
const pending = new Map<number, (reply: WorkerReply) => void>();

function getWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker =
      typeof Worker === 'undefined'
        ? null
        : new Worker(new URL('./entities.worker.ts', import.meta.url), { type: 'module' });
    worker?.addEventListener('message', (e: MessageEvent<WorkerReply>) => {
      pending.get(e.data.id)?.(e.data);
      pending.delete(e.data.id);
    });
  } catch {
    worker = null;
  }
  return worker;
}

type Request = { type: 'extract'; pages: PageToRead[] } | { type: 'aggregate'; mentions: Mention[] };

function ask(r: Request): Promise<WorkerReply> {
  const w = getWorker();
  const id = nextId++;
  if (!w) {
    if (r.type === 'extract')
      return Promise.resolve({
        id,
        type: 'extracted',
        results: r.pages.map((p) => ({
          pageId: p.pageId,
          mentions: extractPage(pageWordsOf(p.ocr, p.pageId, p.documentId, p.corrections)),
        })),
      });
    return Promise.resolve({ id, type: 'aggregated', entities: aggregateEntities(r.mentions) });
  }
  return new Promise((resolve) => {
    pending.set(id, resolve);
    w.postMessage({ ...r, id } satisfies WorkerRequest);
  });
}

export async function readPages(pages: PageToRead[]): Promise<{ pageId: string; mentions: Mention[] }[]> {
  const reply = await ask({ type: 'extract', pages });
  if (reply.type === 'error') throw new Error(reply.message);
  if (reply.type !== 'extracted') throw new Error('unexpected worker reply');
  return reply.results;
}

export async function mergeMentions(mentions: Mention[]): Promise<Entity[]> {
  const reply = await ask({ type: 'aggregate', mentions });
  if (reply.type === 'error') throw new Error(reply.message);
  if (reply.type !== 'aggregated') throw new Error('unexpected worker reply');
  return reply.entities;
}
