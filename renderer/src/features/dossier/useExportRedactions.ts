import type { ExportPage } from '@hoso/contracts';
import { REDACTION_PRESETS, type RedactionPreset, type RedactionRule } from '@hoso/text';
import { useState } from 'react';
import { buildExport, type ExportScope } from './exportRequest';
import {
  courtroomRedactions,
  findExportHits,
  hitRedactions,
  mergeRedactions,
  viewerRedactions,
  type ReviewHit,
} from './exportRedactions';

/**
 * The export dialog's redaction state: rules typed by the user, the hits found over the pages to
 * export (each accepted or rejected in the review list), and whether the courtroom's boxes join.
 * Hits are bound to the page list they were found on; a changed dossier asks for a new search.
 */
export function useExportRedactions(caseId: string, scope: ExportScope) {
  const [phrases, setPhrases] = useState('');
  const [presets, setPresets] = useState<RedactionPreset[]>([]);
  const [useCourtroom, setUseCourtroom] = useState(false);
  const [found, setFound] = useState<{ pageIds: string[]; hits: ReviewHit[] } | null>(null);
  const [rejected, setRejected] = useState<Set<string>>(new Set());

  const rules = (): RedactionRule[] => [
    ...phrases
      .split(/[\n;]/)
      .map((p) => p.trim())
      .filter(Boolean)
      .map((phrase) => ({ kind: 'text' as const, phrase })),
    ...REDACTION_PRESETS.filter((p) => presets.includes(p)).map((preset) => ({
      kind: 'preset' as const,
      preset,
    })),
  ];

  async function find(): Promise<void> {
    const { request, pageIds } = await buildExport(caseId, scope, {
      tableOfContents: false,
      folioStamps: false,
      labels: { tocHeading: '', tocColumns: ['', '', ''] },
    });
    setFound({ pageIds, hits: findExportHits(request.pages, rules()) });
    setRejected(new Set());
  }

  /** The request's redactions, or 'stale' when the pages changed since the hits were found. */
  async function redactionsFor(pages: ExportPage[], pageIds: string[]) {
    const hits = found ? found.hits.filter((h) => !rejected.has(h.key)) : [];
    if (found && hits.length > 0 && found.pageIds.join() !== pageIds.join()) return 'stale' as const;
    const courtroom = useCourtroom ? await courtroomRedactions(caseId, pageIds) : new Map();
    // Boxes drawn in the viewer are part of the page: every export applies them.
    return mergeRedactions(hitRedactions(pages, hits), courtroom, await viewerRedactions(pages, pageIds));
  }

  return {
    phrases,
    setPhrases: (value: string) => {
      setPhrases(value);
      setFound(null);
    },
    presets,
    togglePreset: (preset: RedactionPreset) => {
      setPresets((p) => (p.includes(preset) ? p.filter((x) => x !== preset) : [...p, preset]));
      setFound(null);
    },
    useCourtroom,
    setUseCourtroom,
    hits: found?.hits ?? null,
    hasRules: rules().length > 0,
    isAccepted: (key: string) => !rejected.has(key),
    toggleHit: (key: string) =>
      setRejected((r) => {
        const next = new Set(r);
        if (next.has(key)) next.delete(key);
        else next.add(key);
        return next;
      }),
    find,
    redactionsFor,
  };
}

export type ExportRedactions = ReturnType<typeof useExportRedactions>;
