import type { HostEvent } from '@hoso/contracts';

export type HostEventListener = (event: HostEvent) => void;

/** Fan-out of host events to the HTTP SSE stream and the Electron windows. */
export class EventBus {
  private readonly listeners = new Set<HostEventListener>();

  subscribe(listener: HostEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: HostEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A broken listener (closed socket) must not stop the others.
      }
    }
  }
}
