import { num } from './pdf-syntax';

/**
 * The bút lục stamp ("BL 127") drawn in the top right corner of the page as the reader sees it.
 * Standard Helvetica-Bold (no embedding needed: the text is ASCII), in a thin box like a rubber
 * stamp. The text is real text: searching the PDF for "BL 127" finds the page.
 */
const HELVETICA_BOLD_WIDTHS: Record<string, number> = { B: 722, L: 611, ' ': 278 };
const DIGIT_WIDTH = 556;
const SIZE = 11;
const MARGIN = 18;
const PADDING = 3;

export function folioStampContent(
  folio: number,
  displayWidthPt: number,
  displayHeightPt: number,
  font: string,
) {
  const text = `BL ${folio}`;
  const textWidth =
    [...text].reduce((w, c) => w + (HELVETICA_BOLD_WIDTHS[c] ?? DIGIT_WIDTH), 0) * (SIZE / 1000);
  const x = displayWidthPt - MARGIN - PADDING - textWidth;
  const y = displayHeightPt - MARGIN - PADDING - SIZE * 0.75;
  const box = [x - PADDING, y - PADDING - SIZE * 0.2, textWidth + 2 * PADDING, SIZE * 0.95 + 2 * PADDING];
  return [
    'q',
    '0.6 0 0 RG 0.6 0 0 rg 0.8 w',
    `${box.map(num).join(' ')} re S`,
    `BT 0 Tr 100 Tz ${font} ${SIZE} Tf ${num(x)} ${num(y)} Td (${text}) Tj ET`,
    'Q',
  ].join('\n');
}

export async function writeHelveticaBold(add: (body: string) => Promise<number>): Promise<number> {
  return add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
}
