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

/** A module and its subpaths (`dexie`, `fs/promises`). */
const modulesRegex = (names) => `(?:${names.map(escape).join('|')})(?:/.*)?`;

/**
 * Forbids Node (and whatever else is listed) statically, dynamically and through require();
 * `alsoForbidden` adds module groups with their own message (one rule each: a later config block
 * replaces a rule's options, so every group a file obeys is listed where its rule is set).
 */
function environmentFree(extraNames, why, alsoForbidden = []) {
  const groups = [
    { regex: `^(?:node:.*|${modulesRegex([...nodeNames, ...extraNames])})$`, message: why },
    ...alsoForbidden.map(({ names, message }) => ({ regex: `^${modulesRegex(names)}$`, message })),
  ];
  return {
    'no-restricted-imports': ['error', { patterns: groups }],
    'no-restricted-syntax': [
      'error',
      ...groups.map(({ regex, message }) => ({
        selector: `ImportExpression[source.value=/${regex.replace(/\//g, '\\/')}/]`,
        message: `${message} (dynamic import)`,
      })),
      {
        selector: 'ImportExpression:not([source.type="Literal"])',
        message: 'import() with a computed specifier cannot be checked for layering; use a literal.',
      },
      { selector: "CallExpression[callee.name='require']", message: `${why} (require)` },
    ],
  };
}

const RENDERER_NO_NODE = 'The renderer never imports Node or Electron; ask the host through the bridge';

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
      ...environmentFree(['electron'], RENDERER_NO_NODE),
      'no-restricted-globals': [
        'error',
        ...restrictGlobals(nodeGlobals, 'The renderer has no Node; ask the host through the bridge'),
      ],
    },
  },
  {
    // One data layer (issue 12): only renderer/src/db talks to Dexie; features use its
    // repositories and the live-query hooks of db/hooks.ts.
    files: ['renderer/src/**/*.{ts,tsx}'],
    ignores: ['renderer/src/db/**'],
    rules: environmentFree(['electron'], RENDERER_NO_NODE, [
      {
        names: ['dexie', 'dexie-react-hooks'],
        message: 'Only renderer/src/db imports Dexie: use its repositories and the hooks in db/hooks.ts',
      },
    ]),
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
