/**
 * Progress on a terminal: pages done/total, pages per minute and time left, redrawn on one line
 * of stderr. Silent when stderr is not a TTY (logs, pipes) or with --quiet.
 */
export interface ProgressReporter {
  update(pagesDone: number): void;
  /** A second part of the line, e.g. pages per worker of a queue run. */
  detail(text: string): void;
  done(): void;
}

export function progressReporter(
  pagesTotal: number,
  stream: NodeJS.WriteStream,
  enabled: boolean,
  now: () => number = Date.now,
): ProgressReporter {
  if (!enabled || !stream.isTTY)
    return { update: () => undefined, detail: () => undefined, done: () => undefined };
  const started = now();
  let drawn = false;
  let lastDone = 0;
  let extra = '';
  const draw = (pagesDone: number) => {
    lastDone = pagesDone;
    const line = progressLine(pagesDone, pagesTotal, now() - started) + (extra ? ` · ${extra}` : '');
    stream.write(`\r\x1b[K${line.slice(0, Math.max(40, (stream.columns ?? 120) - 1))}`);
    drawn = true;
  };
  draw(0);
  return {
    update: draw,
    detail: (text) => {
      extra = text;
      draw(lastDone);
    },
    done: () => {
      if (drawn) stream.write('\n');
    },
  };
}

export function progressLine(pagesDone: number, pagesTotal: number, elapsedMs: number): string {
  const percent = pagesTotal ? Math.floor((100 * pagesDone) / pagesTotal) : 100;
  let line = `OCR ${pagesDone}/${pagesTotal} pages (${percent}%)`;
  if (pagesDone > 0 && elapsedMs > 0) {
    const perMinute = (pagesDone / elapsedMs) * 60_000;
    const leftMs = ((pagesTotal - pagesDone) / pagesDone) * elapsedMs;
    line += ` · ${perMinute.toFixed(1)} pages/min · ETA ${duration(leftMs)}`;
  }
  return line;
}

function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`;
}
