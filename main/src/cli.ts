/** Host commands of the `hoso` CLI that work on a data folder (see ocr/bin/hoso.mjs). */
export { runAuditCli } from './services/audit/cli';
export { runDataCli } from './services/crypto/data-cli';
