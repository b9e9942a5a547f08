import type { Box } from '@hoso/contracts';
import { buildScene, readingOrder, sceneToSvg, type EvidenceLink, type MapModel } from '@hoso/mindmap';

/**
 * A map step as a picture: the whole map drawn to SVG by the mind-map package (the same drawing
 * its exports use), the focused node ringed, and a crop around it. Shown as an <img>, the map
 * gets zoom, marks and redactions like any page, and the audience needs no React Flow.
 */
export interface MapStepPicture {
  url: string;
  width: number;
  height: number;
  crop?: Box;
  focusNodeId?: string;
  /** The focused node's evidence link, so the presenter can open its page. */
  evidence?: MapEvidence;
  /** Every evidence node's box, normalized to the picture as shown (after the crop), for clicks. */
  hotspots: Array<{ box: Box; evidence: MapEvidence }>;
}

export type MapEvidence = { link: EvidenceLink; folio?: number; title: string };

export function mapStepPicture(
  model: MapModel,
  name: string,
  step: number,
  startNodeId?: string,
): MapStepPicture {
  const scene = buildScene(model);
  const order = mapStepOrder(model, startNodeId);
  const focusNodeId = order[Math.min(step, order.length - 1)];
  const focus = scene.nodes.find((n) => n.id === focusNodeId);
  let svg = sceneToSvg(scene, { title: name });
  const { x, y, width, height } = scene.bounds;
  let crop: Box | undefined;
  if (focus) {
    const pad = 6;
    const ring = `<rect x="${focus.x - pad}" y="${focus.y - pad}" width="${focus.width + 2 * pad}" height="${focus.height + 2 * pad}" rx="10" fill="none" stroke="#f9a825" stroke-width="5"/>`;
    svg = svg.replace(/<\/svg>\s*$/, `${ring}</svg>`);
    // Frame the node with its neighbourhood: three node-widths around it, within the map.
    const cx = focus.x + focus.width / 2;
    const cy = focus.y + focus.height / 2;
    const halfW = Math.max(focus.width * 1.8, 360);
    const halfH = halfW * (9 / 16);
    if (halfW * 2 < width || halfH * 2 < height) {
      crop = [
        clamp01((cx - halfW - x) / width),
        clamp01((cy - halfH - y) / height),
        clamp01((cx + halfW - x) / width),
        clamp01((cy + halfH - y) / height),
      ];
    }
  }
  const node = model.nodes.find((n) => n.id === focusNodeId);
  const evidence =
    node && node.kind === 'evidence' ? { link: node.link, folio: node.folio, title: node.title } : undefined;
  const [c0, c1, c2, c3] = crop ?? [0, 0, 1, 1];
  const toShown = (px: number, py: number): [number, number] => [
    ((px - x) / width - c0) / (c2 - c0),
    ((py - y) / height - c1) / (c3 - c1),
  ];
  const hotspots = model.nodes.flatMap((n) => {
    const sn = scene.nodes.find((m) => m.id === n.id);
    if (n.kind !== 'evidence' || !sn) return [];
    const [bx0, by0] = toShown(sn.x, sn.y);
    const [bx1, by1] = toShown(sn.x + sn.width, sn.y + sn.height);
    return [{ box: [bx0, by0, bx1, by1] as Box, evidence: { link: n.link, folio: n.folio, title: n.title } }];
  });
  return {
    url: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`,
    width,
    height,
    crop,
    focusNodeId,
    evidence,
    hotspots,
  };
}

/**
 * The order a map is stepped through at trial: the mind-map package's reading order (roots, then
 * their branches top to bottom), starting from the exhibit's node when it names one.
 */
export function mapStepOrder(model: MapModel, startNodeId?: string): string[] {
  const ids = readingOrder(model);
  if (startNodeId && ids.includes(startNodeId))
    return [startNodeId, ...ids.filter((id) => id !== startNodeId)];
  return ids;
}

function clamp01(n: number): number {
  return Math.min(1, Math.max(0, n));
}
