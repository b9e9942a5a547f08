import type { Scene } from './scene';

/**
 * Vector SVG of a map scene. Text stays text (searchable, sharp at any zoom); thumbnails are
 * embedded as data URLs the caller supplies, so the file is self-contained.
 */
const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const FONT = "'DejaVu Sans', 'Noto Sans', Arial, sans-serif";

export function sceneToSvg(
  scene: Scene,
  options: { title: string; images?: ReadonlyMap<string, string> },
): string {
  const { x, y, width, height } = scene.bounds;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="${x} ${y} ${width} ${height}" width="${Math.ceil(width)}" height="${Math.ceil(height)}" font-family="${esc(FONT)}">`,
    `<title>${esc(options.title)}</title>`,
    `<defs>${['#2e7d32', '#b3261e', '#7a828c', '#1a5fb4']
      .map(
        (c) =>
          `<marker id="arrow-${c.slice(1)}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${c}"/></marker>`,
      )
      .join('')}</defs>`,
    `<rect x="${x}" y="${y}" width="${width}" height="${height}" fill="#ffffff"/>`,
  );
  // Lines under the nodes (as on screen), labels over both.
  for (const e of scene.edges)
    out.push(
      `<line data-edge="${esc(e.id)}" x1="${e.x1}" y1="${e.y1}" x2="${e.x2}" y2="${e.y2}" stroke="${e.color}" stroke-width="${e.width}"${e.dash ? ' stroke-dasharray="7 5"' : ''} marker-end="url(#arrow-${e.color.slice(1)})"/>`,
    );
  for (const n of scene.nodes) {
    const s = n.style;
    out.push(
      `<g data-node="${esc(n.id)}"><rect x="${n.x}" y="${n.y}" width="${n.width}" height="${n.height}" rx="6" fill="${s.fill}" stroke="${s.stroke}" stroke-width="1.5"${s.dash ? ' stroke-dasharray="6 4"' : ''}/>`,
    );
    const href = options.images?.get(n.id);
    if (n.image && href) {
      const i = n.image;
      out.push(
        `<image x="${i.x}" y="${i.y}" width="${i.width}" height="${i.height}" preserveAspectRatio="xMidYMid slice" href="${esc(href)}"/>`,
        `<rect x="${i.x}" y="${i.y}" width="${i.width}" height="${i.height}" fill="none" stroke="#d9d6cf"/>`,
      );
    }
    for (const t of n.texts)
      out.push(
        `<text x="${t.x}" y="${t.y}" font-size="${t.size}"${t.bold ? ' font-weight="bold"' : ''} fill="${t.color}">${esc(t.text)}</text>`,
      );
    out.push('</g>');
  }
  for (const e of scene.edges)
    if (e.label)
      out.push(
        `<text x="${e.lx}" y="${e.ly - 4}" font-size="10" text-anchor="middle" fill="${e.color}" stroke="#ffffff" stroke-width="3" paint-order="stroke">${esc(e.label)}</text>`,
      );
  out.push('</svg>');
  return out.join('\n');
}
