export * from './normalize';
export * from './tokenize';
export * from './query';
export * from './snippet';
export * from './redaction-patterns';
export * from './redaction-hits';
export * from './redaction-words';
export * from './redaction-geometry';
