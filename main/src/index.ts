// Public surface of @hoso/main for scripts and tests: the host services and the browser-mode server.
export { createHost, DEFAULT_MAX_BUNDLE_BYTES } from './services/host';
export type { Host, HostEnvironment, HostOptions } from './services/host';
export { resolveDataDir } from './services/data-dir';
export { RENDERER_CSP } from './services/csp';
export type { Recognizer } from './services/ocr-engine';
export { startWebServer } from './web/server';
export type { WebServer, WebServerOptions } from './web/server';
