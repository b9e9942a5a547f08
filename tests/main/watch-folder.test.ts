import type { HostEvent } from '@hoso/contracts';
import { appendFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { dataPaths } from '../../main/src/services/data-dir';
import { EventBus } from '../../main/src/services/event-bus';
import { FileStore } from '../../main/src/services/file-store';
import { Inbox } from '../../main/src/services/inbox';
import { WatchFolder } from '../../main/src/services/watch-folder';
import { makeImage, tempDir } from './helpers';

async function setup() {
  const paths = dataPaths(await tempDir());
  const folder = await tempDir('hoso-scan-');
  const events = new EventBus();
  const seen: HostEvent[] = [];
  events.subscribe((e) => seen.push(e));
  const store = new FileStore(paths);
  const inbox = await Inbox.open(paths);
  const watch = new WatchFolder({ paths, store, events, inbox, pollMs: 60_000 });
  await watch.start(folder);
  return { paths, folder, seen, watch, store, inbox };
}

describe('watch folder (thư mục quét)', () => {
  test('imports a file once its size is stable, exactly once, and reports bad files once', async () => {
    const { folder, seen, watch, inbox } = await setup();
    const jpeg = await makeImage('jpeg');
    const file = path.join(folder, 'scan-001.jpg');
    // The scanner is still writing: half the file now, the rest after the first poll.
    await writeFile(file, jpeg.subarray(0, 1000));
    await watch.scanOnce();
    await appendFile(file, jpeg.subarray(1000));
    await watch.scanOnce();
    expect(seen).toEqual([]);
    await watch.scanOnce();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      type: 'watch-folder-file',
      path: file,
      file: { name: 'scan-001.jpg', existed: false },
    });
    // Announced only once it waits in the inbox, where no case is known yet.
    expect(inbox.list()).toMatchObject([
      { origin: 'watch-folder', path: file, file: { name: 'scan-001.jpg' } },
    ]);
    expect(inbox.list()[0].target).toBeUndefined();

    await writeFile(path.join(folder, 'notes.txt'), 'ignored: not a scan');
    await writeFile(path.join(folder, 'broken.pdf'), 'not really a pdf');
    await watch.scanOnce();
    await watch.scanOnce();
    await watch.scanOnce();
    expect(seen.map((e) => e.type)).toEqual(['watch-folder-file', 'watch-folder-error']);
    expect(seen[1]).toMatchObject({ error: { code: 'UNSUPPORTED_FORMAT', file: 'broken.pdf' } });
    expect(inbox.list()).toHaveLength(1);
    watch.stop();
  });

  test('a folder that does not exist is refused', async () => {
    const { watch, folder } = await setup();
    await expect(watch.start(path.join(folder, 'missing'))).rejects.toMatchObject({
      error: { code: 'NOT_FOUND' },
    });
  });
});
