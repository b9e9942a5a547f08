import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTemplate, layoutMap } from '@hoso/mindmap';
import { mapToPdf } from '../../renderer/src/features/mindmap/export/pdf';
import { FACTS, seqIds } from './fixtures';

const fontDir = path.resolve('node_modules/dejavu-fonts-ttf/ttf');
const fonts = {
  regular: readFileSync(path.join(fontDir, 'DejaVuSans.ttf')),
  bold: readFileSync(path.join(fontDir, 'DejaVuSans-Bold.ttf')),
};

function pdfText(bytes: Uint8Array, args: string[] = []): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hoso-map-pdf-'));
  const file = path.join(dir, 'map.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' }).normalize('NFC');
}

describe('PDF export', () => {
  it('A4 landscape with a title block; Vietnamese node text reads back intact', async () => {
    const model = await layoutMap(buildTemplate('evidence', FACTS, seqIds()), 'tree');
    const bytes = await mapToPdf({
      model,
      paper: 'A4',
      title: {
        caseNumber: FACTS.number,
        caseName: FACTS.name,
        mapName: 'Đánh giá chứng cứ',
        date: '22/11/2026',
      },
      fonts,
    });
    const info = execFileSync('pdfinfo', ['-'], { input: Buffer.from(bytes), encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+841\.89 x 595\.28/);
    const text = pdfText(bytes);
    for (const s of [
      'Đánh giá chứng cứ',
      'Vụ án số 45/CT-VKSKV3',
      'Ngày lập: 22/11/2026',
      'Ma Văn Khánh',
      'Người tham gia tố tụng',
      'Vấn đề cần làm rõ',
      'Chứng cứ gỡ tội',
    ])
      expect(text).toContain(s);
    // Words with letters from U+1EA0–U+1EF9 are the ones a wrong font breaks.
    expect(pdfText(bytes, ['-raw'])).toMatch(/Đề xuất hướng giải quyết/);
    // Nothing is cut: long titles and a provision's elements wrap (issue: "… trở lên…").
    expect(text).not.toContain('…');
    expect(pdfText(bytes, ['-raw']).replace(/\s+/g, ' ')).toMatch(
      /ý thức chiếm đoạt có trước khi nhận tài sản/,
    );
  });

  it('A3 landscape, edge labels as text', async () => {
    const model = await layoutMap(buildTemplate('timeline', FACTS, seqIds()), 'timeline');
    const bytes = await mapToPdf({
      model,
      paper: 'A3',
      title: { caseNumber: FACTS.number, caseName: '', mapName: 'Diễn biến vụ án', date: '22/11/2026' },
      fonts,
    });
    const info = execFileSync('pdfinfo', ['-'], { input: Buffer.from(bytes), encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+1190\.55 x 841\.89/);
    const text = pdfText(bytes);
    expect(text).toContain('trước - sau');
    expect(text).toContain('Kết luận điều tra');
    expect(text).toContain('38/KLĐT-CSĐT');
    expect(text).toContain('SỰ KIỆN · 26/05/2025');
  });
});
