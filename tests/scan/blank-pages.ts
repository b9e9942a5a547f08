import sharp, { type Sharp } from 'sharp';
import { SCANS } from '../ocr/pdf/truth-pages';

/**
 * Test pages for the blank-page detector, A4 at 200 dpi as a production scanner writes duplex
 * batches: blank backs with scanner noise, show-through of a real front page, and pages that carry
 * writing however little (a page number, a faint pencil note, one line), plus real text pages.
 */
export const A4 = { width: 1654, height: 2339, dpi: 200 };

export type BlankCase = { name: string; kind: 'blank' | 'text'; png: Buffer };

/** Deterministic noise (the rates must not move between runs). */
function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** Paper of tone ~240 with sensor noise, dust specks and a dark scanner edge on one side. */
async function paper(seed: number): Promise<Buffer> {
  const r = rng(seed);
  const { width, height } = A4;
  const px = Buffer.alloc(width * height);
  const tone = 232 + Math.floor(r() * 14);
  for (let i = 0; i < px.length; i++) px[i] = Math.max(0, Math.min(255, tone + (r() + r() + r() - 1.5) * 14));
  for (let d = 0; d < 120; d++) {
    const x = Math.floor(r() * width);
    const y = Math.floor(r() * height);
    const size = 1 + Math.floor(r() * 2);
    for (let dy = 0; dy < size; dy++) for (let dx = 0; dx < size; dx++) px[(y + dy) * width + x + dx] = 90;
  }
  for (let y = 0; y < height; y++) for (let x = 0; x < 25; x++) px[y * width + x] = 60 + x * 4;
  return px;
}

const raw = { raw: { width: A4.width, height: A4.height, channels: 1 as const } };
const png = (img: Sharp) => img.png().withMetadata({ density: A4.dpi }).toBuffer();

async function withSvg(seed: number, svg: string): Promise<Buffer> {
  const overlay = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${A4.width}" height="${A4.height}">${svg}</svg>`,
  );
  return png(sharp(await paper(seed), raw).composite([{ input: overlay, blend: 'multiply' }]));
}

/** The front page seen through the sheet: mirrored, diffused by the paper, at 8–20 % contrast. */
async function showThrough(seed: number, front: string): Promise<Buffer> {
  const r = rng(seed);
  const strength = 0.08 + r() * 0.12;
  const ghost = await sharp(front)
    .greyscale()
    .resize(A4.width, A4.height, { fit: 'fill' })
    .flop()
    .blur(2 + r() * 2)
    .linear(strength, 255 * (1 - strength))
    .raw()
    .toBuffer();
  const base = await paper(seed);
  for (let i = 0; i < base.length; i++) base[i] = Math.round((base[i] * ghost[i]) / 255);
  return png(sharp(base, raw));
}

const text = (x: number, y: number, size: number, fill: string, body: string, extra = '') =>
  `<text x="${x}" y="${y}" font-family="DejaVu Sans" font-size="${size}" fill="${fill}" ${extra}>${body}</text>`;

export async function blankCases(perKind = 4): Promise<BlankCase[]> {
  const cases: BlankCase[] = [];
  const fronts = [SCANS.jpeg01, SCANS.skewed02, SCANS.sideways06, SCANS.png02];
  for (let i = 0; i < perKind; i++) {
    const seed = 100 + i;
    cases.push({
      name: `blank+noise #${i + 1}`,
      kind: 'blank',
      png: await png(sharp(await paper(seed), raw)),
    });
    cases.push({
      name: `show-through #${i + 1}`,
      kind: 'blank',
      png: await showThrough(seed, fronts[i % fronts.length]),
    });
    // A page number alone, 9–11 pt (25–31 px at 200 dpi), bottom centre or top right.
    const size = 25 + i * 2;
    const [x, y] = i % 2 ? [A4.width - 260, 150] : [A4.width / 2 - 20, A4.height - 140];
    cases.push({
      name: `page number only #${i + 1}`,
      kind: 'text',
      png: await withSvg(seed, text(x, y, size, '#222', i === 0 ? '1' : String(7 + i * 31))),
    });
    // A faint pencil note: grey, thin, slanted, small.
    const grey = ['#a4a4a4', '#acacac', '#b4b4b4', '#bcbcbc'][i % 4];
    cases.push({
      name: `faint pencil note #${i + 1}`,
      kind: 'text',
      png: await withSvg(
        seed,
        text(
          300 + i * 90,
          500 + i * 300,
          30,
          grey,
          ['Đã xem', 'BL 12', 'xem lại', 'đ/c Hùng'][i % 4],
          'font-style="italic" transform="rotate(-4)"',
        ),
      ),
    });
    cases.push({
      name: `one line #${i + 1}`,
      kind: 'text',
      png: await withSvg(seed, text(500, 1200, 34, '#303030', 'Trang này để trống')),
    });
  }
  for (const [name, file] of Object.entries(SCANS)) {
    if (file.endsWith('.pdf')) continue;
    cases.push({
      name: `real page ${name}`,
      kind: 'text',
      png: await sharp(file, { page: 0 }).png().toBuffer(),
    });
  }
  return cases;
}
