import type { OutlineEntry } from '@hoso/contracts';
import type { PdfFileWriter } from './pdf-file-writer';
import { dict, ref, textString } from './pdf-syntax';

/**
 * PDF bookmarks (volume → document, nested as given). Written after the pages, when every page's
 * object number is known. Entries pointing past the last page are dropped rather than dangling.
 */
export async function writeOutline(
  writer: PdfFileWriter,
  entries: OutlineEntry[],
  pageObjects: number[],
): Promise<number | undefined> {
  const usable = prune(entries, pageObjects.length);
  if (usable.length === 0) return undefined;
  const root = writer.allocate();
  const { first, last, count } = await writeLevel(writer, usable, root, pageObjects);
  await writer.writeObject(
    root,
    dict({ Type: '/Outlines', First: ref(first), Last: ref(last), Count: count }),
  );
  return root;
}

function prune(entries: OutlineEntry[], pages: number): OutlineEntry[] {
  return entries
    .filter((e) => e.pageIndex >= 0 && e.pageIndex < pages)
    .map((e) => ({ ...e, children: e.children ? prune(e.children, pages) : undefined }));
}

async function writeLevel(
  writer: PdfFileWriter,
  entries: OutlineEntry[],
  parent: number,
  pageObjects: number[],
): Promise<{ first: number; last: number; count: number }> {
  const numbers = entries.map(() => writer.allocate());
  let count = entries.length;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    let kids: { first: number; last: number; count: number } | undefined;
    if (entry.children && entry.children.length > 0) {
      kids = await writeLevel(writer, entry.children, numbers[i], pageObjects);
      count += kids.count;
    }
    await writer.writeObject(
      numbers[i],
      dict({
        Title: textString(entry.title),
        Parent: ref(parent),
        Prev: i > 0 ? ref(numbers[i - 1]) : undefined,
        Next: i < entries.length - 1 ? ref(numbers[i + 1]) : undefined,
        First: kids ? ref(kids.first) : undefined,
        Last: kids ? ref(kids.last) : undefined,
        // Positive: open, so volumes show their documents.
        Count: kids ? kids.count : undefined,
        Dest: `[${ref(pageObjects[entry.pageIndex])} /Fit]`,
      }),
    );
  }
  return { first: numbers[0], last: numbers[numbers.length - 1], count };
}
