import { describe, expect, it } from 'vitest';
import { parseTsv } from '../../../ocr/src/recognize/tsv';

const TSV = [
  'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
  '1\t1\t0\t0\t0\t0\t0\t0\t2000\t3000\t-1\t',
  '2\t1\t1\t0\t0\t0\t100\t200\t800\t60\t-1\t',
  '3\t1\t1\t1\t0\t0\t100\t200\t800\t60\t-1\t',
  '4\t1\t1\t1\t1\t0\t100\t200\t800\t60\t-1\t',
  '5\t1\t1\t1\t1\t1\t100\t205\t120\t50\t96.5\tCỘNG',
  '5\t1\t1\t1\t1\t2\t240\t205\t100\t50\t91\tHÒA',
  '2\t1\t2\t0\t0\t0\t100\t400\t900\t50\t-1\t',
  '3\t1\t2\t1\t0\t0\t100\t400\t900\t50\t-1\t',
  '4\t1\t2\t1\t1\t0\t100\t400\t900\t50\t-1\t',
  '5\t1\t2\t1\t1\t1\t100\t400\t90\t50\t88\tĐiều',
  '',
].join('\n');

describe('parseTsv', () => {
  it('builds blocks of lines of words with boxes and confidences', () => {
    const blocks = parseTsv(TSV);
    expect(blocks).toHaveLength(2);
    expect(blocks[0].lines[0].words.map((w) => w.text)).toEqual(['CỘNG', 'HÒA']);
    expect(blocks[0].lines[0].words[0]).toEqual({
      text: 'CỘNG',
      bbox: { x0: 100, y0: 205, x1: 220, y1: 255 },
      confidence: 96.5,
    });
    expect(blocks[1].bbox).toEqual({ x0: 100, y0: 400, x1: 1000, y1: 450 });
    expect(blocks[1].lines[0].words[0].text).toBe('Điều');
  });
});
