import fontkit from '@pdf-lib/fontkit';
import { LineCapStyle, PDFDocument, PDFFont, PageSizes, rgb, type PDFImage, type PDFPage } from 'pdf-lib';
import { buildScene, type MapModel, type Scene } from '@hoso/mindmap';

/**
 * PDF of a map for the case report: one landscape page (A4 or A3) with a title block (case
 * number, map name, date) and the map drawn as vectors — boxes, lines and real text in DejaVu
 * Sans, which covers Vietnamese (see GUIDE: fonts without U+1EA0–U+1EF9 corrupt the text layer).
 * Pure pdf-lib: runs in the renderer and in Node tests alike; the caller supplies font bytes.
 */
export type PaperSize = 'A4' | 'A3';

export interface MapPdfInput {
  model: MapModel;
  paper: PaperSize;
  title: { caseNumber: string; caseName: string; mapName: string; date: string };
  fonts: { regular: ArrayBuffer | Uint8Array; bold: ArrayBuffer | Uint8Array };
  /** Thumbnails by node id (evidence regions, person photos), PNG or JPEG bytes. */
  images?: ReadonlyMap<string, { bytes: Uint8Array; type: 'png' | 'jpeg' }>;
}

const hex = (c: string) => {
  const n = parseInt(c.slice(1), 16);
  return rgb(((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255);
};

const MARGIN = 28;
const TITLE_H = 54;

function drawTitleBlock(page: PDFPage, input: MapPdfInput, regular: PDFFont, bold: PDFFont): void {
  const { width, height } = page.getSize();
  const top = height - MARGIN;
  page.drawRectangle({
    x: MARGIN,
    y: top - TITLE_H,
    width: width - MARGIN * 2,
    height: TITLE_H,
    borderColor: hex('#1d232b'),
    borderWidth: 1,
  });
  const t = input.title;
  page.drawText(t.mapName, { x: MARGIN + 10, y: top - 22, size: 15, font: bold, color: hex('#9b1c1c') });
  page.drawText(`Vụ án số ${t.caseNumber}${t.caseName ? ` — ${t.caseName}` : ''}`, {
    x: MARGIN + 10,
    y: top - 42,
    size: 10.5,
    font: regular,
    color: hex('#1d232b'),
  });
  const dateText = `Ngày lập: ${t.date}`;
  page.drawText(dateText, {
    x: width - MARGIN - 10 - regular.widthOfTextAtSize(dateText, 10.5),
    y: top - 42,
    size: 10.5,
    font: regular,
  });
  const app = 'HoSo — Sơ đồ tư duy';
  page.drawText(app, {
    x: width - MARGIN - 10 - regular.widthOfTextAtSize(app, 9),
    y: top - 20,
    size: 9,
    font: regular,
    color: hex('#5b6470'),
  });
}

function drawScene(
  page: PDFPage,
  scene: Scene,
  area: { x: number; y: number; width: number; height: number },
  fonts: { regular: PDFFont; bold: PDFFont },
  images: Map<string, PDFImage>,
): void {
  const b = scene.bounds;
  const k = Math.min(area.width / b.width, area.height / b.height, 1.5);
  // Centre the map in the area; PDF y grows upwards.
  const ox = area.x + (area.width - b.width * k) / 2;
  const oyTop = area.y + area.height - (area.height - b.height * k) / 2;
  const X = (x: number) => ox + (x - b.x) * k;
  const Y = (y: number) => oyTop - (y - b.y) * k;
  for (const e of scene.edges) {
    const color = hex(e.color);
    const [x1, y1, x2, y2] = [X(e.x1), Y(e.y1), X(e.x2), Y(e.y2)];
    page.drawLine({
      start: { x: x1, y: y1 },
      end: { x: x2, y: y2 },
      thickness: e.width * k,
      color,
      lineCap: LineCapStyle.Round,
      ...(e.dash ? { dashArray: [6 * k, 4 * k] } : {}),
    });
    // Arrowhead: a filled triangle at the target end.
    const len = Math.hypot(x2 - x1, y2 - y1) || 1;
    const ux = (x2 - x1) / len;
    const uy = (y2 - y1) / len;
    const a = 8 * k;
    const w = 4 * k;
    const bx = x2 - ux * a;
    const by = y2 - uy * a;
    // drawSvgPath uses SVG's y-down axis from the given origin, so flip y while building the path.
    const pts = [
      [x2, y2],
      [bx - uy * w, by + ux * w],
      [bx + uy * w, by - ux * w],
    ];
    page.drawSvgPath(`M${pts.map(([px, py]) => `${px},${-py}`).join(' L')} Z`, {
      x: 0,
      y: 0,
      color,
      borderWidth: 0,
    });
  }
  // Nodes over the lines (as on screen), labels over both.
  for (const n of scene.nodes) {
    page.drawRectangle({
      x: X(n.x),
      y: Y(n.y + n.height),
      width: n.width * k,
      height: n.height * k,
      color: hex(n.style.fill),
      borderColor: hex(n.style.stroke),
      borderWidth: 1.2 * k,
      ...(n.style.dash ? { borderDashArray: [5 * k, 3 * k] } : {}),
    });
    const img = images.get(n.id);
    if (n.image && img) {
      const box = n.image;
      const s = Math.min((box.width * k) / img.width, (box.height * k) / img.height);
      const w = img.width * s;
      const h = img.height * s;
      page.drawImage(img, {
        x: X(box.x) + (box.width * k - w) / 2,
        y: Y(box.y + box.height) + (box.height * k - h) / 2,
        width: w,
        height: h,
      });
    }
    for (const t of n.texts)
      page.drawText(t.text, {
        x: X(t.x),
        y: Y(t.y),
        size: t.size * k,
        font: t.bold ? fonts.bold : fonts.regular,
        color: hex(t.color),
      });
  }
  for (const e of scene.edges) {
    const color = hex(e.color);
    if (e.label) {
      const size = 9 * k;
      const tw = fonts.regular.widthOfTextAtSize(e.label, size);
      const lx = X(e.lx) - tw / 2;
      const ly = Y(e.ly) + 3 * k;
      page.drawRectangle({
        x: lx - 2 * k,
        y: ly - 2 * k,
        width: tw + 4 * k,
        height: size + 2 * k,
        color: rgb(1, 1, 1),
        opacity: 0.85,
      });
      page.drawText(e.label, { x: lx, y: ly, size, font: fonts.regular, color });
    }
  }
}

export async function mapToPdf(input: MapPdfInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(`${input.title.mapName} — ${input.title.caseNumber}`);
  doc.setCreator('HoSo');
  doc.setProducer('HoSo (pdf-lib)');
  doc.setLanguage('vi-VN');
  const regular = await doc.embedFont(input.fonts.regular, { subset: true });
  const bold = await doc.embedFont(input.fonts.bold, { subset: true });
  const [w, h] = input.paper === 'A3' ? PageSizes.A3 : PageSizes.A4;
  const page = doc.addPage([h, w]); // landscape
  drawTitleBlock(page, input, regular, bold);
  const images = new Map<string, PDFImage>();
  for (const [id, img] of input.images ?? [])
    images.set(id, img.type === 'png' ? await doc.embedPng(img.bytes) : await doc.embedJpg(img.bytes));
  // Wrap text with the real font so the boxes hold exactly what the PDF prints.
  const scene = buildScene(input.model, (text, size, isBold) =>
    (isBold ? bold : regular).widthOfTextAtSize(text, size),
  );
  const { width, height } = page.getSize();
  if (scene.nodes.length)
    drawScene(
      page,
      scene,
      { x: MARGIN, y: MARGIN, width: width - MARGIN * 2, height: height - MARGIN * 2 - TITLE_H - 12 },
      { regular, bold },
      images,
    );
  return doc.save();
}
