import { memo } from 'react';
import { BaseEdge, useInternalNode, type EdgeProps, type EdgeTypes } from '@xyflow/react';
import { borderPoint } from '@hoso/mindmap';
import type { FlowEdge } from '../editor/toFlow';
import { useLightNodes } from './farContext';

/**
 * A straight edge from border to border of the two nodes (not from fixed handles), the same
 * geometry the SVG/PDF exports draw, so the printed map matches the screen in any layout.
 * Light (the presenter zoomed far out) the label is not rendered at all (not just hidden).
 */
const FloatingEdge = memo(function FloatingEdge({
  id,
  source,
  target,
  data,
  markerEnd,
  style,
  selected,
}: EdgeProps<FlowEdge>) {
  const s = useInternalNode(source);
  const t = useInternalNode(target);
  const far = useLightNodes();
  if (!s || !t) return null;
  const sb = {
    ...s.internals.positionAbsolute,
    width: s.measured.width ?? s.width ?? 0,
    height: s.measured.height ?? s.height ?? 0,
  };
  const tb = {
    ...t.internals.positionAbsolute,
    width: t.measured.width ?? t.width ?? 0,
    height: t.measured.height ?? t.height ?? 0,
  };
  const p1 = borderPoint(sb, tb.x + tb.width / 2, tb.y + tb.height / 2);
  const p2 = borderPoint(tb, sb.x + sb.width / 2, sb.y + sb.height / 2);
  const label = far ? undefined : data?.label;
  return (
    <>
      <BaseEdge
        id={id}
        path={`M ${p1.x},${p1.y} L ${p2.x},${p2.y}`}
        markerEnd={markerEnd}
        style={selected ? { ...style, strokeWidth: Number(style?.strokeWidth ?? 2) + 1.5 } : style}
        interactionWidth={14}
      />
      {/* The label as the SVG export draws it (a white halo, no box): React Flow's own label
          measures itself with getBBox and renders twice, and a 1 000-node map mounts ~300 labels
          of long edges while zooming at 0.7. Inside the edge's group, so a click selects the edge. */}
      {label && (
        <text
          className="mm-edge-label"
          x={(p1.x + p2.x) / 2}
          y={(p1.y + p2.y) / 2}
          fill={style?.stroke as string | undefined}
        >
          {label}
        </text>
      )}
    </>
  );
});

export const edgeTypes: EdgeTypes = { floating: FloatingEdge };
