// Public API of @hoso/ocr. Other modules (pdf writer, CLI) add their exports below; keep additive.
export { inspectInputs } from './decode/inspect';
export { recognizePages } from './pipeline';
export { InputError } from './types';
export type { EngineTuning, InputFormat, OcrOptions, OcrProgress, PageSource } from './types';
export * from './pdf';
export { runCli } from './cli/main';
