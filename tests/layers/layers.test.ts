import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, test } from 'vitest';

/**
 * The layering rules of eslint.config.js, run on small fixtures: a Node import in the renderer or
 * in packages/ is rejected however it is written, and the renderer's import order holds.
 */
const root = path.resolve(__dirname, '../..');
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

const nodeImports = [
  "import { readFile } from 'node:fs/promises';",
  "import { readFile } from 'fs/promises';",
  "import fs from 'fs';",
  "import { fileURLToPath } from 'url';",
  "import { promisify } from 'node:util';",
  "import { gzipSync } from 'zlib';",
  "import { EventEmitter } from 'events';",
  "import { Buffer } from 'buffer';",
  "import { createRequire } from 'module';",
  "import { ReadableStream } from 'node:stream/web';",
  "export { join } from 'path';",
  "export * from 'node:os';",
  "const fs = await import('node:fs');",
  "const fs = await import('fs/promises');",
  "const name = 'fs'; const m = await import(name);",
  "const fs = require('fs');",
  "import { ipcRenderer } from 'electron';",
];

describe('no Node in the renderer and the packages', () => {
  for (const file of ['renderer/src/shared/probe.ts', 'packages/text/src/probe.ts']) {
    test(`${file}: every way of reaching Node is an error`, async () => {
      for (const code of nodeImports) {
        const found = await problems(file, `${code}\nexport const x = 1;\n`);
        expect(found.length, code).toBeGreaterThan(0);
        expect(found.join('\n'), code).toMatch(/no-restricted-(imports|syntax)/);
      }
    });
  }

  test('environment-free imports and look-alike names stay allowed', async () => {
    const ok = [
      "import { z } from 'zod';",
      "import type { OcrPage } from '@hoso/contracts';",
      "import { fold } from '@hoso/text';",
      "import { x } from './events';",
      "import { y } from './path/util';",
      "const m = await import('./lazy');",
    ];
    for (const code of ok) {
      const found = await problems('packages/mindmap/src/probe.ts', `${code}\nexport { z, fold, x, y, m };`);
      expect(
        found.filter((p) => p.startsWith('no-restricted')),
        code,
      ).toEqual([]);
    }
    expect(await problems('packages/text/src/probe.ts', "import React from 'react';")).not.toEqual([]);
  });

  test('per-environment globals: no `process` in the renderer, no `window` in packages', async () => {
    expect(
      (await problems('renderer/src/shared/probe.ts', 'export const e = process.env;')).join(),
    ).toContain('no-restricted-globals');
    expect(
      (await problems('packages/text/src/probe.ts', 'export const w = window.location;')).join(),
    ).toContain('no-restricted-globals');
    expect(await problems('packages/text/src/probe.ts', "console.warn('x'); export {};")).toEqual([]);
    expect(
      await problems('main/src/services/probe.ts', "import fs from 'node:fs'; export const f = fs;"),
    ).toEqual([]);
  });
});

describe('only renderer/src/db imports Dexie', () => {
  const dexieImports = [
    "import Dexie from 'dexie';",
    "import { useLiveQuery } from 'dexie-react-hooks';",
    "import type { Table } from 'dexie';",
    "export { liveQuery } from 'dexie';",
    "const d = await import('dexie');",
  ];
  for (const file of [
    'renderer/src/features/search/probe.tsx',
    'renderer/src/shared/probe.ts',
    'renderer/src/app/probe.ts',
  ]) {
    test(`${file}: every way of reaching Dexie is an error`, async () => {
      for (const code of dexieImports) {
        const found = (await problems(file, `${code}\nexport const x = 1;\n`)).join('\n');
        expect(found, code).toMatch(/no-restricted-(imports|syntax).*Only renderer\/src\/db imports Dexie/);
      }
      // The Node rule still holds there (the Dexie block restates it).
      expect((await problems(file, "import fs from 'node:fs';\nexport const f = fs;")).join()).toContain(
        'never imports Node',
      );
    });
  }

  test('renderer/src/db may import Dexie, but not Node', async () => {
    for (const code of dexieImports) {
      const found = await problems('renderer/src/db/probe.ts', `${code}\nexport const x = 1;\n`);
      expect(
        found.filter((p) => p.startsWith('no-restricted')),
        code,
      ).toEqual([]);
    }
    expect(
      (await problems('renderer/src/db/probe.ts', "import fs from 'node:fs';\nexport const f = fs;")).join(),
    ).toContain('never imports Node');
  });
});

describe("the renderer's import order: app → features → shared/db/bridge", () => {
  const cases: Array<[string, string, boolean]> = [
    ['renderer/src/shared/probe.ts', "import { CaseForm } from '../features/cases/CaseForm';", false],
    ['renderer/src/bridge/probe.ts', "import { App } from '../app/App';", false],
    ['renderer/src/db/probe.ts', "const v = import('../features/viewer/ViewerView');", false],
    ['renderer/src/features/search/probe.ts', "import { App } from '../../app/App';", false],
    ['renderer/src/features/search/deep/probe.ts', "import { App } from '../../../app/App';", false],
    // Features import each other only along FEATURE_ORDER (viewer → dossier, never back).
    ['renderer/src/features/dossier/probe.ts', "import { ViewerView } from '../viewer/ViewerView';", false],
    ['renderer/src/features/viewer/probe.ts', "import { x } from '../dossier/useDossierActions';", true],
    ['renderer/src/features/viewer/probe.ts', "import { routeToHash } from '../../shared/routes';", true],
    ['renderer/src/app/probe.ts', "import { SearchView } from '../features/search/SearchView';", true],
    ['renderer/src/bridge/probe.ts', "import { routeToHash } from '../shared/routes';", true],
  ];
  for (const [file, code, allowed] of cases) {
    test(`${file}: ${code} is ${allowed ? 'allowed' : 'refused'}`, async () => {
      const found = (await problems(file, `${code}\nexport {};\n`)).filter((p) => p.startsWith('hoso/'));
      if (allowed) expect(found).toEqual([]);
      else expect(found.join()).toContain('Layering');
    });
  }
});

describe('workspaces declare what they import', () => {
  const workspaces: Record<string, string[]> = {
    'packages/contracts': ['src'],
    'packages/domain': ['src'],
    'packages/text': ['src'],
    'packages/mindmap': ['src'],
    'packages/search': ['src'],
    ocr: ['src', 'bin'],
    main: ['src', 'scripts'],
    renderer: ['src'],
  };
  const specifier = /(?:from\s+|import\s*\(\s*|import\s+)['"]([^'".][^'"]*)['"]/g;
  const builtins = new Set(builtinModules);

  function sources(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return name === 'node_modules' ? [] : sources(full);
      return /\.(tsx?|mjs|js)$/.test(name) ? [full] : [];
    });
  }

  for (const [workspace, dirs] of Object.entries(workspaces)) {
    test(`${workspace}: every bare import is a declared dependency (no reliance on hoisting)`, () => {
      const manifest = JSON.parse(readFileSync(path.join(root, workspace, 'package.json'), 'utf8')) as {
        dependencies?: Record<string, string>;
        devDependencies?: Record<string, string>;
      };
      const declared = new Set([
        ...Object.keys(manifest.dependencies ?? {}),
        ...Object.keys(manifest.devDependencies ?? {}),
      ]);
      const missing = new Set<string>();
      for (const dir of dirs) {
        const full = path.join(root, workspace, dir);
        let files: string[] = [];
        try {
          files = sources(full);
        } catch {
          continue;
        }
        for (const file of files) {
          for (const [, spec] of readFileSync(file, 'utf8').matchAll(specifier)) {
            if (spec.startsWith('node:') || builtins.has(spec)) continue;
            const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
            if (!declared.has(name)) missing.add(`${name} (${path.relative(root, file)})`);
          }
        }
      }
      expect([...missing]).toEqual([]);
    });
  }
});
