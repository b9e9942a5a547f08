import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EntitiesOutput } from '../../../ocr/src/cli/entities-command';
import { runHoso, runHosoInProcess } from './run-hoso';

const fixtures = join(import.meta.dirname, '../../../fixtures');
const parse = (stdout: string) => JSON.parse(stdout) as EntitiesOutput;
const find = (out: EntitiesOutput, kind: string, normalized: string) =>
  out.entities.find((e) => e.kind === kind && e.normalized === normalized);

describe('hoso entities', () => {
  it('reads the sample dossier words: people with roles and pages, numbers, provisions', async () => {
    const r = await runHosoInProcess([
      'entities',
      join(fixtures, 'entities/sample-dossier.words.json'),
      '--json',
    ]);
    expect(r.code).toBe(0);
    const out = parse(r.stdout);
    const khanh = find(out, 'person', 'Ma Văn Khánh');
    expect(khanh?.role).toBe('bị can');
    expect(khanh?.occurrences.every((o) => o.page === 5 && o.box.length === 4)).toBe(true);
    expect(khanh!.occurrences.length).toBeGreaterThan(3); // "Khánh" short forms linked
    expect(find(out, 'plate', '12F1-345.67')?.occurrences[0].page).toBe(1);
    expect(find(out, 'legal_ref', 'điểm c khoản 2 Điều 174 BLHS')).toBeDefined();
    expect(find(out, 'bank_account', '0071000654321')).toBeDefined();
    expect(find(out, 'money', '120000000')).toBeDefined();
  });

  it('reads the labelled set and prints a table without --json', async () => {
    const r = await runHosoInProcess(['entities', join(fixtures, 'entities/ocr.words.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^KIND\s+ENTITY\s+ROLE\s+PAGES/);
    expect(r.stdout).toMatch(/person\s+Ksor Y Phúc\s+bị can\s+1\n/);
    expect(r.stdout).toMatch(/plate\s+51K-888\.12\s+2\n/);
  });

  it("reads a PDF's text layer", async () => {
    const r = await runHoso(['entities', join(fixtures, 'born-digital/01-quyet-dinh-khoi-to.pdf'), '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = parse(r.stdout);
    expect(find(out, 'person', 'Hoàng Văn Thắng')?.occurrences[0].page).toBe(1);
    expect(find(out, 'plate', '12F1-345.67')).toBeDefined();
    expect(find(out, 'doc_number', '127/QĐ-VKSKV4')).toBeDefined();
  });

  it('refuses a scanned PDF without a text layer, and bad files, with a clear message', async () => {
    const scan = await runHosoInProcess(['entities', join(fixtures, 'sample-dossier/04-cao-trang.pdf')]);
    expect(scan.code).toBe(2);
    expect(scan.stderr).toMatch(/has no text layer.*hoso ocr/);
    const dir = mkdtempSync(join(tmpdir(), 'hoso-entities-'));
    writeFileSync(join(dir, 'bad.json'), '{"format":');
    writeFileSync(join(dir, 'other.json'), '{"format":"something-else"}');
    writeFileSync(join(dir, 'fake.pdf'), 'hello');
    const cases: [string, RegExp][] = [
      ['bad.json', /not valid JSON/],
      ['other.json', /not a HoSo words file/],
      ['fake.pdf', /not a PDF/],
      ['missing.json', /no such file/],
    ];
    for (const [file, message] of cases) {
      const r = await runHosoInProcess(['entities', join(dir, file)]);
      expect(r.code, file).toBe(2);
      expect(r.stderr, file).toMatch(message);
    }
    const usage = await runHosoInProcess(['entities']);
    expect(usage.code).toBe(2);
  });
});
