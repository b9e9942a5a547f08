import type { OcrWord } from '@hoso/contracts';

/**
 * Dots the model invents in a wide gap. In a two-column header (agency name left, national motto
 * right) tesseract may take both columns as one text line, and the LSTM model then often reads the
 * empty stretch between them as dots glued to the last word of the left column ("KHU..",
 * "SƠN...", "KHU."). A word in capitals ending in dots and followed by a gap wider than the line
 * is tall loses those dots and the part of its box they took; at the end of a line only two or
 * more dots go.
 */
export function dropGapDots(words: OcrWord[], lineHeight: number): OcrWord[] {
  return words.map((word, i) => {
    const m = /^(.*\p{Lu}{2,})(\.+)$/u.exec(word.text);
    if (!m || /\p{Ll}/u.test(m[1])) return word;
    const next = words[i + 1];
    if (next && next.box[0] - word.box[2] < lineHeight) return word;
    // One dot may end a heading line; before a column gap it is the same invention.
    if (!next && m[2].length < 2) return word;
    const [x0, y0, x1, y1] = word.box;
    // A dot is about a third as wide as a capital.
    const kept = [...m[1]].length;
    const width = ((x1 - x0) * kept) / (kept + m[2].length / 3);
    return { ...word, text: m[1], box: [x0, y0, Math.round((x0 + width) * 100) / 100, y1] };
  });
}
