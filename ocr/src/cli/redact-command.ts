import { OcrWordsFileSchema, type OcrPage } from '@hoso/contracts';
import type { RedactionRule } from '@hoso/text';
import { basename, extname } from 'node:path';
import { planRedaction, redactionBoxes, writeRedactedPdf, type RedactionPlan } from '../pdf/redacted-pdf';
import { InputError } from '../types';
import { checkOutputs, readInputFile as readInput } from './inputs';
import { reportFailure } from './parse-options';
import type { CliIo } from './ocr-command';
import type { RedactCommand } from './redact-args';

/**
 * `hoso redact`: finds every hit first (and with --list only prints them), then writes the redacted
 * PDF through a temp file. A rule that hits nothing is reported, so a mistyped phrase is not
 * mistaken for a clean document.
 */
export async function runRedactCommand(
  cmd: RedactCommand,
  io: Pick<CliIo, 'stdout' | 'stderr'>,
): Promise<number> {
  const say = (line: string) => io.stderr.write(`${line}\n`);
  try {
    if (cmd.output)
      await checkOutputs(
        [cmd.input, ...(cmd.words ? [cmd.words] : [])],
        [{ path: cmd.output, flag: 'OUTPUT' }],
      );
    const input = await readInput(cmd.input, 'input PDF');
    const words = cmd.words ? await readWordsFile(cmd.words) : undefined;
    const rules: RedactionRule[] = [
      ...cmd.texts.map((phrase) => ({ kind: 'text' as const, phrase })),
      ...cmd.patterns.map((source) => ({ kind: 'pattern' as const, source })),
      ...cmd.presets.map((preset) => ({ kind: 'preset' as const, preset })),
    ];
    const plan = await planRedaction(input, cmd.input, { rules, boxes: cmd.boxes, words });
    const untextured = plan.pages.filter((p) => p.textFrom === 'none').length;
    if (rules.length > 0 && untextured === plan.pageCount)
      throw new InputError(
        'no-text',
        `${cmd.input}: the PDF has no text layer to search; OCR it with 'hoso ocr' first, or give --words`,
        cmd.input,
      );
    if (cmd.list) {
      listHits(plan, io.stdout);
      return 0;
    }
    for (const rule of rules) {
      if (!plan.pages.some((p) => p.hits.some((h) => h.rule === rule)))
        say(`warning: ${describe(rule)} was not found`);
    }
    const written = await writeRedactedPdf({
      input,
      name: cmd.input,
      plan,
      outputPath: cmd.output!,
      title: basename(cmd.output!, extname(cmd.output!)),
    });
    if (!cmd.quiet) {
      const hits = plan.pages.reduce((n, p) => n + p.hits.length, 0);
      const boxes = plan.pages.reduce((n, p) => n + redactionBoxes(p).length, 0);
      say(
        `Wrote ${cmd.output}: ${hits} hits, ${boxes} boxes on ${written.redactedPages} of ${written.pages} pages redacted.`,
      );
    }
    return 0;
  } catch (error) {
    return reportFailure(error, say, (e) => e instanceof InputError, '; nothing was written');
  }
}

function describe(rule: RedactionRule): string {
  return rule.kind === 'text'
    ? `--text '${rule.phrase}'`
    : rule.kind === 'pattern'
      ? `--pattern '${rule.source}'`
      : `--preset ${rule.preset}`;
}

/** One line per hit: page, rule, text, and the box to pass to --box when redacting by hand. */
function listHits(plan: RedactionPlan, out: NodeJS.WritableStream): void {
  const pt = (v: number) => Math.round(v * 10) / 10;
  for (const page of plan.pages) {
    for (const hit of page.hits) {
      for (const box of hit.boxes) {
        out.write(
          `${page.page + 1}\t${describe(hit.rule)}\t${hit.text}\t${page.page + 1}:${box.map(pt).join(',')}\n`,
        );
      }
    }
  }
}

async function readWordsFile(path: string): Promise<OcrPage[]> {
  const bytes = await readInput(path, 'words file');
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    throw new InputError('bad-words', `${path}: the words file is not JSON`, path);
  }
  const parsed = OcrWordsFileSchema.safeParse(json);
  if (!parsed.success)
    throw new InputError(
      'bad-words',
      `${path}: not a hoso-ocr-words v1 file (${parsed.error.issues[0]?.message})`,
      path,
    );
  return parsed.data.pages;
}
