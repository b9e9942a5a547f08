/**
 * Decoded-image cache. The next exhibit must appear in under 100 ms, so the neighbours of the
 * current exhibit are fetched and decoded (`img.decode()`) ahead; a decoded <img> kept alive here
 * lets the browser paint the same URL again without decoding it on the critical path.
 */
export interface DecodedImage {
  width: number;
  height: number;
}

const decoded = new Map<string, { img: HTMLImageElement; ready: Promise<DecodedImage> }>();
const sizes = new Map<string, DecodedImage>();
const LIMIT = 24;

export function preloadImage(url: string): Promise<DecodedImage> {
  const hit = decoded.get(url);
  if (hit) {
    // Most recently used last, so eviction drops the oldest.
    decoded.delete(url);
    decoded.set(url, hit);
    return hit.ready;
  }
  const img = new Image();
  img.decoding = 'async';
  img.src = url;
  const ready = img.decode().then(
    () => {
      const size = { width: img.naturalWidth, height: img.naturalHeight };
      sizes.set(url, size);
      return size;
    },
    (err: unknown) => {
      decoded.delete(url);
      throw err;
    },
  );
  decoded.set(url, { img, ready });
  while (decoded.size > LIMIT) decoded.delete(decoded.keys().next().value as string);
  return ready;
}

/** Size of an image already decoded, to lay it out in the same frame it is shown. */
export function decodedSize(url: string): DecodedImage | undefined {
  return decoded.has(url) ? sizes.get(url) : undefined;
}
