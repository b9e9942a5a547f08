import { useEffect, useState } from 'react';

/**
 * Small thumbnails made in the renderer from the host's full-size page images: a 300-dpi A4 scan
 * is ~2 500 × 3 500 px, and letting <img> decode and shrink that for every thumbnail made a
 * 2 000-page dossier stutter while scrolling. Each page is fetched and downscaled once
 * (createImageBitmap decodes off the main thread), kept as a small JPEG blob URL, and the cache
 * is bounded (least recently used are revoked).
 */
const MAX_ENTRIES = 800;
const CONCURRENCY = 3;
const cache = new Map<string, Promise<string>>();
const queue: (() => void)[] = [];
let running = 0;

function schedule<T>(work: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const start = () => {
      running++;
      work()
        .then(resolve, reject)
        .finally(() => {
          running--;
          queue.shift()?.();
        });
    };
    if (running < CONCURRENCY) start();
    else queue.push(start);
  });
}

async function makeThumbnail(src: string, width: number): Promise<string> {
  const response = await fetch(src);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const bitmap = await createImageBitmap(await response.blob(), {
    resizeWidth: width,
    resizeQuality: 'medium',
  });
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
  bitmap.close();
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 });
  return URL.createObjectURL(blob);
}

export function thumbnailUrl(src: string, width: number): Promise<string> {
  const key = `${src}@${width}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit); // most recently used last
    return hit;
  }
  const made = schedule(() => makeThumbnail(src, width));
  cache.set(key, made);
  made.catch(() => cache.delete(key));
  while (cache.size > MAX_ENTRIES) {
    const [oldKey, old] = cache.entries().next().value!;
    cache.delete(oldKey);
    void old.then(
      (url) => URL.revokeObjectURL(url),
      () => undefined,
    );
  }
  return made;
}

/** The thumbnail's blob URL once made; the full image URL if making it failed. */
export function useThumbnail(src: string, width: number): string | undefined {
  const [url, setUrl] = useState<{ src: string; url: string } | undefined>(undefined);
  useEffect(() => {
    let live = true;
    thumbnailUrl(src, width).then(
      (u) => live && setUrl({ src, url: u }),
      () => live && setUrl({ src, url: src }),
    );
    return () => {
      live = false;
    };
  }, [src, width]);
  return url?.src === src ? url.url : undefined;
}
