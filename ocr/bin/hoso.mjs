#!/usr/bin/env node
// The `hoso` command. TypeScript sources run through tsx so the CLI needs no build step.
import { fileURLToPath } from 'node:url';

const { register } = await import('tsx/esm/api');
register();
// Long OCR jobs run with glibc's malloc bounded (see ocr/src/runtime/bounded-malloc.ts).
const { exitWithWrapper, rerunWithBoundedMalloc } = await import('../src/runtime/bounded-malloc.ts');
const rerun = rerunWithBoundedMalloc(fileURLToPath(import.meta.url), process.argv.slice(2));
if (rerun) {
  process.exitCode = await rerun;
} else {
  exitWithWrapper();
  const { runCli } = await import('../src/cli/main.ts');
  process.exitCode = await runCli(process.argv.slice(2));
}
