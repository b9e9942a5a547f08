export * from './case';
export * from './folios';
export * from './words';
export * from './metadata';
export * from './presentation';
