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

/**
 * Changes an evidence node's stance and moves it to the matching group: the link from the old
 * stance's topic goes, one from the new stance's topic comes (other links stay).
 */
export function setEvidenceStance(
  model: MapModel,
  nodeId: string,
  stance: Stance,
  makeId: IdFactory = newId,
): MapModel {
  const node = model.nodes.find((n) => n.id === nodeId);
  if (node?.kind !== 'evidence') return model;
  const topics = new Map(
    model.nodes
      .filter((n) => n.kind === 'note' && n.tone === 'topic' && Object.values(STANCE_TOPIC).includes(n.title))
      .map((n) => [n.id, n.kind === 'note' ? n.title : '']),
  );
  const target = stance === 'neutral' ? undefined : STANCE_TOPIC[stance];
  const topicId = [...topics].find(([, title]) => title === target)?.[0];
  const edges = model.edges.filter((e) => !(e.target === nodeId && topics.has(e.source)));
  if (topicId) edges.push({ id: makeId(), source: topicId, target: nodeId, kind: 'relates' });
  return {
    ...model,
    nodes: model.nodes.map((n) => (n.id === nodeId ? { ...node, stance } : n)),
    edges,
  };
}
