// Bundles the Electron main process (ESM) and the sandboxed preload (CommonJS) with esbuild into
// out/electron/. Workspace packages (@hoso/*, TypeScript sources) are bundled in; npm dependencies
// stay external and ship in node_modules (sharp, tesseract.js and pdf.js load native/wasm files).
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const outdir = path.join(root, 'out', 'electron');
const workspaces = ['main', 'ocr', 'packages/contracts', 'packages/text', 'packages/domain'];
const external = new Set(['electron']);
for (const ws of workspaces) {
  const pkg = JSON.parse(readFileSync(path.join(root, ws, 'package.json'), 'utf8'));
  for (const dep of Object.keys({ ...pkg.dependencies })) if (!dep.startsWith('@hoso/')) external.add(dep);
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  logLevel: 'info',
  absWorkingDir: root,
};

await build({
  ...common,
  // The OCR engine runs in a worker thread (main/src/services/ocr-thread.ts): its own bundle.
  entryPoints: { main: 'main/src/electron/main.ts', 'ocr-worker': 'main/src/services/ocr-worker.ts' },
  outdir,
  outExtension: { '.js': '.mjs' },
  format: 'esm',
  external: [...external],
  // ESM output still meets CommonJS dependencies that call require().
  banner: {
    js: "import { createRequire as __hosoCreateRequire } from 'node:module'; const require = __hosoCreateRequire(import.meta.url);",
  },
});

await build({
  ...common,
  entryPoints: ['main/src/electron/preload.ts'],
  outfile: path.join(outdir, 'preload.cjs'),
  format: 'cjs',
  external: ['electron'],
});
