import { foldDiacritics } from './normalize';
import { redactionPatterns, type RedactionPreset } from './redaction-patterns';

/**
 * Where on a page a redaction rule hits: over the page's OCR words (reading order, in lines), a
 * phrase, a regular expression or a preset gives the words — or the part of a word — to black out,
 * with their boxes in the words' own coordinates. Pure, so the viewer's review list and the CLI
 * find exactly the same hits.
 */

export type Box = [number, number, number, number];
export interface LocatedWord {
  text: string;
  box: Box;
}

export type RedactionRule =
  | { kind: 'text'; phrase: string }
  | { kind: 'pattern'; source: string }
  | { kind: 'preset'; preset: RedactionPreset };

/** Characters [from, to) of word `word` (index in the page's flattened words). */
export interface WordPiece {
  word: number;
  from: number;
  to: number;
}

export interface RedactionHit {
  rule: RedactionRule;
  /** What was found, as the page reads (NFC). */
  text: string;
  pieces: WordPiece[];
  boxes: Box[];
}

interface CharAt {
  word: number;
  char: number;
}

/** One searchable text of the page with, for every character, the word character it came from. */
interface MappedText {
  text: string;
  at: Array<CharAt | undefined>;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Fold one character keeping its case: "Ế" → "E", "đ" → "d" (foldDiacritics lowercases). */
function foldKeepCase(c: string): string {
  const folded = foldDiacritics(c);
  return c !== c.toLowerCase() ? folded.toUpperCase() : folded;
}

function mapped(
  lines: LocatedWord[][],
  form: (c: string) => string,
  keep: (c: string) => boolean,
  separators: boolean,
): MappedText {
  let text = '';
  const at: Array<CharAt | undefined> = [];
  let word = 0;
  lines.forEach((line, l) => {
    if (separators && l > 0) {
      text += '\n';
      at.push(undefined);
    }
    line.forEach((w, i) => {
      if (separators && i > 0) {
        text += ' ';
        at.push(undefined);
      }
      [...w.text.normalize('NFC')].forEach((c, char) => {
        if (!keep(c)) return;
        for (const out of form(c)) {
          text += out;
          at.push({ word, char });
        }
      });
      word++;
    });
  });
  return { text, at };
}

export function findRedactionHits(lines: LocatedWord[][], rules: readonly RedactionRule[]): RedactionHit[] {
  const words = lines.flat();
  const chars = words.map((w) => [...w.text.normalize('NFC')]);
  const hits: RedactionHit[] = [];
  const seen = new Set<string>();
  const add = (rule: RedactionRule, ats: Array<CharAt | undefined>) => {
    const pieces = piecesOf(ats);
    if (pieces.length === 0) return;
    const key = JSON.stringify(pieces);
    if (seen.has(key)) return;
    seen.add(key);
    const text = pieces.map((p) => chars[p.word].slice(p.from, p.to).join('')).join(' ');
    const boxes = pieces.map((p) => pieceBox(words[p.word].box, p, chars[p.word].length));
    hits.push({ rule, text, pieces, boxes: mergeAlongLines(boxes) });
  };

  let original: MappedText | undefined;
  let folded: MappedText | undefined;
  let compact: MappedText | undefined;
  for (const rule of rules) {
    if (rule.kind === 'text') {
      compact ??= mapped(
        lines,
        (c) => foldDiacritics(c),
        (c) => LETTER_OR_DIGIT.test(c),
        false,
      );
      for (const ats of phraseMatches(compact, rule.phrase)) add(rule, ats);
    } else if (rule.kind === 'pattern') {
      original ??= mapped(
        lines,
        (c) => c,
        () => true,
        true,
      );
      for (const ats of regexMatches(original, new RegExp(rule.source, 'giud'))) add(rule, ats);
    } else {
      folded ??= mapped(lines, foldKeepCase, () => true, true);
      for (const pattern of redactionPatterns([rule.preset])) {
        const regex = new RegExp(pattern.regex.source, `${pattern.regex.flags.replace('d', '')}d`);
        for (const ats of regexMatches(folded, regex)) add(rule, ats);
      }
    }
  }
  return hits;
}

/**
 * A phrase is matched on letters and digits alone, folded ("Nguyễn Văn A" = "nguyenvana"), so OCR
 * that split or glued words ("Nguy ễn", "NguyễnVăn") still matches; but it must start at the start
 * of a word and end at the end of one, so "Văn A" does not hit inside "Văn An".
 */
function* phraseMatches(compact: MappedText, phrase: string): Generator<Array<CharAt | undefined>> {
  const needle = [...foldDiacritics(phrase)].filter((c) => LETTER_OR_DIGIT.test(c)).join('');
  if (!needle) return;
  const { text, at } = compact;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
    const end = i + needle.length;
    const startsWord = i === 0 || at[i - 1]?.word !== at[i]?.word;
    const endsWord = end === text.length || at[end]?.word !== at[end - 1]?.word;
    if (startsWord && endsWord) yield at.slice(i, end);
  }
}

function* regexMatches(source: MappedText, regex: RegExp): Generator<Array<CharAt | undefined>> {
  for (const match of source.text.matchAll(regex)) {
    if (match[0].length === 0) continue;
    const [start, end] = match.indices?.groups?.redact ?? [match.index, match.index + match[0].length];
    yield source.at.slice(start, end);
  }
}

function piecesOf(ats: Array<CharAt | undefined>): WordPiece[] {
  const pieces: WordPiece[] = [];
  for (const a of ats) {
    if (!a) continue;
    const last = pieces[pieces.length - 1];
    if (last?.word === a.word) {
      last.from = Math.min(last.from, a.char);
      last.to = Math.max(last.to, a.char + 1);
    } else pieces.push({ word: a.word, from: a.char, to: a.char + 1 });
  }
  return pieces;
}

/**
 * The box of characters [from, to) of a word: the word's box when whole, else a slice in
 * proportion to the characters, widened toward the kept part (glyphs are not all one width; a
 * little too much black is safe, a sliver of a digit is not).
 */
export function pieceBox(box: Box, piece: Pick<WordPiece, 'from' | 'to'>, length: number): Box {
  const [x0, y0, x1, y1] = box;
  const height = y1 - y0;
  const padY = 0.12 * height;
  if (piece.from <= 0 && piece.to >= length)
    return [x0 - 0.1 * height, y0 - padY, x1 + 0.1 * height, y1 + padY];
  const unit = (x1 - x0) / Math.max(1, length);
  const left = piece.from <= 0 ? x0 - 0.1 * height : x0 + unit * piece.from - 0.3 * unit;
  const right = piece.to >= length ? x1 + 0.1 * height : x0 + unit * piece.to + 0.3 * unit;
  return [left, y0 - padY, right, y1 + padY];
}

/**
 * Boxes of consecutive words on one line become one bar: gaps between the words of a name would
 * show how many words and letters it has.
 */
function mergeAlongLines(boxes: Box[]): Box[] {
  const merged: Box[] = [];
  for (const box of boxes) {
    const last = merged[merged.length - 1];
    const overlap = last ? Math.min(last[3], box[3]) - Math.max(last[1], box[1]) : 0;
    const height = Math.min(box[3] - box[1], last ? last[3] - last[1] : 0);
    if (last && overlap > 0.5 * height && box[0] >= last[0]) {
      merged[merged.length - 1] = [
        last[0],
        Math.min(last[1], box[1]),
        Math.max(last[2], box[2]),
        Math.max(last[3], box[3]),
      ];
    } else merged.push([...box]);
  }
  return merged;
}
