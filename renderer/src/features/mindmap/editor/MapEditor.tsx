import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import {
  applyEdgeChanges,
  applyNodeChanges,
  Background,
  ConnectionMode,
  Controls,
  ReactFlow,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import {
  connect,
  copyFragment,
  dropNode,
  freeSpot,
  layoutMap,
  moveNodes,
  nodesInGroup,
  pasteFragment,
  reconnect,
  removeElements,
  alignNodes,
  updateNode,
  type EdgeKind,
  type LayoutKind,
  type GroupNode,
  type MapFragment,
  type PersonNode,
  type MapModel,
  type MapNode,
  type NodeKind,
} from '@hoso/mindmap';
import { translator, useLocale, useT } from '../../../i18n';
import { EVIDENCE_MIME, readEvidenceDrag } from '../../../shared/dnd';
import { resolveEvidenceRef } from '../data/evidence';
import { messages } from '../messages';
import { edgeTypes } from '../nodes/FloatingEdge';
import { nodeTypes } from '../nodes/MapNodes';
import { FarZoomCanvas } from '../nodes/FarZoomCanvas';
import { MapMiniMap } from '../nodes/MapMiniMap';
import { MapActionsContext, type MapActions } from './context';
import { DossierPanel } from './DossierPanel';
import { Inspector } from './Inspector';
import { openLink } from './openLink';
import { blankNode, defaultEdgeKind, evidenceNode } from './newNodes';
import { edgeLabel, syncFlowNodes, toFlowEdge, type FlowEdge, type FlowNode } from './toFlow';
import { Toolbar } from './Toolbar';
import { useEditorKeys } from './useEditorKeys';
import { useFarMode } from './useFarMode';
import { useMapViewport } from './useMapViewport';

/** Zoom to fit, hidden nodes included: at far zoom React Flow holds them hidden (see useFarMode). */
const FIT = { duration: 300, padding: 0.1, includeHiddenNodes: true };

const MIN_ZOOM = 0.05;

/** In-app clipboard (a map fragment); also written to the system clipboard as JSON. */
let clipboard: MapFragment | null = null;

export interface MapEditorProps {
  caseId: string;
  /** Keys the remembered viewport (see useMapViewport). */
  mapId: string;
  model: MapModel;
  canUndo: boolean;
  canRedo: boolean;
  commit(edit: (m: MapModel) => MapModel, merge?: string): void;
  undo(): void;
  redo(): void;
  onExport(kind: 'png' | 'svg' | 'pdf-A4' | 'pdf-A3' | 'json'): void;
}

export function MapEditor(props: MapEditorProps) {
  const { caseId, model, commit } = props;
  const t = useT(messages);
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const wrapper = useRef<HTMLDivElement>(null);
  const [nodes, setNodes] = useState<FlowNode[]>([]);
  const [edges, setEdges] = useState<FlowEdge[]>([]);
  const [dropActive, setDropActive] = useState(false);
  const [busy, setBusy] = useState(false);
  // `t` is a new function every render; the edge labels must only change with the locale.
  const locale = useLocale();
  const kindLabel = useMemo(() => {
    const tr = translator(messages, locale);
    return (k: EdgeKind) => tr(k);
  }, [locale]);

  // The model is the truth; React Flow's node list follows it, keeping selection and unchanged objects.
  useEffect(() => setNodes((prev) => syncFlowNodes(prev, model.nodes)), [model.nodes]);
  useEffect(
    () =>
      setEdges((prev) => {
        const selected = new Set(prev.filter((e) => e.selected).map((e) => e.id));
        return model.edges.map((e) => toFlowEdge(e, edgeLabel(e, kindLabel), selected.has(e.id)));
      }),
    [model.edges, kindLabel],
  );

  const selectedIds = useMemo(() => nodes.filter((n) => n.selected).map((n) => n.id), [nodes]);
  const selectedEdge = useMemo(() => edges.find((e) => e.selected)?.id, [edges]);

  const onNodesChange = useCallback((changes: NodeChange<FlowNode>[]) => {
    // Removals go through onDelete (one undoable commit); the rest is view state.
    setNodes((ns) =>
      applyNodeChanges(
        changes.filter((c) => c.type !== 'remove'),
        ns,
      ),
    );
  }, []);
  const onEdgesChange = useCallback((changes: EdgeChange<FlowEdge>[]) => {
    setEdges((es) =>
      applyEdgeChanges(
        changes.filter((c) => c.type !== 'remove'),
        es,
      ),
    );
  }, []);

  const onNodeDragStop = useCallback(
    (_: unknown, _node: FlowNode, dragged: FlowNode[]) => {
      commit((m) => {
        const positions = new Map(
          dragged.map((n) => [n.id, { x: Math.round(n.position.x), y: Math.round(n.position.y) }]),
        );
        // A frame carries the nodes inside it.
        for (const g of dragged) {
          const old = m.nodes.find((n) => n.id === g.id);
          if (old?.kind !== 'group') continue;
          const dx = positions.get(g.id)!.x - old.x;
          const dy = positions.get(g.id)!.y - old.y;
          for (const inner of nodesInGroup(m, g.id))
            if (!positions.has(inner.id)) positions.set(inner.id, { x: inner.x + dx, y: inner.y + dy });
        }
        return moveNodes(m, positions);
      });
    },
    [commit],
  );

  const onConnect = useCallback(
    (c: Connection) =>
      commit((m) => {
        const s = m.nodes.find((n) => n.id === c.source);
        const tg = m.nodes.find((n) => n.id === c.target);
        return connect(m, c.source, c.target, defaultEdgeKind(s, tg)).model;
      }),
    [commit],
  );

  const actions = useMemo<MapActions>(
    () => ({
      resizeGroup: (id, box) =>
        commit((m) =>
          updateNode<GroupNode>(m, id, {
            x: Math.round(box.x),
            y: Math.round(box.y),
            width: Math.round(box.width),
            height: Math.round(box.height),
            pinned: true,
          }),
        ),
    }),
    [commit],
  );

  const centre = useCallback(() => {
    const r = wrapper.current?.getBoundingClientRect();
    const p = flow.screenToFlowPosition({
      x: (r?.left ?? 0) + (r?.width ?? 0) / 2,
      y: (r?.top ?? 0) + (r?.height ?? 0) / 2,
    });
    return { x: p.x - 100, y: p.y - 40 };
  }, [flow]);

  const addNode = useCallback(
    (kind: NodeKind | 'issue') => {
      const n = blankNode(kind, centre());
      commit((m) => ({ ...m, nodes: [...m.nodes, { ...n, ...freeSpot(m, n, n) }] }));
      setNodes((ns) => ns.map((x) => ({ ...x, selected: false })));
      requestAnimationFrame(() =>
        setNodes((ns) => ns.map((x) => (x.id === n.id ? { ...x, selected: true } : x))),
      );
    },
    [centre, commit],
  );

  const runLayout = useCallback(
    async (kind: LayoutKind) => {
      setBusy(true);
      try {
        const next = await layoutMap(model, kind);
        commit(() => next);
        requestAnimationFrame(() => void flow.fitView(FIT));
      } finally {
        setBusy(false);
      }
    },
    [model, commit, flow],
  );

  const copy = useCallback(() => {
    if (!selectedIds.length) return;
    clipboard = copyFragment(model, selectedIds);
    void navigator.clipboard?.writeText(JSON.stringify(clipboard)).catch(() => undefined);
  }, [model, selectedIds]);

  const paste = useCallback(() => {
    const frag = clipboard;
    if (!frag?.nodes.length) return;
    let ids: string[] = [];
    commit((m) => {
      const r = pasteFragment(m, frag, { x: 40, y: 40 });
      ids = r.ids;
      return r.model;
    });
    clipboard = { ...frag, nodes: frag.nodes.map((n) => ({ ...n, x: n.x + 40, y: n.y + 40 })) };
    requestAnimationFrame(() => setNodes((ns) => ns.map((x) => ({ ...x, selected: ids.includes(x.id) }))));
  }, [commit]);

  const deleteSelection = useCallback(() => {
    const edgeIds = edges.filter((e) => e.selected).map((e) => e.id);
    if (!selectedIds.length && !edgeIds.length) return;
    commit((m) => removeElements(m, selectedIds, edgeIds));
  }, [commit, edges, selectedIds]);

  const selectAll = useCallback(() => setNodes((ns) => ns.map((n) => ({ ...n, selected: true }))), []);

  const focusNode = useCallback(
    (id: string) => {
      setNodes((ns) => ns.map((n) => ({ ...n, selected: n.id === id })));
      void flow.fitView({ nodes: [{ id }], duration: 300, maxZoom: 1.2, includeHiddenNodes: true });
    },
    [flow],
  );
  /** What a double-click on a node opens: an evidence node's page at its region, a person's photo source. */
  const openSource = useCallback(
    (node: MapNode): boolean => {
      const link = node.kind === 'evidence' ? node.link : node.kind === 'person' ? node.photo : undefined;
      if (link) openLink(caseId, link);
      return Boolean(link);
    },
    [caseId],
  );
  // Zoomed far out the map is one canvas; React Flow renders no node or edge meanwhile.
  const farMode = useFarMode(model, nodes, edges, setNodes, focusNode, openSource);
  const far = farMode.far;
  useMapViewport(props.mapId, model, MIN_ZOOM);

  const findInput = useRef<HTMLInputElement>(null);
  useEditorKeys(wrapper, {
    undo: props.undo,
    redo: props.redo,
    copy,
    paste,
    cut: () => {
      copy();
      deleteSelection();
    },
    selectAll,
    find: () => findInput.current?.focus(),
    fit: () => void flow.fitView(FIT),
  });

  const onDragOver = (e: DragEvent) => {
    if (!e.dataTransfer.types.includes(EVIDENCE_MIME)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setDropActive(true);
  };
  const onDrop = async (e: DragEvent) => {
    setDropActive(false);
    const ref = readEvidenceDrag(e.dataTransfer);
    // A map links only to its own case's dossier (another window may hold another case).
    if (!ref || ref.caseId !== caseId) return;
    e.preventDefault();
    const at = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
    const target = (
      document.elementFromPoint(e.clientX, e.clientY) as HTMLElement | null
    )?.closest<HTMLElement>('[data-kind="person"]');
    const resolved = await resolveEvidenceRef(ref);
    if (!resolved) return;
    // A region dropped on a person becomes that person's photo.
    if (target?.dataset.nodeId && resolved.link.kind === 'region') {
      const id = target.dataset.nodeId;
      commit((m) => updateNode<PersonNode>(m, id, { photo: resolved.link }));
      return;
    }
    // Exactly where it was dropped (no nudge away from the pointer), linked under its stance's topic.
    const node = evidenceNode(resolved, at);
    commit((m) => dropNode(m, node, at));
  };

  return (
    <MapActionsContext.Provider value={actions}>
      <div className="mm-editor">
        <Toolbar
          model={model}
          canUndo={props.canUndo}
          canRedo={props.canRedo}
          busy={busy}
          selectedIds={selectedIds}
          findInput={findInput}
          onUndo={props.undo}
          onRedo={props.redo}
          onAdd={addNode}
          onLayout={(k) => void runLayout(k)}
          onAlign={(how) => commit((m) => alignNodes(m, selectedIds, how))}
          onFit={() => void flow.fitView(FIT)}
          onFocus={focusNode}
          onExport={props.onExport}
        />
        <div className="mm-body">
          <DossierPanel caseId={caseId} />
          <div
            ref={wrapper}
            className={`mm-canvas${dropActive ? ' mm-drop' : ''}${far ? ' mm-far mm-far-drawn' : ''}`}
            tabIndex={-1}
            onDragOver={onDragOver}
            onDragLeave={() => setDropActive(false)}
            onDrop={(e) => void onDrop(e)}
            onDoubleClick={farMode.onDoubleClick}
            aria-label={t('maps')}
          >
            <ReactFlow<FlowNode, FlowEdge>
              nodes={farMode.nodes}
              edges={farMode.edges}
              nodeTypes={nodeTypes}
              edgeTypes={edgeTypes}
              onNodesChange={onNodesChange}
              onEdgesChange={onEdgesChange}
              onNodeDragStop={onNodeDragStop}
              onConnect={onConnect}
              onPaneClick={farMode.onPaneClick}
              zoomOnDoubleClick={!far}
              onReconnect={(old, c) => commit((m) => reconnect(m, old.id, c.source, c.target))}
              onDelete={({ nodes: ns, edges: es }) =>
                commit((m) =>
                  removeElements(
                    m,
                    ns.map((n) => n.id),
                    es.map((e) => e.id),
                  ),
                )
              }
              onNodeDoubleClick={(_, n) => openSource(n.data.node)}
              connectionMode={ConnectionMode.Loose}
              edgesReconnectable
              deleteKeyCode={['Delete', 'Backspace']}
              multiSelectionKeyCode={['Control', 'Meta']}
              selectionKeyCode="Shift"
              onlyRenderVisibleElements
              minZoom={MIN_ZOOM}
              maxZoom={3}
              proOptions={{ hideAttribution: true }}
            >
              <Background gap={24} color="#e4e1da" />
              <MapMiniMap model={model} label={t('minimap')} />
              {far && <FarZoomCanvas model={model} selected={farMode.selected} />}
              <Controls showInteractive={false} fitViewOptions={FIT} />
            </ReactFlow>
            {dropActive && <div className="mm-drop-hint">{t('dropHere')}</div>}
          </div>
          <Inspector
            caseId={caseId}
            model={model}
            selectedIds={selectedIds}
            selectedEdge={selectedEdge}
            commit={commit}
            onDelete={deleteSelection}
          />
        </div>
      </div>
    </MapActionsContext.Provider>
  );
}
