import type { Tool } from '../state/keys';
import { useT } from '../../../i18n';
import { courtroomMessages } from '../messages';

export const MARK_COLORS = ['#e53935', '#1e88e5', '#43a047', '#fdd835', '#212121'];

const TOOLS: Array<{
  tool: Tool;
  key: 'toolPan' | 'toolLaser' | 'toolPen' | 'toolHighlighter' | 'toolRedact' | 'toolCallout';
}> = [
  { tool: 'pan', key: 'toolPan' },
  { tool: 'laser', key: 'toolLaser' },
  { tool: 'pen', key: 'toolPen' },
  { tool: 'highlighter', key: 'toolHighlighter' },
  { tool: 'redact', key: 'toolRedact' },
  { tool: 'callout', key: 'toolCallout' },
];

export interface ToolbarProps {
  tool: Tool;
  color: string;
  onTool: (tool: Tool) => void;
  onColor: (color: string) => void;
  onZoom: (factor: number | 'fit') => void;
  sideBySide: boolean;
  onSideBySide: () => void;
  stamp: boolean;
  onStamp: () => void;
  onClearMarks: () => void;
  hasCallout: boolean;
  onCloseCallout: () => void;
  canSaveMarked: boolean;
  onSaveMarked: () => void;
  redactionCount: number;
  onRemoveRedactions: () => void;
}

/** The presenter's tools; every button has a one-key shortcut shown in its title. */
export function Toolbar(p: ToolbarProps) {
  const t = useT(courtroomMessages);
  return (
    <div className="cr-toolbar" role="toolbar" aria-label={t('tools')}>
      {TOOLS.map(({ tool, key }) => (
        <button
          key={tool}
          type="button"
          aria-pressed={p.tool === tool}
          className={p.tool === tool ? 'on' : undefined}
          onClick={() => p.onTool(tool)}
        >
          {t(key)}
        </button>
      ))}
      <span className="cr-colors" role="group" aria-label={t('color')}>
        {MARK_COLORS.map((c) => (
          <button
            key={c}
            type="button"
            className={`cr-swatch${p.color === c ? ' on' : ''}`}
            style={{ background: c }}
            aria-label={`${t('color')} ${c}`}
            aria-pressed={p.color === c}
            onClick={() => p.onColor(c)}
          />
        ))}
      </span>
      <button type="button" title={t('zoomOut')} aria-label={t('zoomOut')} onClick={() => p.onZoom(0.8)}>
        −
      </button>
      <button type="button" title={t('zoomFit')} aria-label={t('zoomFit')} onClick={() => p.onZoom('fit')}>
        ⤢
      </button>
      <button type="button" title={t('zoomIn')} aria-label={t('zoomIn')} onClick={() => p.onZoom(1.25)}>
        +
      </button>
      <button
        type="button"
        aria-pressed={p.sideBySide}
        className={p.sideBySide ? 'on' : undefined}
        onClick={p.onSideBySide}
      >
        {t('sideBySide')}
      </button>
      <button type="button" aria-pressed={p.stamp} className={p.stamp ? 'on' : undefined} onClick={p.onStamp}>
        {t('stampToggle')}
      </button>
      <button type="button" onClick={p.onClearMarks}>
        {t('clearMarks')}
      </button>
      {p.hasCallout && (
        <button type="button" onClick={p.onCloseCallout}>
          {t('closeCallout')}
        </button>
      )}
      {p.canSaveMarked && (
        <button type="button" onClick={p.onSaveMarked}>
          {t('saveMarked')}
        </button>
      )}
      {p.redactionCount > 0 && (
        <button type="button" className="danger" onClick={p.onRemoveRedactions}>
          {t('removeRedactions')} ({p.redactionCount})
        </button>
      )}
    </div>
  );
}
