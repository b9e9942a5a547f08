export * from './result';
export * from './ocr';
export * from './bridge';
export * from './custody';
