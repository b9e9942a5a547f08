import { buildScene, sceneToSvg, serializeMap, type MapModel } from '@hoso/mindmap';
import regularFontUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url';
import boldFontUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?url';
import { linkThumbnail } from '../data/evidence';
import { mapToPdf, type PaperSize } from './pdf';

/**
 * The map's exports for the case report, all drawn from the same scene (see @hoso/mindmap
 * scene.ts): SVG (vector), PNG (the SVG rasterized at print resolution), PDF (vector, DejaVu
 * fonts shipped with the app so Vietnamese stays intact and extractable), and JSON.
 */
export interface ExportMeta {
  mapName: string;
  caseNumber: string;
  caseName: string;
}

/** "Đánh giá chứng cứ" → "Danh-gia-chung-cu": a file name every OS and mail client accepts. */
export function fileStem(name: string): string {
  return (
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'so-do'
  );
}

export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Thumbnails (evidence regions, person photos) as data URLs by node id. */
async function thumbnails(model: MapModel): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  await Promise.all(
    model.nodes.map(async (n) => {
      const link = n.kind === 'evidence' ? n.link : n.kind === 'person' ? n.photo : undefined;
      if (!link) return;
      const url = await linkThumbnail(link);
      if (url) out.set(n.id, url);
    }),
  );
  return out;
}

export async function mapSvg(model: MapModel, meta: ExportMeta): Promise<string> {
  return sceneToSvg(buildScene(model), {
    title: `${meta.mapName} — ${meta.caseNumber}`,
    images: await thumbnails(model),
  });
}

export async function exportSvg(model: MapModel, meta: ExportMeta): Promise<void> {
  download(new Blob([await mapSvg(model, meta)], { type: 'image/svg+xml' }), `${fileStem(meta.mapName)}.svg`);
}

/** PNG at about 300 dpi (3× the 96-dpi flow pixels), capped to what a canvas can hold. */
export async function mapPng(model: MapModel, meta: ExportMeta): Promise<Blob> {
  const svg = await mapSvg(model, meta);
  const { width, height } = buildScene(model).bounds;
  const scale = Math.min(3, 16_000 / Math.max(width, height), Math.sqrt(200e6 / (width * height)));
  const img = new Image();
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('canvas unavailable');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

export async function exportPng(model: MapModel, meta: ExportMeta): Promise<void> {
  download(await mapPng(model, meta), `${fileStem(meta.mapName)}.png`);
}

function dataUrlBytes(url: string): { bytes: Uint8Array; type: 'png' | 'jpeg' } {
  const [head, b64] = url.split(',');
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return { bytes, type: head.includes('png') ? 'png' : 'jpeg' };
}

async function fetchBytes(url: string): Promise<ArrayBuffer> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`font ${url}: HTTP ${res.status}`);
  return res.arrayBuffer();
}

export async function mapPdf(model: MapModel, meta: ExportMeta, paper: PaperSize): Promise<Uint8Array> {
  const [regular, bold, thumbs] = await Promise.all([
    fetchBytes(regularFontUrl),
    fetchBytes(boldFontUrl),
    thumbnails(model),
  ]);
  const images = new Map([...thumbs].map(([id, url]) => [id, dataUrlBytes(url)]));
  const d = new Date();
  const date = `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;
  return mapToPdf({
    model,
    paper,
    title: { caseNumber: meta.caseNumber, caseName: meta.caseName, mapName: meta.mapName, date },
    fonts: { regular, bold },
    images,
  });
}

export async function exportPdf(model: MapModel, meta: ExportMeta, paper: PaperSize): Promise<void> {
  const bytes = await mapPdf(model, meta, paper);
  download(
    new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }),
    `${fileStem(meta.mapName)}-${paper}.pdf`,
  );
}

export function exportJson(model: MapModel, meta: ExportMeta): void {
  const text = serializeMap(model, { name: meta.mapName, caseNumber: meta.caseNumber });
  download(new Blob([text], { type: 'application/json' }), `${fileStem(meta.mapName)}.hoso-map.json`);
}
