/**
 * A fixed set of engine slots (a worker, a helper process), handed out one page at a time in
 * arrival order. Shared by the WebAssembly pool and the resident native engine; `close` rejects
 * every page still waiting, so terminating an engine never leaves a caller hanging.
 */
export class Slots<S> {
  readonly all: S[];
  private readonly idle: S[];
  private readonly waiting: Array<{ resolve: (slot: S) => void; reject: (err: Error) => void }> = [];
  private closed = false;

  constructor(
    count: number,
    make: () => S,
    private readonly closedMessage: string,
  ) {
    this.all = Array.from({ length: Math.max(1, count) }, make);
    this.idle = [...this.all];
  }

  get isClosed(): boolean {
    return this.closed;
  }

  acquire(): Promise<S> {
    if (this.closed) return Promise.reject(new Error(this.closedMessage));
    const slot = this.idle.shift();
    if (slot) return Promise.resolve(slot);
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  release(slot: S): void {
    const next = this.waiting.shift();
    if (next) next.resolve(slot);
    else this.idle.push(slot);
  }

  /** Runs `work` with a slot, giving it back however `work` ends. */
  async with<T>(work: (slot: S) => Promise<T>): Promise<T> {
    const slot = await this.acquire();
    try {
      return await work(slot);
    } finally {
      this.release(slot);
    }
  }

  close(): void {
    this.closed = true;
    for (const w of this.waiting.splice(0)) w.reject(new Error(this.closedMessage));
  }
}
