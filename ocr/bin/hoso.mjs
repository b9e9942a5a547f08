#!/usr/bin/env node
// The `hoso` command. TypeScript sources run through tsx so the CLI needs no build step.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
