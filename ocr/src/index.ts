// Public API of @hoso/ocr. Other modules (pdf writer, CLI) add their exports below; keep additive.
export { inspectInputs } from './decode/inspect';
export { recognizePages } from './pipeline';
export { InputError } from './types';
export type { EngineTuning, InputFormat, OcrOptions, OcrProgress, PageSource } from './types';
export * from './pdf';
export { runCli } from './cli/main';
export { p12Signer } from './sign/p12-signer';
export { SigningError, summarizeCertificate } from './sign/signer';
export type { CertificateSummary, Signer } from './sign/signer';
