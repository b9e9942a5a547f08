import { readdirSync, readFileSync } from 'node:fs';

const PAGE = 4096;

/** Resident bytes of a process and all its descendants (Linux /proc; elsewhere this process only). */
export function treeRss(pid = process.pid): number {
  try {
    const rss = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE;
    let children = 0;
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const kids = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
      for (const kid of kids ? kids.split(' ') : []) children += treeRss(Number(kid));
    }
    return rss + children;
  } catch {
    return pid === process.pid ? process.memoryUsage().rss : 0;
  }
}

/**
 * Peak of treeRss() sampled every `everyMs` between start() and stop(): the memory a job holds
 * with its Tesseract processes, which process.resourceUsage().maxRSS (this process alone, and
 * never reset) does not show.
 */
export function rssSampler(everyMs = 100): { stop(): number } {
  let peak = treeRss();
  const timer = setInterval(() => (peak = Math.max(peak, treeRss())), everyMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, treeRss());
    },
  };
}
