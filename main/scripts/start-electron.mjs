// `npm start`: runs the Electron app where its binary is installed. Here (and on any machine where
// the Electron download was skipped) it says so and points to the browser mode instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);

/**
 * Finds the Electron binary the way the electron package does, but without its fallback: since
 * Electron 42, require('electron') *downloads* a missing binary, and HoSo never goes online.
 */
function electronBinary() {
  let pkgDir;
  try {
    pkgDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return undefined;
  }
  const pathFile = path.join(pkgDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(pkgDir, 'dist');
  const candidate = path.join(
    distDir,
    executable || (process.platform === 'win32' ? 'electron.exe' : 'electron'),
  );
  return existsSync(candidate) ? candidate : undefined;
}

const binary = electronBinary();
if (!binary) {
  console.error(
    [
      'HoSo: the Electron binary is not installed on this machine, so the desktop app cannot start.',
      'Use the browser mode instead — same app, same data, on http://127.0.0.1:5178:',
      '',
      '    npm run web',
      '',
      '(To get the desktop app, install Electron where downloads are allowed: npx electron --version.)',
    ].join('\n'),
  );
  process.exit(1);
}

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
if (!existsSync(path.join(root, 'renderer', 'dist', 'index.html'))) run('npm', ['run', 'build:web']);
run(process.execPath, [path.join(root, 'main', 'scripts', 'build-electron.mjs')]);

const child = spawn(binary, [path.join(root, 'out', 'electron', 'main.mjs')], {
  cwd: root,
  stdio: 'inherit',
});
child.on('exit', (code) => process.exit(code ?? 0));
