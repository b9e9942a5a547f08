import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { detectBlankPage } from '../../ocr/src/blank/blank-page';
import { A4, blankCases } from './blank-pages';

/**
 * The blank-page detector on made pages (see blank-pages.ts). Its promise: it never drops a page
 * that carries writing (false-drop rate 0), and it finds most blank backs. Prints the table.
 */
describe('blank-page detection', () => {
  it('never drops a page with text, and finds the blank backs', async () => {
    const cases = await blankCases(4);
    const rows: Array<{ kind: string; group: string; blank: boolean; largest: number }> = [];
    for (const c of cases) {
      const dpi = (await sharp(c.png).metadata()).density ?? A4.dpi;
      const v = await detectBlankPage(c.png, dpi);
      rows.push({
        kind: c.kind,
        group: c.name.replace(/ #\d+$/, ''),
        blank: v.blank,
        largest: v.largestMark,
      });
    }
    const groups = [...new Set(rows.map((r) => r.group))];
    const table = groups.map((g) => {
      const of = rows.filter((r) => r.group === g);
      const dropped = of.filter((r) => r.blank).length;
      return `| ${g} | ${of[0].kind} | ${of.length} | ${dropped} | ${of.map((r) => r.largest).join(' ')} |`;
    });
    const text = rows.filter((r) => r.kind === 'text');
    const blank = rows.filter((r) => r.kind === 'blank');
    const falseDrops = text.filter((r) => r.blank).length;
    const found = blank.filter((r) => r.blank).length;
    console.log(
      [
        '| pages | kind | n | detected blank | largest mark (px @150 dpi) |',
        '| --- | --- | --- | --- | --- |',
        ...table,
        `false-drop rate (pages with text detected blank): ${falseDrops}/${text.length}`,
        `blank recall: ${found}/${blank.length}`,
      ].join('\n'),
    );
    expect(falseDrops).toBe(0);
    expect(found / blank.length).toBeGreaterThanOrEqual(0.75);
  });
});
