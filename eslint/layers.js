// The renderer's layers as a lint rule: app → features → shared/db/bridge/i18n, never upward, and
// features only along FEATURE_ORDER (so two features can never import each other in a cycle).
// Relative imports are resolved against the importing file, so `../../app/router` and
// `../app/router` are the same target wherever the importer sits.
import path from 'node:path';

const RENDERER = path.join('renderer', 'src');

/** A feature may import only features listed after it. */
export const FEATURE_ORDER = [
  'viewer',
  'dossier',
  'entities',
  'mindmap',
  'search',
  'courtroom',
  'cases',
  'settings',
  'custody',
];
const BOTTOM = new Set(['shared', 'db', 'bridge', 'i18n', 'styles', 'sync']);

/** Where a renderer file sits: its layer rank (higher imports lower) and its unit. */
export function rendererUnit(file) {
  const rel = path.relative(path.resolve(RENDERER), path.resolve(file));
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  const [top, second] = rel.split(path.sep);
  if (top === 'main.tsx') return { rank: 4, unit: 'main' };
  if (top === 'app') return { rank: 3, unit: 'app' };
  if (top === 'features') return { rank: 2, unit: `features/${second}`, feature: second };
  if (BOTTOM.has(top)) return { rank: 1, unit: top };
  return { rank: 1, unit: top };
}

function check(context, node, specifier) {
  if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
  const from = rendererUnit(context.filename);
  if (!from) return;
  const to = rendererUnit(path.resolve(path.dirname(context.filename), specifier));
  if (!to || to.unit === from.unit) return;
  let why;
  if (to.rank > from.rank) why = `${from.unit} may not import ${to.unit} (upward)`;
  else if (from.feature && to.feature) {
    const a = FEATURE_ORDER.indexOf(from.feature);
    const b = FEATURE_ORDER.indexOf(to.feature);
    if (a < 0 || b < 0) why = `feature ${a < 0 ? from.feature : to.feature} is missing from FEATURE_ORDER`;
    else if (b <= a)
      why = `${from.unit} may not import ${to.unit} (features import only later ones in FEATURE_ORDER)`;
  }
  if (why) context.report({ node, messageId: 'layer', data: { why } });
}

export default {
  rules: {
    'renderer-layers': {
      meta: {
        type: 'problem',
        docs: { description: 'renderer import order: app → features → shared/db/bridge' },
        messages: { layer: 'Layering: {{why}}. Move the shared code down a layer.' },
        schema: [],
      },
      create(context) {
        const source = (node) => check(context, node, node.source?.value);
        return {
          ImportDeclaration: source,
          ExportNamedDeclaration: source,
          ExportAllDeclaration: source,
          ImportExpression: source,
        };
      },
    },
  },
};
