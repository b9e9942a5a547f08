import { foldDiacritics } from '@hoso/text';

/**
 * Where a new paper starts in a run of pages with no document records (a words file from the CLI):
 * a page whose top carries the national motto or a document number line ("Số: 712/KLĐT-PC01").
 * Short forms of names link only within one paper, so this matters for "Bảo" → "Trần Quốc Bảo".
 * Returns a document index per page.
 */
export function splitDocuments(pages: readonly { lines: readonly string[] }[]): number[] {
  let doc = -1;
  return pages.map((p, i) => {
    const head = foldDiacritics(p.lines.slice(0, 12).join('\n'));
    const starts = /cong hoa xa hoi chu nghia|doc lap\s*[-–]?\s*tu do|(^|\n)\s*so\s*[:.]\s*\d+\s*\//.test(
      head,
    );
    if (i === 0 || starts) doc += 1;
    return doc;
  });
}
