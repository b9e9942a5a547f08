#!/usr/bin/env node
// The `hoso` command. TypeScript sources run through tsx so the CLI needs no build step.
import { fileURLToPath } from 'node:url';

const { register } = await import('tsx/esm/api');
register();
const argv = process.argv.slice(2);
// `hoso audit` and `hoso data` work on the app's data folder: host code, loaded from @hoso/main.
const hostCommand = { audit: 'runAuditCli', data: 'runDataCli' }[argv[0]];
if (hostCommand) {
  const cli = await import('@hoso/main/cli');
  process.exitCode = await cli[hostCommand](argv.slice(1));
} else {
  // Long OCR jobs run with glibc's malloc bounded (see ocr/src/runtime/bounded-malloc.ts).
  const { rerunWithBoundedMalloc } = await import('../src/runtime/bounded-malloc.ts');
  const rerun = rerunWithBoundedMalloc(fileURLToPath(import.meta.url), argv);
  if (rerun) {
    process.exitCode = await rerun;
  } else {
    const { runCli } = await import('../src/cli/main.ts');
    process.exitCode = await runCli(argv);
  }
}
