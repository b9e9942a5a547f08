// The OCR queue of a digitization centre (BullMQ on Redis): `hoso worker` and `hoso ocr --queue`.
export { maskRedisUrl, parseRedisUrl, type RedisTarget } from './connection';
export {
  recognizePagesViaQueue,
  QueueError,
  type QueueOcrOptions,
  type QueueProgress,
  type QueuedPage,
} from './submit';
export { startQueueWorker, type QueueWorker, type QueueWorkerOptions, type WorkerEvent } from './worker';
