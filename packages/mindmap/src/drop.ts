import { nodeSize, type MapModel, type MapNode, type Stance } from './model';
import { newId, type IdFactory } from './ops';

/** The evidence templates' topic each stance's evidence hangs under. */
export const STANCE_TOPIC: Record<Exclude<Stance, 'neutral'>, string> = {
  for: 'Chứng cứ buộc tội',
  against: 'Chứng cứ gỡ tội',
};

/**
 * A node dropped (or added) at a flow point: its centre is exactly the point — no nudging, the
 * user chose the spot — and an evidence node with a stance joins its group the way the templates
 * build it, by a link from the map's "Chứng cứ buộc tội" / "Chứng cứ gỡ tội" topic. A frame it is
 * dropped into holds it too (frame membership is the node's centre inside the frame).
 */
export function dropNode(
  model: MapModel,
  node: MapNode,
  at: { x: number; y: number },
  makeId: IdFactory = newId,
): MapModel {
  const { width, height } = nodeSize(node);
  const placed = { ...node, x: Math.round(at.x - width / 2), y: Math.round(at.y - height / 2) } as MapNode;
  const topicTitle =
    placed.kind === 'evidence' && placed.stance !== 'neutral' ? STANCE_TOPIC[placed.stance] : undefined;
  const topic = topicTitle
    ? model.nodes.find((n) => n.kind === 'note' && n.tone === 'topic' && n.title === topicTitle)
    : undefined;
  return {
    ...model,
    nodes: [...model.nodes, placed],
    edges: topic
      ? [...model.edges, { id: makeId(), source: topic.id, target: placed.id, kind: 'relates' }]
      : model.edges,
  };
}
