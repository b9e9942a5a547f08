/**
 * PDF syntax helpers for the hand-written object writer: numbers, names, strings and dictionaries
 * serialized the way ISO 32000 wants them. Kept tiny on purpose: everything we write is built here.
 */

/** A number with at most 4 decimals and no exponent (PDF has no scientific notation). */
export function num(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`PDF number must be finite, got ${value}`);
  const rounded = Math.round(value * 10000) / 10000;
  if (Object.is(rounded, -0) || rounded === 0) return '0';
  return rounded.toFixed(4).replace(/\.?0+$/, '');
}

export function ref(objectNumber: number): string {
  return `${objectNumber} 0 R`;
}

/** A text string for Info/outline entries: UTF-16BE with BOM, hex encoded (safe for any Unicode). */
export function textString(value: string): string {
  const nfc = value.normalize('NFC');
  let hex = 'FEFF';
  for (let i = 0; i < nfc.length; i++) hex += nfc.charCodeAt(i).toString(16).padStart(4, '0');
  return `<${hex.toUpperCase()}>`;
}

/** A literal ASCII string (dates, identifiers); escapes the characters PDF treats specially. */
export function asciiString(value: string): string {
  return `(${value.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

export function pdfDate(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return (
    `D:${date.getUTCFullYear()}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}` +
    `${p(date.getUTCHours())}${p(date.getUTCMinutes())}${p(date.getUTCSeconds())}Z`
  );
}

export type DictEntries = Record<string, string | number | undefined>;

/** `<< /Key value ... >>`; values are already-serialized PDF tokens (numbers are formatted). */
export function dict(entries: DictEntries): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(entries)) {
    if (value === undefined) continue;
    parts.push(`/${key} ${typeof value === 'number' ? num(value) : value}`);
  }
  return `<< ${parts.join(' ')} >>`;
}

export function array(items: Array<string | number>): string {
  return `[${items.map((i) => (typeof i === 'number' ? num(i) : i)).join(' ')}]`;
}

/** A 2-D affine matrix [a b c d e f] as PDF's `cm` and `Tm` use it. */
export type Matrix = [number, number, number, number, number, number];

/** m1 · m2 in PDF's row-vector convention: applying the result = apply m1, then m2. */
export function multiply(m1: Matrix, m2: Matrix): Matrix {
  const [a, b, c, d, e, f] = m1;
  const [a2, b2, c2, d2, e2, f2] = m2;
  return [
    a * a2 + b * c2,
    a * b2 + b * d2,
    c * a2 + d * c2,
    c * b2 + d * d2,
    e * a2 + f * c2 + e2,
    e * b2 + f * d2 + f2,
  ];
}

export const translate = (x: number, y: number): Matrix => [1, 0, 0, 1, x, y];
export const scale = (sx: number, sy: number): Matrix => [sx, 0, 0, sy, 0, 0];
/** Counter-clockwise rotation by `deg` in PDF's y-up space (clockwise on screen = negative). */
export function rotate(deg: number): Matrix {
  const r = (deg * Math.PI) / 180;
  const c = Math.cos(r);
  const s = Math.sin(r);
  return [c, s, -s, c, 0, 0];
}

export function matrixOp(m: Matrix, op: 'cm' | 'Tm'): string {
  return `${m.map(num).join(' ')} ${op}`;
}
