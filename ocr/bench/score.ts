/**
 * Scoring as the corpus README prescribes: OCR text against truth.txt as NFC word multisets
 * (order-free), precision/recall/F1, plus character error rate on whitespace-normalized text.
 */
export function words(text: string): string[] {
  return text.normalize('NFC').split(/\s+/).filter(Boolean);
}

export function wordF1(ocr: string, truth: string): { precision: number; recall: number; f1: number } {
  const want = new Map<string, number>();
  for (const w of words(truth)) want.set(w, (want.get(w) ?? 0) + 1);
  const got = words(ocr);
  let hit = 0;
  for (const w of got) {
    const n = want.get(w) ?? 0;
    if (n > 0) {
      hit++;
      want.set(w, n - 1);
    }
  }
  const truthCount = words(truth).length;
  const precision = got.length ? hit / got.length : 0;
  const recall = truthCount ? hit / truthCount : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** Levenshtein distance over characters of the space-joined word sequences / truth length. */
export function cer(ocr: string, truth: string): number {
  const a = [...words(ocr).join(' ')];
  const b = [...words(truth).join(' ')];
  if (b.length === 0) return a.length ? 1 : 0;
  let prev = new Uint32Array(b.length + 1).map((_, i) => i);
  let cur = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const sub = prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      cur[j] = Math.min(sub, prev[j] + 1, cur[j - 1] + 1);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length] / b.length;
}

export type Box = [number, number, number, number];

export function iou(a: Box, b: Box): number {
  const ix = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0]));
  const iy = Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
  const inter = ix * iy;
  const union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter;
  return union > 0 ? inter / union : 0;
}

export interface TruthWord {
  box: Box;
  text: string;
}

/** words.tsv: `x0 y0 x1 y1 word`, 300-dpi pixels. Glyph runs of one word may be split; merge touching runs. */
export function parseWordsTsv(tsv: string): TruthWord[] {
  const runs = tsv
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [x0, y0, x1, y1, ...rest] = line.split('\t');
      return { box: [+x0, +y0, +x1, +y1] as Box, text: rest.join('\t').normalize('NFC') };
    });
  const merged: TruthWord[] = [];
  for (const run of runs) {
    const last = merged[merged.length - 1];
    const sameLine = last && Math.abs((last.box[1] + last.box[3]) / 2 - (run.box[1] + run.box[3]) / 2) < 20;
    if (last && sameLine && Math.abs(run.box[0] - last.box[2]) < 1) {
      last.box = [
        last.box[0],
        Math.min(last.box[1], run.box[1]),
        run.box[2],
        Math.max(last.box[3], run.box[3]),
      ];
      last.text += run.text;
    } else merged.push({ box: [...run.box] as Box, text: run.text });
  }
  return merged;
}

/**
 * Median IoU of each truth word with the best-overlapping OCR word of the same text
 * (falling back to any overlapping word), over the truth words.
 */
export function medianWordIou(ocrWords: TruthWord[], truth: TruthWord[]): number {
  const scores = truth.map((t) => {
    let best = 0;
    for (const w of ocrWords) {
      const v = iou(w.box, t.box);
      if (v > best && (w.text === t.text || best === 0)) best = v;
    }
    return best;
  });
  scores.sort((a, b) => a - b);
  return scores.length ? scores[Math.floor(scores.length / 2)] : 0;
}
