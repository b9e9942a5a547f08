/**
 * Held-out pages: `npx tsx ocr/bench/held-out/build.ts [OUT] [--only 11,13] [--degradations v1,v4]`
 *
 * Typesets the texts of texts.ts (FreeSerif 13 pt as a Times-like face, FreeMono 12 pt as a
 * typewriter, DejaVu Serif 9.5 pt as small print) on A4 with pdf-lib, renders them with pdftoppm
 * at 300 dpi and degrades them as the corpus is degraded: clean PNG without resolution, scan
 * (noise, blur, JPEG q70), skew (±2.1°), red seal on yellowed paper, 200-dpi CCITT G4 fax,
 * sideways scan. OUT gets the corpus layout (manifest.json, one folder per document with
 * clean.pdf, truth.txt and the v0–v5 pages), so `npm run bench:ocr -- --corpus OUT` measures on
 * it. Default OUT: bench-results/held-out. Deterministic (seeded noise), so reruns give the same pages.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont } from 'pdf-lib';
import sharp from 'sharp';
import { HELD_OUT_TEXTS, type HeldOutText } from './texts';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const argv = process.argv.slice(2);
const flag = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv.splice(i, 2)[1] : undefined;
};
const only = flag('--only')?.split(',');
const degradations = flag('--degradations')?.split(',') ?? ['v0', 'v1', 'v2', 'v3', 'v4', 'v5'];
const out = path.resolve(argv[0] ?? path.join(repoRoot, 'bench-results/held-out'));
const A4 = { w: 595.28, h: 841.89 };
const MARGIN = { left: 85, right: 57, top: 57 };

async function typeset(text: HeldOutText): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(readFileSync(text.font), { subset: true });
  const page = pdf.addPage([A4.w, A4.h]);
  const size = text.sizePt;
  const lead = size * 1.45;
  const width = A4.w - MARGIN.left - MARGIN.right;
  let y = A4.h - MARGIN.top - size;
  const draw = (s: string, x: number) => page.drawText(s, { x, y, size, font, color: rgb(0, 0, 0) });
  for (const raw of text.lines) {
    const kind = raw[0] === '^' ? 'centre' : raw[0] === '>' ? 'right' : 'para';
    const line = kind === 'para' ? raw : raw.slice(1);
    if (kind !== 'para') {
      const w = font.widthOfTextAtSize(line, size);
      draw(line, kind === 'centre' ? MARGIN.left + (width - w) / 2 : A4.w - MARGIN.right - w);
      y -= lead;
      continue;
    }
    for (const row of wrap(line, font, size, width)) {
      draw(row, MARGIN.left);
      y -= lead;
    }
  }
  pdf.setTitle(text.name);
  return pdf.save();
}

function wrap(line: string, font: PDFFont, size: number, width: number): string[] {
  const rows: string[] = [];
  let row = '';
  for (const word of line.split(' ')) {
    const next = row ? `${row} ${word}` : word;
    if (row && font.widthOfTextAtSize(next, size) > width) {
      rows.push(row);
      row = word;
    } else row = next;
  }
  if (row || rows.length === 0) rows.push(row);
  return rows;
}

/** A small deterministic PRNG (mulberry32), so the pages are the same on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Scanner noise on grey or RGB raw pixels: Gaussian-ish (sum of uniforms), sigma ~ `amount`. */
function addNoise(data: Buffer, amount: number, seed: number): Buffer {
  const rnd = random(seed);
  for (let i = 0; i < data.length; i++) {
    const n = (rnd() + rnd() + rnd() - 1.5) * 2 * amount;
    data[i] = Math.max(0, Math.min(255, data[i] + n));
  }
  return data;
}

async function scan(grey: Buffer, seed: number, angle = 0): Promise<Buffer> {
  const meta = await sharp(grey).metadata();
  let img = sharp(grey);
  if (angle) {
    const rotated = await img.rotate(angle, { background: '#ffffff' }).png().toBuffer();
    const m = await sharp(rotated).metadata();
    img = sharp(rotated).extract({
      left: Math.round((m.width! - meta.width!) / 2),
      top: Math.round((m.height! - meta.height!) / 2),
      width: meta.width!,
      height: meta.height!,
    });
  }
  const { data, info } = await img.blur(0.7).greyscale().raw().toBuffer({ resolveWithObject: true });
  return sharp(addNoise(data, 6, seed), { raw: { width: info.width, height: info.height, channels: 1 } })
    .jpeg({ quality: 70 })
    .withMetadata({ density: 300 })
    .toBuffer();
}

/** A round red seal with a star, stamped over the signature block, on yellowed paper. */
async function sealed(grey: Buffer, seed: number): Promise<Buffer> {
  const { width, height } = await sharp(grey).metadata();
  const [cx, cy, r] = [Math.round(width! * 0.7), Math.round(height! * 0.58), 190];
  const seal = Buffer.from(
    `<svg width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">
      <g fill="none" stroke="rgb(205,35,40)" stroke-opacity="0.8">
        <circle cx="${cx}" cy="${cy}" r="${r}" stroke-width="14"/>
        <circle cx="${cx}" cy="${cy}" r="${r - 40}" stroke-width="5"/>
      </g>
      <polygon fill="rgb(205,35,40)" fill-opacity="0.8" points="${star(cx, cy, 60)}"/>
    </svg>`,
  );
  // Yellowed paper: each grey level tinted, built by hand so the page is RGB before the seal.
  const g = await sharp(grey).greyscale().raw().toBuffer();
  const paper = Buffer.alloc(g.length * 3);
  for (let i = 0; i < g.length; i++) {
    paper[i * 3] = g[i] * 0.98;
    paper[i * 3 + 1] = g[i] * 0.95;
    paper[i * 3 + 2] = g[i] * 0.84;
  }
  const { data, info } = await sharp(paper, { raw: { width: width!, height: height!, channels: 3 } })
    .composite([{ input: seal, blend: 'multiply' }])
    .blur(0.6)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return sharp(addNoise(data, 7, seed), {
    raw: { width: info.width, height: info.height, channels: info.channels },
  })
    .jpeg({ quality: 75 })
    .withMetadata({ density: 300 })
    .toBuffer();
}

function star(cx: number, cy: number, r: number): string {
  return Array.from({ length: 10 }, (_, i) => {
    const a = (Math.PI / 5) * i - Math.PI / 2;
    const rr = i % 2 ? r * 0.4 : r;
    return `${(cx + rr * Math.cos(a)).toFixed(1)},${(cy + rr * Math.sin(a)).toFixed(1)}`;
  }).join(' ');
}

async function fax(grey: Buffer): Promise<Buffer> {
  const { width, height } = await sharp(grey).metadata();
  return sharp(grey)
    .resize(Math.round((width! * 200) / 300), Math.round((height! * 200) / 300))
    .threshold(150)
    .toColourspace('b-w')
    .tiff({ compression: 'ccittfax4', bitdepth: 1, xres: 200 / 25.4, yres: 200 / 25.4 })
    .toBuffer();
}

const manifest: { docs: Array<{ name: string; font: string; size_pt: number }> } = { docs: [] };
for (const [k, text] of HELD_OUT_TEXTS.entries()) {
  if (only && !only.some((o) => text.name.startsWith(o))) continue;
  const dir = path.join(out, text.name);
  mkdirSync(dir, { recursive: true });
  const pdfPath = path.join(dir, 'clean.pdf');
  writeFileSync(pdfPath, await typeset(text));
  const truth = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  writeFileSync(path.join(dir, 'truth.txt'), truth.normalize('NFC'));
  const base = path.join(dir, 'render');
  execFileSync('pdftoppm', ['-r', '300', '-gray', '-png', '-singlefile', pdfPath, base]);
  const grey = readFileSync(`${base}.png`);
  execFileSync('rm', ['-f', `${base}.png`]);
  const seed = 1000 + k;
  const write = (name: string, bytes: Buffer) => writeFileSync(path.join(dir, name), bytes);
  // A PNG that records no resolution, like many scanner PNGs (the corpus's v0 too).
  if (degradations.includes('v0'))
    write('v0-clean.png', await sharp(grey).png({ compressionLevel: 9 }).toBuffer());
  if (degradations.includes('v1') || degradations.includes('v5')) {
    const v1 = await scan(grey, seed);
    if (degradations.includes('v1')) write('v1-scan.jpg', v1);
    if (degradations.includes('v5'))
      write(
        'v5-rot90.jpg',
        await sharp(v1).rotate(90).jpeg({ quality: 70 }).withMetadata({ density: 300 }).toBuffer(),
      );
  }
  if (degradations.includes('v2')) write('v2-skew.jpg', await scan(grey, seed + 1, k % 2 ? -2.1 : 2.1));
  if (degradations.includes('v3')) write('v3-seal.jpg', await sealed(grey, seed + 2));
  if (degradations.includes('v4')) write('v4-fax.tif', await fax(grey));
  manifest.docs.push({ name: text.name, font: path.basename(text.font), size_pt: text.sizePt });
  console.log(`${text.name}: ${path.basename(text.font)} ${text.sizePt} pt → ${dir}`);
}
writeFileSync(path.join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
