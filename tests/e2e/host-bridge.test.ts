import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { fakeRecognizer, makeImage } from '../main/helpers';
import { launchChromium, startHoso, type HosoInstance } from './harness';

let hoso: HosoInstance;
let browser: Browser;

beforeAll(async () => {
  hoso = await startHoso({ recognize: fakeRecognizer({ pages: 1 }).recognize });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await hoso?.close();
});

/** The HTTP half of the bridge as Chromium really uses it: Origin, uploads, SSE, images under the CSP. */
test('in Chromium: upload, OCR job events over SSE, and the page image under the CSP', async () => {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
  await page.goto(hoso.url);
  const jpeg = await makeImage('jpeg');
  const outcome = await page.evaluate(
    async (bytes: number[]) => {
      const events: Array<{ type: string; job?: { state: string } }> = [];
      const source = new EventSource('/api/events');
      // Resolved by the event itself, not polled against a fixed number of tries (issue 9).
      let sawDone: () => void = () => undefined;
      const done = new Promise<void>((r) => (sawDone = r));
      source.onmessage = (m) => {
        const event = JSON.parse(m.data) as (typeof events)[number];
        events.push(event);
        if (event.job?.state === 'done') sawDone();
      };
      await new Promise((r) => (source.onopen = r));
      const up = await (
        await fetch('/api/files?name=' + encodeURIComponent('Bút lục 1.jpg'), {
          method: 'POST',
          headers: { 'Content-Type': 'application/octet-stream' },
          body: new Uint8Array(bytes),
        })
      ).json();
      const job = await (
        await fetch('/api/call/enqueueOcr', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ fileHash: up.value.hash, fileName: up.value.name }),
        })
      ).json();
      await done;
      source.close();
      const img = new Image();
      img.src = `/api/files/${up.value.hash}/pages/0/image`;
      document.body.append(img);
      await img.decode();
      return { up, job, states: events.map((e) => e.job?.state), width: img.naturalWidth };
    },
    [...jpeg],
  );
  expect(outcome.up).toMatchObject({ ok: true, value: { name: 'Bút lục 1.jpg', existed: false } });
  expect(outcome.job).toMatchObject({ ok: true, value: { state: 'queued' } });
  expect(outcome.states).toContain('done');
  expect(outcome.width).toBe(400);
  expect(errors).toEqual([]);
});
