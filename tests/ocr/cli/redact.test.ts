import { foldDiacritics } from '@hoso/text';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  appendFileSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { degrees, PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfInfo, pdfText, renderPage } from '../pdf/read-pdf';
import { DOSSIER } from '../pdf/truth-pages';
import { leftovers, runHosoInProcess, sha256 } from './run-hoso';

// Two real pages of the sample dossier, OCR'd by the real `hoso ocr`: page 1 (a decision) names
// the defendant's date of birth, page 2 (a witness statement) the witness, her CCCD number and year
// of birth.
const dir = mkdtempSync(join(tmpdir(), 'hoso-redact-'));
const input = join(dir, 'hồ sơ.pdf');
const words = join(dir, 'hồ sơ.words.json');
const CCCD = '064188004512';
const WITNESS = 'Trần Thị Thu Hường';

beforeAll(async () => {
  const run = await runHosoInProcess([
    'ocr',
    join(DOSSIER, '01-quyet-dinh-phe-chuan-khoi-to.jpg'),
    join(DOSSIER, '02-bien-ban-ghi-loi-khai.jpg'),
    '-o',
    input,
    '--words',
    words,
    '--jobs',
    '2',
    '-q',
  ]);
  expect(run.code, run.stderr).toBe(0);
  // The fixture must carry what we redact, or the test proves nothing.
  const text = pdfText(input).normalize('NFC');
  expect(text).toContain(CCCD);
  expect(text).toContain(WITNESS);
  expect(text).toContain('17 tháng 8 năm 1996');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const wordsOf = (text: string) => text.normalize('NFC').split(/\s+/).filter(Boolean);
const folded = (text: string) => foldDiacritics(text).replace(/\s+/g, ' ');

function listHits(args: string[]) {
  return runHosoInProcess(['redact', input, '--list', ...args]).then((run) => {
    expect(run.code, run.stderr).toBe(0);
    return run.stdout
      .trim()
      .split('\n')
      .map((line) => {
        const [page, rule, text, box] = line.split('\t');
        const [, coords] = box.split(':');
        return { page: Number(page), rule, text, box: coords.split(',').map(Number) };
      });
  });
}

function imageHashes(file: string): Map<number, string[]> {
  const out = join(dir, `img-${createHash('sha1').update(file).digest('hex').slice(0, 8)}`);
  mkdirSync(out, { recursive: true });
  execFileSync('pdfimages', ['-all', '-p', file, join(out, 'i')]);
  const byPage = new Map<number, string[]>();
  for (const name of readdirSync(out)) {
    const page = Number(/^i-(\d+)-/.exec(name)![1]);
    byPage.set(page, [...(byPage.get(page) ?? []), sha256(join(out, name))]);
  }
  return byPage;
}

describe('hoso redact', () => {
  const RULES = ['--text', 'tran thi thu huong', '--preset', 'cccd', '--preset', 'dob'];

  it('lists the hits for review and writes nothing', async () => {
    const hits = await listHits(RULES);
    expect(hits.map((h) => [h.page, h.text])).toEqual([
      [1, '17 tháng 8 năm 1996'],
      [2, WITNESS],
      [2, WITNESS],
      [2, CCCD],
      [2, '1988'],
    ]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.pdf'))).toEqual(['hồ sơ.pdf']);
    // The words file locates the same hits as the PDF's own text layer.
    const viaWords = await runHosoInProcess(['redact', input, '--list', '--words', words, ...RULES]);
    expect(viaWords.stdout.split('\n').map((l) => l.split('\t').slice(0, 3).join('\t'))).toEqual(
      (await runHosoInProcess(['redact', input, '--list', ...RULES])).stdout
        .split('\n')
        .map((l) => l.split('\t').slice(0, 3).join('\t')),
    );
  });

  it('removes the text, paints the boxes solid, re-encodes only redacted pages and keeps the rest', async () => {
    const out = join(dir, 'redacted.pdf');
    const before = sha256(input);
    const hits = await listHits(['--text', 'tran thi thu huong', '--preset', 'cccd']);
    const run = await runHosoInProcess(['redact', input, '-o', out, ...RULES.slice(0, 4), '-q']);
    expect(run.code, run.stderr).toBe(0);
    expect(sha256(input)).toBe(before);
    expect(execFileSync('qpdf', ['--check', out]).toString()).toContain(
      'No syntax or stream encoding errors',
    );

    const text = pdfText(out).normalize('NFC');
    expect(text).not.toContain(CCCD);
    expect(folded(text)).not.toContain(folded(WITNESS));
    expect(text.replace(/\s+/g, '')).not.toContain(CCCD);
    // Every other word of the statement is still there, as OCR gave it.
    const redactedWords = new Set(wordsOf(`${WITNESS} ${CCCD}`));
    const expected = wordsOf(pdfText(input, 2)).filter((w) => !redactedWords.has(w.replace(/[,.;:]$/, '')));
    const left = wordsOf(pdfText(out, 2));
    const missing = expected.filter((w) => {
      const i = left.indexOf(w);
      if (i >= 0) left.splice(i, 1);
      return i < 0;
    });
    expect(missing).toEqual([]);
    // Page 1 had nothing to redact: its text is exactly what it was.
    expect(pdfText(out, 1)).toBe(pdfText(input, 1));

    // Each box renders solid black (pdftoppm at 72 dpi: pixels are points).
    const page2 = await renderPage(out, 2, 72);
    for (const hit of hits.filter((h) => h.page === 2)) {
      const [x0, y0, x1, y1] = hit.box.map(Math.round);
      let light = 0;
      for (let y = y0 + 1; y < y1 - 1; y++)
        for (let x = x0 + 1; x < x1 - 1; x++) if (page2.data[y * page2.info.width + x] > 40) light++;
      expect(light, `${hit.text} at ${hit.box}`).toBe(0);
    }

    // The redacted page's scan was replaced; the other page's scan is copied byte for byte.
    const original = imageHashes(input);
    const redacted = imageHashes(out);
    expect(redacted.get(2)).toHaveLength(1);
    expect(original.get(2)).not.toContain(redacted.get(2)![0]);
    expect([...redacted.values()].flat()).not.toContain(original.get(2)![0]);
    expect(redacted.get(1)).toEqual(original.get(1));
  });

  it('redacts dates of birth and hand-drawn boxes (text and pixels) on any page', async () => {
    const out = join(dir, 'redacted-boxes.pdf');
    // The heading "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" at the top right of page 1, by hand.
    const heading = (await listHits(['--text', 'cong hoa xa hoi chu nghia viet nam'])).find(
      (h) => h.page === 1,
    )!;
    const box = heading.box.map((v, i) => (i < 2 ? v - 2 : v + 2)).join(',');
    const run = await runHosoInProcess([
      'redact',
      input,
      '-o',
      out,
      '--preset',
      'dob',
      '--box',
      `1:${box}`,
      '-q',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const text = folded(pdfText(out));
    expect(text).not.toContain('17 thang 8 nam 1996');
    expect(text).not.toContain('1988');
    expect(folded(pdfText(out, 1))).not.toContain('cong hoa xa hoi');
    expect(text).toContain('sinh ngay');
    expect(text).toContain('doc lap - tu do - hanh phuc');
    const page1 = await renderPage(out, 1, 72);
    const [x0, y0, x1, y1] = heading.box.map(Math.round);
    const centre = page1.data[Math.round((y0 + y1) / 2) * page1.info.width + Math.round((x0 + x1) / 2)];
    expect(centre).toBeLessThan(40);
  });

  it('keeps no earlier revision, metadata, XMP or thumbnail of the input', async () => {
    // An input whose incremental update hides the CCCD in its Info, its XMP and a page thumbnail.
    const attacked = join(dir, 'attacked.pdf');
    copyFileSync(input, attacked);
    appendIncrementalUpdate(attacked);
    const raw = qdf(attacked);
    expect(raw).toContain(`Title (CCCD ${CCCD})`);
    expect(raw).toContain('/Metadata');
    expect(raw).toContain('/Thumb');

    const out = join(dir, 'redacted-clean.pdf');
    const run = await runHosoInProcess(['redact', attacked, '-o', out, '--preset', 'cccd', '-q']);
    expect(run.code, run.stderr).toBe(0);
    const clean = qdf(out);
    const utf16 = [...CCCD].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('');
    expect(clean).not.toContain(CCCD);
    expect(clean.toLowerCase()).not.toContain(utf16);
    for (const key of ['/Metadata', '/Thumb', '/Prev', 'Bí mật', '/PieceInfo'])
      expect(clean).not.toContain(key);
    expect(pdfInfo(out).Title).toBe('redacted-clean');
    expect(readFileSync(out).toString('latin1').match(/%%EOF/g)).toHaveLength(1);
  });

  it.each([90, 180, 270])('redacts a page turned by /Rotate %i in its own frame', async (turn) => {
    const turned = join(dir, `turned-${turn}.pdf`);
    const doc = await PDFDocument.load(readFileSync(input));
    doc.getPage(1).setRotation(degrees(turn));
    writeFileSync(turned, await doc.save());
    const list = await runHosoInProcess(['redact', turned, '--list', '--preset', 'cccd']);
    const box = list.stdout.trim().split('\t')[3].split(':')[1].split(',').map(Number);
    const out = join(dir, `turned-${turn}-out.pdf`);
    expect((await runHosoInProcess(['redact', turned, '-o', out, '--preset', 'cccd', '-q'])).code).toBe(0);
    const text = pdfText(out, 2).normalize('NFC');
    expect(text).not.toContain(CCCD);
    // Words run along the printed lines: extractors still read them in order.
    expect(text).toContain('BIÊN BẢN GHI LỜI KHAI');
    expect(execFileSync('pdfinfo', ['-f', '2', '-l', '2', out]).toString()).toMatch(
      new RegExp(`rot:\\s+${turn}`),
    );
    const shown = await renderPage(out, 2, 72);
    const [x0, y0, x1, y1] = box.map(Math.round);
    let light = 0;
    for (let y = y0 + 1; y < y1 - 1; y++)
      for (let x = x0 + 1; x < x1 - 1; x++) if (shown.data[y * shown.info.width + x] > 40) light++;
    expect(light).toBe(0);
  });

  it.each([
    [
      'a file that is not a PDF',
      () => ['redact', words, '-o', join(dir, 'bad.pdf'), '--preset', 'cccd'],
      /not a PDF/,
    ],
    [
      'a box on a page that does not exist',
      () => ['redact', input, '-o', join(dir, 'bad.pdf'), '--box', '9:0,0,10,10'],
      /page 9, the PDF has 2/,
    ],
    [
      'a words file of another PDF',
      () => ['redact', input, '-o', join(dir, 'bad.pdf'), '--words', badWords(), '--preset', 'cccd'],
      /words file has 1 pages/,
    ],
    [
      'an invalid regular expression',
      () => ['redact', input, '-o', join(dir, 'bad.pdf'), '--pattern', '(unclosed'],
      /not a valid regular expression/,
    ],
    [
      'the output named as the input',
      () => ['redact', input, '-o', input, '--preset', 'cccd'],
      /also an input/,
    ],
    ['nothing to redact', () => ['redact', input, '-o', join(dir, 'bad.pdf')], /nothing to redact/],
  ])('refuses %s with exit 2 and writes nothing', async (_what, args, message) => {
    const before = sha256(input);
    const run = await runHosoInProcess(args());
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(leftovers(dir, 'bad.pdf')).toEqual([]);
    expect(sha256(input)).toBe(before);
  });
});

/** The whole file with every stream decompressed (qpdf QDF), as text to search. */
function qdf(file: string): string {
  return execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, '-'], {
    maxBuffer: 1 << 28,
  }).toString('latin1');
}

function badWords(): string {
  const file = join(dir, 'other.words.json');
  const json = JSON.parse(readFileSync(words, 'utf8'));
  json.pages = json.pages.slice(0, 1);
  writeFileSync(file, JSON.stringify(json));
  return file;
}

/**
 * Appends an incremental update (ISO 32000 7.5.6) by hand: a new Info dictionary, an XMP stream
 * and a thumbnail for page 2, each naming the CCCD, and a trailer pointing back with /Prev.
 */
function appendIncrementalUpdate(file: string): void {
  const bytes = readFileSync(file);
  const text = bytes.toString('latin1');
  const prev = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)![1]);
  const size = Number(/\/Size (\d+)/.exec(text.slice(prev))![1]);
  const root = /\/Root (\d+ 0 R)/.exec(text.slice(prev))![1];
  const rootNumber = Number(root.split(' ')[0]);
  const rootBody = new RegExp(`\\n${rootNumber} 0 obj\\n(<<[\\s\\S]*?>>)\\nendobj`).exec(text)![1];
  const xmp = `<?xpacket begin=""?><x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:description>CCCD ${CCCD}</dc:description></x:xmpmeta><?xpacket end="w"?>`;
  // Page 2 gets a thumbnail (a tiny grey image) in the same update.
  const [, page2Number, page2Body] = [
    ...text.matchAll(/\n(\d+) 0 obj\n(<< \/Type \/Page \/Parent[\s\S]*?>>)\nendobj/g),
  ][1];
  const objects = [
    `${size} 0 obj\n<< /Title (CCCD ${CCCD}) /Subject <FEFF${[...'Bí mật'].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('')}> >>\nendobj\n`,
    `${size + 1} 0 obj\n<< /Type /Metadata /Subtype /XML /Length ${xmp.length} >>\nstream\n${xmp}\nendstream\nendobj\n`,
    `${rootNumber} 0 obj\n${rootBody.slice(0, -2)} /Metadata ${size + 1} 0 R /PieceInfo << /HoSo << /Private (CCCD ${CCCD}) >> >> >>\nendobj\n`,
    `${size + 2} 0 obj\n<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >>\nstream\n\x80\nendstream\nendobj\n`,
    `${page2Number} 0 obj\n${page2Body.slice(0, -2)} /Thumb ${size + 2} 0 R >>\nendobj\n`,
  ];
  const offset = bytes.length;
  const offsets: Array<[number, number]> = [];
  let update = '';
  for (const obj of objects) {
    offsets.push([Number(obj.split(' ')[0]), offset + update.length]);
    update += obj;
  }
  const xrefAt = offset + update.length;
  update += 'xref\n';
  for (const [n, at] of offsets.sort((a, b) => a[0] - b[0]))
    update += `${n} 1\n${String(at).padStart(10, '0')} 00000 n\r\n`;
  update += `trailer\n<< /Size ${size + 3} /Root ${root} /Info ${size} 0 R /Prev ${prev} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  appendFileSync(file, Buffer.from(update, 'latin1'));
}
