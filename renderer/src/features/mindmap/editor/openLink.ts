import type { EvidenceLink } from '@hoso/mindmap';
import { navigate } from '../../../shared/router';

/** Opens the viewer at the page (and region) an evidence link points at. */
export function openLink(caseId: string, link: EvidenceLink): void {
  if (!link.pageId || link.pageId === 'none') return;
  navigate({
    name: 'viewer',
    caseId,
    pageId: link.pageId,
    ...(link.kind === 'region' ? { region: link.region } : {}),
  });
}
