import { useMemo, useState, type RefObject } from 'react';
import { findNodes, type Alignment, type LayoutKind, type MapModel, type NodeKind } from '@hoso/mindmap';
import { useT } from '../../../i18n';
import { messages } from '../messages';

export interface ToolbarProps {
  model: MapModel;
  canUndo: boolean;
  canRedo: boolean;
  busy: boolean;
  selectedIds: string[];
  findInput: RefObject<HTMLInputElement | null>;
  onUndo(): void;
  onRedo(): void;
  onAdd(kind: NodeKind | 'issue'): void;
  onLayout(kind: LayoutKind): void;
  onAlign(how: Alignment): void;
  onFit(): void;
  onFocus(id: string): void;
  onExport(kind: 'png' | 'svg' | 'pdf-A4' | 'pdf-A3' | 'json'): void;
}

const ADD: (NodeKind | 'issue')[] = ['person', 'event', 'evidence', 'provision', 'note', 'issue', 'group'];
const ALIGN: [
  Alignment,
  (
    | 'alignLeft'
    | 'alignRight'
    | 'alignTop'
    | 'alignBottom'
    | 'alignCenterX'
    | 'alignCenterY'
    | 'distributeX'
    | 'distributeY'
  ),
][] = [
  ['left', 'alignLeft'],
  ['right', 'alignRight'],
  ['top', 'alignTop'],
  ['bottom', 'alignBottom'],
  ['center-x', 'alignCenterX'],
  ['center-y', 'alignCenterY'],
  ['distribute-x', 'distributeX'],
  ['distribute-y', 'distributeY'],
];

/** Add nodes, layouts, align, undo/redo, find, export. Selects reset to their label after use. */
export function Toolbar(p: ToolbarProps) {
  const t = useT(messages);
  const [query, setQuery] = useState('');
  const [hit, setHit] = useState(0);
  const matches = useMemo(() => findNodes(p.model, query), [p.model, query]);
  return (
    <div className="mm-toolbar" role="toolbar" aria-label={t('maps')}>
      <button type="button" onClick={p.onUndo} disabled={!p.canUndo} title={t('undo')} aria-label={t('undo')}>
        ↶
      </button>
      <button type="button" onClick={p.onRedo} disabled={!p.canRedo} title={t('redo')} aria-label={t('redo')}>
        ↷
      </button>
      <select
        aria-label={t('add')}
        value=""
        onChange={(e) => e.target.value && p.onAdd(e.target.value as NodeKind | 'issue')}
      >
        <option value="">+ {t('add')}…</option>
        {ADD.map((k) => (
          <option key={k} value={k}>
            {t(k)}
          </option>
        ))}
      </select>
      <select
        aria-label={t('layout')}
        value=""
        disabled={p.busy}
        onChange={(e) => e.target.value && p.onLayout(e.target.value as LayoutKind)}
      >
        <option value="">{t('layout')}…</option>
        <option value="tree">{t('layoutTree')}</option>
        <option value="radial">{t('layoutRadial')}</option>
        <option value="timeline">{t('layoutTimeline')}</option>
      </select>
      <select
        aria-label={t('align')}
        value=""
        disabled={p.selectedIds.length < 2}
        onChange={(e) => e.target.value && p.onAlign(e.target.value as Alignment)}
      >
        <option value="">{t('align')}…</option>
        {ALIGN.map(([v, k]) => (
          <option key={v} value={v}>
            {t(k)}
          </option>
        ))}
      </select>
      <button type="button" onClick={p.onFit} title={t('fit')}>
        ⤢
      </button>
      <form
        className="mm-find"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          if (!matches.length) return;
          const i = hit % matches.length;
          p.onFocus(matches[i]);
          setHit(i + 1);
        }}
      >
        <input
          ref={p.findInput}
          type="search"
          value={query}
          placeholder={t('findPlaceholder')}
          aria-label={t('find')}
          onChange={(e) => {
            setQuery(e.target.value);
            setHit(0);
          }}
        />
        {query && (
          <span className="mm-find-count" aria-live="polite">
            {matches.length
              ? t('matchCount', { i: hit % matches.length || (hit ? matches.length : 0), n: matches.length })
              : t('noMatch')}
          </span>
        )}
      </form>
      <select
        aria-label={t('export')}
        value=""
        onChange={(e) =>
          e.target.value &&
          p.onExport(e.target.value as ToolbarProps['onExport'] extends (k: infer K) => void ? K : never)
        }
      >
        <option value="">{t('export')}…</option>
        <option value="pdf-A4">{t('exportPdfA4')}</option>
        <option value="pdf-A3">{t('exportPdfA3')}</option>
        <option value="png">{t('exportPng')}</option>
        <option value="svg">{t('exportSvg')}</option>
        <option value="json">{t('exportJson')}</option>
      </select>
      <span className="mm-shortcuts" title={t('shortcuts')} aria-label={t('shortcuts')}>
        ⌨
      </span>
    </div>
  );
}
