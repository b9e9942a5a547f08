/**
 * Does the resident helper read exactly as the tesseract CLI does?
 *   `tsx ocr/bench/resident-vs-cli.ts FILE...` (e.g. ../shared/corpus/0*\/v1-scan.jpg)
 * prepares each file's first page as HoSo does, then compares, byte for byte, the TSV of
 * `tesseract page stdout` (the CLI engine's arguments) with hoso-tesseract's for the same pixels.
 * Exit 1 on any difference. CPU per page: `HOSO_OCR_RESIDENT=0|1 taskset -c 0 tsx ocr/bench/stages.ts`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { planInputs } from '../src/decode/inspect';
import { decodePage } from '../src/decode/raster';
import { prepareForRecognition, readPgm } from '../src/preprocess/prepare';
import { tesseractVariables } from '../src/recognize/native-settings';
import { pageTiff } from '../src/recognize/page-tiff';
import { DEFAULT_ENGINE } from '../src/recognize/recognizer';
import { pageRequest } from '../src/recognize/resident';
import { findResidentHelper } from '../src/recognize/resident-helper';
import { ResidentProcess } from '../src/recognize/resident-process';
import { findTesseract } from '../src/recognize/tesseract-binary';
import { findTessdata } from '../src/recognize/tessdata';

const settings = { ...DEFAULT_ENGINE, lang: 'vie' as const };
const helper = await findResidentHelper();
if (!('path' in helper)) throw new Error(`no resident helper: ${helper.skipped}`);
const cli = await findTesseract();
const tessdata = (await findTessdata({ lang: 'vie', model: 'fast', installedDir: cli.tessdataDir }))!;
const vars = tesseractVariables(settings);
const { process: resident, version } = await ResidentProcess.start(
  helper.path,
  [tessdata.dir, settings.lang, settings.psm, ...vars.map(([k, v]) => `${k}=${v}`)],
  20_000,
);
console.log(`CLI ${cli.path} ${cli.version} · helper ${helper.path} ${version} · ${tessdata.dir}`);
const cliArgs = ['--tessdata-dir', tessdata.dir, '-l', settings.lang, '--oem', '1', '--psm', settings.psm];
cliArgs.push('--dpi', String(settings.recognitionDpi), ...vars.flatMap(([k, v]) => ['-c', `${k}=${v}`]));
const tmp = mkdtempSync(path.join(os.tmpdir(), 'hoso-resident-'));
let differ = 0;
try {
  const { plans } = await planInputs(process.argv.slice(2));
  for (const plan of plans) {
    const page = plan.pages[0];
    const raster = await decodePage(page, new Uint8Array(readFileSync(plan.file)));
    const { image } = await prepareForRecognition(raster, { dpi: page.dpi, exifRotation: page.exifRotation });
    // The page as the CLI engine hands it over (native.ts): an uncompressed TIFF file.
    const file = path.join(tmp, 'page.tif');
    writeFileSync(file, Buffer.concat(pageTiff(readPgm(image)!, settings.recognitionDpi)));
    const env = { ...process.env, OMP_THREAD_LIMIT: '1' };
    const fromCli = execFileSync(cli.path, [file, 'stdout', ...cliArgs], {
      env,
      maxBuffer: 1 << 26,
    }).toString();
    const fromHelper = await resident.recognize(pageRequest(image, settings.recognitionDpi), 300_000);
    const same = fromCli === fromHelper;
    if (!same) differ++;
    const words = fromCli.split('\n').filter((r) => r.startsWith('5\t')).length;
    console.log(
      `${path.relative(process.cwd(), plan.file)}: ${same ? 'same TSV' : 'DIFFERENT TSV'} (${words} words)`,
    );
  }
} finally {
  await resident.close();
  rmSync(tmp, { recursive: true, force: true });
}
process.exit(differ ? 1 : 0);
