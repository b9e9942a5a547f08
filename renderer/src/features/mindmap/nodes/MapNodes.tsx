import { memo, type ReactNode } from 'react';
import { Handle, NodeResizer, Position, type NodeProps, type NodeTypes } from '@xyflow/react';
import { nodeBadge, nodeDetails, nodeTitle, provisionCitation, styleKey, type MapNode } from '@hoso/mindmap';
import { useLinkedPage } from '../data/evidence';
import type { FlowNode } from '../editor/toFlow';
import { EvidenceThumb } from './EvidenceThumb';
import { useMapActions } from '../editor/context';
import { useLightNodes } from './farContext';

/**
 * One component per node kind; the look (colour, border) comes from the same style key the
 * exports use (`styleKey`), as a CSS class. Sizes are fixed per kind (see NODE_SIZE).
 * Light (`useLightNodes`: the presenter zoomed far out; the editor draws far zoom on a canvas) a
 * node renders its box, badge and title only: no details, thumbnails or Dexie queries, so the hundreds
 * of nodes mounted while zooming out of a big map stay cheap (the CSS hides the same parts anyway).
 */
function Shell({
  node,
  focused,
  selected,
  children,
}: {
  node: MapNode;
  focused?: boolean;
  selected: boolean;
  children: ReactNode;
}) {
  return (
    <div
      className={`mm-node mm-${styleKey(node)}${focused ? ' mm-focused' : ''}${selected ? ' mm-selected' : ''}`}
      data-node-id={node.id}
      data-kind={node.kind}
      // The box is fixed-size and clamps its lines; the whole text is one hover away (and in the inspector).
      title={[nodeBadge(node), nodeTitle(node), ...nodeDetails(node)].filter(Boolean).join('\n')}
    >
      <Handle type="target" position={Position.Left} className="mm-handle" />
      {children}
      <Handle type="source" position={Position.Right} className="mm-handle" />
    </div>
  );
}

function Details({ node }: { node: MapNode }) {
  return (
    <>
      {nodeDetails(node).map((d, i) => (
        <div key={i} className="mm-detail">
          {d}
        </div>
      ))}
    </>
  );
}

const PersonNode = memo(function PersonNode({ data, selected }: NodeProps<FlowNode>) {
  const n = data.node;
  const far = useLightNodes();
  if (n.kind !== 'person') return null;
  return (
    <Shell node={n} focused={data.focused} selected={selected}>
      <div className="mm-person">
        {n.photo && !far && <EvidenceThumb link={n.photo} className="mm-photo" />}
        <div className="mm-text">
          <div className="mm-badge">{nodeBadge(n)}</div>
          <div className="mm-title">{n.name}</div>
          {!far && <Details node={n} />}
        </div>
      </div>
    </Shell>
  );
});

const EventNode = memo(function EventNode({ data, selected }: NodeProps<FlowNode>) {
  const n = data.node;
  const far = useLightNodes();
  return (
    <Shell node={n} focused={data.focused} selected={selected}>
      <div className="mm-badge">{nodeBadge(n)}</div>
      <div className="mm-title">{nodeTitle(n)}</div>
      {!far && <Details node={n} />}
    </Shell>
  );
});

const EvidenceNode = memo(function EvidenceNode({ data, selected }: NodeProps<FlowNode>) {
  const n = data.node;
  const far = useLightNodes();
  if (n.kind !== 'evidence') return null;
  return (
    <Shell node={n} focused={data.focused} selected={selected}>
      {far ? (
        <>
          <div className="mm-badge">CHỨNG CỨ{n.folio ? ` · BL ${n.folio}` : ''}</div>
          <div className="mm-title mm-clamp2">{n.title}</div>
        </>
      ) : (
        <EvidenceBody node={n} />
      )}
    </Shell>
  );
});

function EvidenceBody({ node: n }: { node: Extract<MapNode, { kind: 'evidence' }> }) {
  const page = useLinkedPage(n.link);
  // The page's current folio wins over the one recorded when the node was made (folios get renumbered).
  const folio = page?.folio ?? n.folio;
  return (
    <>
      <div className="mm-badge">
        CHỨNG CỨ{folio ? ` · BL ${folio}` : ''}
        {page === null && <span className="mm-missing"> ⚠</span>}
      </div>
      <div className="mm-title mm-clamp2">{n.title}</div>
      <div className="mm-detail">{nodeDetails({ ...n, folio: undefined })[0]}</div>
      <EvidenceThumb link={n.link} className="mm-thumb" />
    </>
  );
}

const ProvisionNode = memo(function ProvisionNode({ data, selected }: NodeProps<FlowNode>) {
  const n = data.node;
  const far = useLightNodes();
  if (n.kind !== 'provision') return null;
  return (
    <Shell node={n} focused={data.focused} selected={selected}>
      <div className="mm-badge">{nodeBadge(n)}</div>
      <div className="mm-title">{provisionCitation(n)}</div>
      {!far && <div className="mm-detail">{n.title}</div>}
      {!far && (
        <ul className="mm-elements">
          {n.elements.map((e) => (
            <li key={e.id} className={e.evidenceIds.length ? 'mm-proved' : ''} title={e.text}>
              <span aria-hidden="true">{e.evidenceIds.length ? '☑' : '☐'}</span> {e.text}
              {e.evidenceIds.length > 0 && <span className="mm-count"> ({e.evidenceIds.length})</span>}
            </li>
          ))}
        </ul>
      )}
    </Shell>
  );
});

const NoteNode = memo(function NoteNode({ data, selected }: NodeProps<FlowNode>) {
  const n = data.node;
  const far = useLightNodes();
  const badge = nodeBadge(n);
  return (
    <Shell node={n} focused={data.focused} selected={selected}>
      {badge && <div className="mm-badge">{badge}</div>}
      <div className="mm-title">{nodeTitle(n)}</div>
      {!far && <Details node={n} />}
    </Shell>
  );
});

const GroupNode = memo(function GroupNode({ data, selected }: NodeProps<FlowNode>) {
  const n = data.node;
  const actions = useMapActions();
  return (
    <div className={`mm-group${selected ? ' mm-selected' : ''}`} data-node-id={n.id} data-kind="group">
      <NodeResizer
        isVisible={selected && Boolean(actions)}
        minWidth={120}
        minHeight={80}
        color="#9aa0a6"
        onResizeEnd={(_, p) => actions?.resizeGroup(n.id, p)}
      />
      <div className="mm-group-title" title={nodeTitle(n)}>
        {nodeTitle(n)}
      </div>
    </div>
  );
});

export const nodeTypes: NodeTypes = {
  person: PersonNode,
  event: EventNode,
  evidence: EvidenceNode,
  provision: ProvisionNode,
  note: NoteNode,
  group: GroupNode,
};
