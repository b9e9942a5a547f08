export * from './result';
export * from './ocr';
export * from './bridge';
export * from './commands';
export * from './custody';
export * from './scan';
export * from './inbox';
