import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchChromium, startHoso, type HosoInstance } from './harness';

let hoso: HosoInstance;
let browser: Browser;

beforeAll(async () => {
  hoso = await startHoso();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await hoso?.close();
});

test('the app loads in Chromium with a strict CSP and no console errors', async () => {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  page.on('pageerror', (err) => problems.push(err.message));
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()} ${res.url()}`);
  });
  const response = await page.goto(hoso.url);
  expect(response?.status()).toBe(200);
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  // The React root rendered something (a state to wait for: 'networkidle' never comes while the
  // host's event stream is open).
  await page.locator('#root > *').first().waitFor();
  // The bridge reaches the host through the same origin.
  const jobs = await page.evaluate(async () => {
    const res = await fetch('/api/call/listJobs', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    return res.json();
  });
  expect(jobs).toEqual({ ok: true, value: [] });
  await page.screenshot({ path: 'screenshots/smoke-home.png' });
  expect(problems).toEqual([]);
});
