import { PdfFileWriter } from '../src/pdf/pdf-file-writer';
import { dict, ref } from '../src/pdf/pdf-syntax';

const A4_PT = { width: 595.28, height: 841.89 };

/**
 * A scanner's PDF for the memory bench: `pages` A4 pages, each its own JPEG object drawn over the
 * whole page (as scanners and img2pdf write them), cycling through `jpegs` (grey or RGB, any size).
 * Written object by object with the project's incremental writer, so making a 500-page file holds
 * one page at a time.
 */
export async function writeScannedPdf(
  outputPath: string,
  jpegs: { bytes: Buffer; width: number; height: number; grey: boolean }[],
  pages: number,
): Promise<void> {
  const w = await PdfFileWriter.create(outputPath);
  const catalog = w.allocate();
  const tree = w.allocate();
  const kids: number[] = [];
  for (let i = 0; i < pages; i++) {
    const jpeg = jpegs[i % jpegs.length];
    const image = w.allocate();
    await w.writeStream(
      image,
      {
        Type: '/XObject',
        Subtype: '/Image',
        Width: jpeg.width,
        Height: jpeg.height,
        ColorSpace: jpeg.grey ? '/DeviceGray' : '/DeviceRGB',
        BitsPerComponent: 8,
        Filter: '/DCTDecode',
      },
      jpeg.bytes,
    );
    const content = w.allocate();
    await w.writeContent(content, `q ${A4_PT.width} 0 0 ${A4_PT.height} 0 0 cm /Im0 Do Q`);
    kids.push(
      await w.add(
        dict({
          Type: '/Page',
          Parent: ref(tree),
          MediaBox: `[0 0 ${A4_PT.width} ${A4_PT.height}]`,
          Resources: `<< /XObject << /Im0 ${ref(image)} >> >>`,
          Contents: ref(content),
        }),
      ),
    );
  }
  await w.writeObject(tree, dict({ Type: '/Pages', Kids: `[${kids.map(ref).join(' ')}]`, Count: pages }));
  await w.writeObject(catalog, dict({ Type: '/Catalog', Pages: ref(tree) }));
  const info = await w.add(dict({ Producer: '(hoso bench)' }));
  await w.finish({ root: catalog, info, id: '0'.repeat(32) });
}
