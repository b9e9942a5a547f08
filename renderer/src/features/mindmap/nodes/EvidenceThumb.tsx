import type { EvidenceLink } from '@hoso/mindmap';
import { useThumbnail } from '../data/evidence';

/** Crop of the linked page region (or the top of the page) shown inside a node. */
export function EvidenceThumb({ link, className }: { link: EvidenceLink; className: string }) {
  const url = useThumbnail(link);
  if (!url) return <div className={`${className} mm-thumb-empty`} aria-hidden="true" />;
  return (
    <img
      className={`${className} ${link.kind === 'region' ? 'mm-thumb-region' : 'mm-thumb-page'}`}
      src={url}
      alt=""
      draggable={false}
    />
  );
}
