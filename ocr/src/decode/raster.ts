import sharp from 'sharp';
import { InputError } from '../types';
import type { PagePlan } from './inspect';
import { MAX_PAGE_PIXELS } from './limits';
import type { PdfPages } from './pdf-render';

/** Decoded pixels of a page in its stored orientation (EXIF not applied), 1 (grey) or 3 (RGB) channels. */
export interface Raster {
  data: Buffer;
  width: number;
  height: number;
  channels: 1 | 3;
}

/** Decodes one page for recognition. Decoding failures are the input's fault: InputError naming the page. */
export async function decodePage(plan: PagePlan, bytes: Uint8Array, pdf?: PdfPages): Promise<Raster> {
  try {
    if (plan.format === 'pdf') {
      if (!pdf) throw new Error('PDF pages need an open document');
      return await pdf.render(plan.pageInFile, plan.dpi);
    }
    const image = sharp(bytes, {
      page: plan.pageInFile,
      failOn: 'truncated',
      limitInputPixels: MAX_PAGE_PIXELS,
    });
    const meta = await image.metadata();
    // Colour is kept so seal/signature ink can be told apart from black text.
    const colour = (meta.channels ?? 1) >= 3 && meta.space !== 'b-w';
    const { data, info } = await image
      .removeAlpha()
      .toColourspace(colour ? 'srgb' : 'b-w')
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height, channels: info.channels === 3 ? 3 : 1 };
  } catch (err) {
    const page = plan.pageInFile + 1;
    const reason = (err instanceof Error ? err.message : String(err)).split('\n')[0].slice(0, 160);
    throw new InputError(
      'corrupt-file',
      `${plan.file}, page ${page}: cannot be decoded (${reason})`,
      plan.file,
      page,
    );
  }
}
