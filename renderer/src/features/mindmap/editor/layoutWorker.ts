import ELK from 'elkjs/lib/elk-api.js';
import workerUrl from 'elkjs/lib/elk-worker.min.js?url';
import { setLayoutEngine } from '@hoso/mindmap';

/**
 * Runs elkjs in a Web Worker so a large auto-layout never freezes the editor (the map keeps
 * panning while it computes). Same-origin script, allowed by the CSP's worker-src 'self'.
 */
let installed = false;
export function installWorkerLayout(): void {
  if (installed || typeof Worker === 'undefined') return;
  installed = true;
  try {
    setLayoutEngine(new ELK({ workerUrl }));
  } catch {
    // No worker (unusual sandbox): elkjs runs in-thread, slower to feel but the same result.
    setLayoutEngine(null);
  }
}
