import { defineConfig } from 'vitest/config';

// Two projects: `unit` runs in Node (OCR with real Tesseract, host services, packages, Dexie on
// fake-indexeddb); `e2e` drives Debian's Chromium with Playwright against the browser mode.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
          exclude: ['tests/e2e/**', '**/node_modules/**'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          pool: 'forks',
          // expect.poll gives up after 1 s by default: on a busy machine that is shorter than a
          // worker thread's start-up. Polls wait for their state; the test timeout bounds them.
          expect: { poll: { timeout: 30_000, interval: 50 } },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 240_000,
          hookTimeout: 240_000,
          fileParallelism: false,
          // expect.poll gives up after 1 s by default: under load a map or an OCR result is drawn
          // later than that (issue 9). Polls wait for their state; the test timeout bounds them.
          expect: { poll: { timeout: 60_000, interval: 100 } },
        },
      },
    ],
  },
});
