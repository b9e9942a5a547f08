import { REDACTION_PRESETS, type RedactionPreset } from '@hoso/text';
import { parseOptions, UsageError } from './parse-options';

export const REDACT_USAGE = `Usage: hoso redact IN.pdf -o OUT.pdf [what to redact]... [options]

Redacts a HoSo searchable PDF for real: under each box the page image is painted black and
re-encoded (only those pages), the words under it leave the text layer, and the file is rewritten
without the old images, history, metadata, XMP or thumbnails. IN.pdf is never changed.

What to redact (any number of each):
      --text PHRASE        a phrase, matched without regard to diacritics or case
                           ("nguyen van a" finds "Nguyễn Văn A")
      --pattern REGEX      a JavaScript regular expression over a line's text (case-insensitive)
      --preset NAME        cccd (12-digit citizen ID, 9-digit CMND), phone (0xxx…, +84…),
                           plate (51K-888.12), dob (dates of birth)
      --box PAGE:x0,y0,x1,y1
                           a rectangle on page PAGE (1 = first), in points (1/72 inch) from the
                           page's top-left corner as displayed

Options:
  -o, --output FILE        the redacted PDF to write (required unless --list)
      --words FILE         the hoso-ocr-words JSON of IN.pdf ('hoso ocr --words'): locate text by
                           its OCR words instead of the PDF's text layer
      --list               print every hit (page, text, box) and write nothing: review first
  -q, --quiet              print nothing on success
  -h, --help               show this help

Exit codes: 0 done, 2 bad input or usage (nothing is written), 1 internal error.`;

export interface BoxArgument {
  /** 0-based page. */
  page: number;
  /** Points from the displayed page's top-left: x0, y0, x1, y1. */
  box: [number, number, number, number];
}

export interface RedactCommand {
  kind: 'redact';
  input: string;
  output?: string;
  texts: string[];
  patterns: string[];
  presets: RedactionPreset[];
  boxes: BoxArgument[];
  words?: string;
  list: boolean;
  quiet: boolean;
}

export function parseRedactCommand(argv: string[]): RedactCommand | { kind: 'help'; usage: string } {
  const { values, positionals } = parseOptions(argv, {
    output: { type: 'string', short: 'o' },
    text: { type: 'string', multiple: true, default: [] },
    pattern: { type: 'string', multiple: true, default: [] },
    preset: { type: 'string', multiple: true, default: [] },
    box: { type: 'string', multiple: true, default: [] },
    words: { type: 'string' },
    list: { type: 'boolean', default: false },
    quiet: { type: 'boolean', short: 'q', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) return { kind: 'help', usage: REDACT_USAGE };
  if (positionals.length === 0) throw new UsageError('no IN.pdf given: name the PDF to redact');
  if (positionals.length > 1) throw new UsageError('hoso redact redacts one PDF at a time');
  if (!values.output && !values.list)
    throw new UsageError('no OUTPUT given: add -o OUT.pdf (or --list to review hits)');
  const texts = values.text.map((t) => t.normalize('NFC').trim());
  if (texts.some((t) => t.length === 0)) throw new UsageError('--text must not be empty');
  for (const pattern of values.pattern) {
    try {
      new RegExp(pattern, 'giu');
    } catch (error) {
      throw new UsageError(
        `--pattern '${pattern}' is not a valid regular expression (${(error as Error).message})`,
      );
    }
  }
  const presets = values.preset.map((name) => {
    if (!(REDACTION_PRESETS as readonly string[]).includes(name))
      throw new UsageError(`--preset must be one of ${REDACTION_PRESETS.join(', ')} (got '${name}')`);
    return name as RedactionPreset;
  });
  const boxes = values.box.map(parseBox);
  if (texts.length + values.pattern.length + presets.length + boxes.length === 0)
    throw new UsageError('nothing to redact: give --text, --pattern, --preset or --box');
  return {
    kind: 'redact',
    input: positionals[0],
    output: values.output,
    texts,
    patterns: values.pattern,
    presets,
    boxes,
    words: values.words,
    list: values.list,
    quiet: values.quiet,
  };
}

function parseBox(value: string): BoxArgument {
  const match = /^(\d+):(-?[\d.]+),(-?[\d.]+),(-?[\d.]+),(-?[\d.]+)$/.exec(value.trim());
  if (!match) throw new UsageError(`--box '${value}' must be PAGE:x0,y0,x1,y1 (e.g. 1:72,100,300,130)`);
  const page = Number(match[1]);
  const [x0, y0, x1, y1] = match.slice(2).map(Number);
  if (page < 1) throw new UsageError(`--box '${value}': pages count from 1`);
  if (![x0, y0, x1, y1].every(Number.isFinite) || x1 <= x0 || y1 <= y0)
    throw new UsageError(`--box '${value}': x1 must be greater than x0 and y1 greater than y0`);
  return { page: page - 1, box: [x0, y0, x1, y1] };
}
