// Layering is enforced here (VS Code style): packages/ are environment-free, the renderer never
// reaches Node or Electron, and only main/src/electron may import 'electron'.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import layers from './eslint/layers.js';

// Every Node built-in, with and without `node:`, and every subpath (`fs/promises`, `node:stream/web`).
// A regex under `patterns`, because `paths` matches exact names only.
const builtinNames = builtinModules.filter((m) => !m.startsWith('_')).map((m) => m.split('/')[0]);
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const nodeNames = [...new Set(builtinNames)];

/** Forbids Node (and whatever else is listed) statically, dynamically and through require(). */
// TypeScript files skip no-undef (typescript-eslint: the compiler checks names, and each layer's
// tsconfig carries only its environment's types), so name the usual escapes explicitly too.
const nodeGlobals = [
  'process',
  'Buffer',
  'require',
  'module',
  '__dirname',
  '__filename',
  'global',
  'setImmediate',
];
const domGlobals = ['window', 'document', 'navigator', 'localStorage', 'indexedDB', 'location'];
const restrictGlobals = (names, why) => names.map((name) => ({ name, message: why }));

function environmentFree(extraNames, why) {
  const names = [...nodeNames, ...extraNames].map(escape).join('|');
  const forbidden = `^(?:node:.*|(?:${names})(?:/.*)?)$`;
  return {
    'no-restricted-imports': ['error', { patterns: [{ regex: forbidden, message: why }] }],
    'no-restricted-syntax': [
      'error',
      {
        selector: `ImportExpression[source.value=/${forbidden.replace(/\//g, '\\/')}/]`,
        message: `${why} (dynamic import)`,
      },
      {
        selector: 'ImportExpression:not([source.type="Literal"])',
        message: 'import() with a computed specifier cannot be checked for layering; use a literal.',
      },
      { selector: "CallExpression[callee.name='require']", message: `${why} (require)` },
    ],
  };
}

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'out/**', 'fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Globals per environment: Node where Node runs, the browser in the renderer, only what both
    // share (console, timers, URL, TextEncoder, …) in the environment-free packages.
    languageOptions: { globals: globals.node },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'warn',
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}', 'renderer/*.ts'],
    // Tests drive Chromium (page.evaluate bodies run in the browser) from Node.
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks, hoso: layers },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'hoso/renderer-layers': 'error',
      ...environmentFree(
        ['electron'],
        'The renderer never imports Node or Electron; ask the host through the bridge',
      ),
      'no-restricted-globals': [
        'error',
        ...restrictGlobals(nodeGlobals, 'The renderer has no Node; ask the host through the bridge'),
      ],
    },
  },
  {
    files: ['packages/*/src/**/*.ts'],
    languageOptions: { globals: globals['shared-node-browser'] },
    rules: {
      ...environmentFree(
        ['electron', 'react', 'react-dom', 'dexie'],
        'packages/ are environment-free: no Node, DOM, Electron, React or Dexie',
      ),
      'no-restricted-globals': [
        'error',
        ...restrictGlobals(
          [...nodeGlobals, ...domGlobals],
          'packages/ are environment-free: no Node or DOM globals',
        ),
      ],
    },
  },
  {
    files: ['ocr/src/**/*.ts', 'main/src/services/**/*.ts', 'main/src/web/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ['electron'] }] },
  },
);
