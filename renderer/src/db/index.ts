/**
 * The data layer: every read and write of the user's data goes through these functions (writes in
 * Dexie transactions; errors are DbError values with a code the UI translates). Every function
 * takes the database as an optional last argument (tests pass a fake-indexeddb instance).
 */
export { HosoDb, getDb, setDb, SCHEMA_VERSION } from './schema';
export type { ImportRecord, SearchPosting, SettingRecord } from './schema';
export * from './errors';
export * from './cases';
export * from './volumes';
export * from './documents';
export * from './pages';
export * from './imports';
export * from './inbox';
export * from './folios';
export * from './search';
export * from './bundle';
export * from './maps';
export * from './presentations';
export * from './settings';
export * from './entities';
export * from './hooks';
export { indexStats, readIndexStats, SEGMENT_PAGES } from './searchIndex';
