/**
 * Full-text search without storage: how a page becomes postings, how postings are packed into
 * term segments, and how segments are ranked (BM25 + proximity). No DOM, Node or Dexie: the
 * renderer's db/ reads and writes the segments; tests run these on plain arrays.
 */
export * from './segments';
export * from './postings';
export * from './rank';
