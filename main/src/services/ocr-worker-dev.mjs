// Worker entry when running from TypeScript sources (tsx, vitest): registers tsx in this thread,
// then loads the real entry. The Electron build bundles ocr-worker.ts instead.
import { register } from 'tsx/esm/api';

register();
await import('./ocr-worker.ts');
