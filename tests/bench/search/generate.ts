/**
 * Generated dossier text for the search bench: a word-bigram chain trained on the corpus's six
 * ground-truth pages (realistic Vietnamese legal wording), with fresh names, numbers and dates mixed
 * in so the vocabulary grows the way a real dossier's does. Deterministic (seeded), no DOM, no Node.
 */
import type { OcrPage } from '@hoso/contracts';

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Ma',
  'Nông',
  'Siu',
  'Rơ',
];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Quốc', 'Thu', 'Hữu', 'Ngọc', 'Thanh'];
const GIVEN = [
  'Thắng',
  'Hường',
  'Mạnh',
  'Quảng',
  'Tuấn',
  'Khánh',
  'Hoa',
  'Lực',
  'Thuận',
  'Hưng',
  'Dũng',
  'Lan',
  'Phúc',
  'Trung',
  'Yến',
  'Sơn',
  'Hải',
  'Nga',
  'Bình',
  'Tâm',
];

export interface Generator {
  page(words: number): string[];
}

export function makeGenerator(corpusTexts: string[], seed = 7): Generator {
  const next = new Map<string, string[]>();
  const starts: string[] = [];
  for (const text of corpusTexts) {
    const words = text.normalize('NFC').split(/\s+/).filter(Boolean);
    starts.push(words[0]);
    for (let i = 0; i + 1 < words.length; i++) {
      const list = next.get(words[i]) ?? [];
      list.push(words[i + 1]);
      next.set(words[i], list);
    }
  }
  const vocab = [...next.keys()];
  const r = rng(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)];
  return {
    page(count: number): string[] {
      const out: string[] = [];
      let w = pick(starts);
      while (out.length < count) {
        const x = r();
        if (x < 0.02) out.push(pick(SURNAMES), pick(MIDDLE), pick(GIVEN));
        else if (x < 0.035) out.push(String(Math.floor(r() * 100000)));
        else if (x < 0.04)
          out.push(
            'ngày',
            String(1 + Math.floor(r() * 28)),
            'tháng',
            String(1 + Math.floor(r() * 12)),
            'năm',
            String(2015 + Math.floor(r() * 11)),
          );
        out.push(w);
        const options = next.get(w);
        w = options && r() < 0.97 ? pick(options) : pick(vocab);
      }
      return out.slice(0, count);
    },
  };
}

/** Lays words out as an OCR page: 12 words per line, 25 lines per block. */
export function ocrPageOf(words: string[], index: number): OcrPage {
  const blocks: OcrPage['blocks'] = [];
  for (let b = 0; b * 300 < words.length; b++) {
    const lines: OcrPage['blocks'][number]['lines'] = [];
    for (let l = 0; l * 12 < Math.min(300, words.length - b * 300); l++) {
      const y = 200 + (b * 25 + l) * 60;
      const ws = words.slice(b * 300 + l * 12, b * 300 + l * 12 + 12).map((text, i) => ({
        text,
        box: [200 + i * 170, y, 200 + i * 170 + 150, y + 45] as [number, number, number, number],
        confidence: 80 + ((i * 7) % 20),
      }));
      lines.push({ box: [200, y, 2240, y + 45], words: ws });
    }
    blocks.push({ box: [200, 200 + b * 1500, 2240, 200 + b * 1500 + 1500], lines });
  }
  return {
    index,
    source: { file: 'bench.pdf', page: index },
    widthPx: 2480,
    heightPx: 3508,
    dpi: 300,
    rotation: 0,
    deskewDeg: 0,
    origin: 'ocr',
    lang: 'vie',
    meanConfidence: 88,
    blocks,
  };
}
