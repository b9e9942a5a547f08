export * from './normalize';
export * from './tokenize';
export * from './query';
export * from './snippet';
