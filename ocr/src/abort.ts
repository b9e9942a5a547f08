/** Abort handling of OCR jobs: one AbortError for every way a job can be stopped. */

export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw abortError();
}

export function abortError(): Error {
  return new DOMException('The OCR job was aborted', 'AbortError');
}

/**
 * `work`, or an AbortError as soon as the signal fires. Not Promise.race against one long-lived
 * "aborted" promise: every race leaves a reaction on that pending promise which keeps the race's
 * result reachable, so each page's OCR result stayed in memory until the job ended (~85 KB per
 * page of JS heap, found with heap snapshots of a 110-page run). Here the listener goes when the
 * work settles.
 */
export function untilAborted<T>(work: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) {
    // The caller started `work` before asking (`untilAborted(gen.next(), signal)`): it will settle
    // unobserved, and an AbortError it throws would crash the process as an unhandled rejection
    // (issue 9: Ctrl-C while the next input file was being read gave exit 1 and a stack trace).
    work.catch(() => undefined);
    return Promise.reject(abortError());
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
