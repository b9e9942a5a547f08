import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { verifyAuditLog } from '../../../main/src/services/audit/verify';
import { dispatch } from '../../../main/src/services/dispatch';
import { createHost, type Host } from '../../../main/src/services/host';
import { fakeRecognizer, tempDir } from '../helpers';

let host: Host | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

async function start() {
  const dataDir = await tempDir();
  host = await createHost({ dataDir, env: { exportUrl: (n) => n }, recognize: fakeRecognizer().recognize });
  const call = (command: string, payload: unknown) => dispatch(host!.commands, command, payload);
  return { dataDir, call };
}

describe('undoing a deletion is in the nhật ký', () => {
  test('noteRestore appends material-restored after the deletion, and the chain verifies', async () => {
    const { dataDir, call } = await start();
    const notice = { caseId: 'case-3', kind: 'case', ids: ['case-3'], label: '12/2026/HS Trộm cắp tài sản' };
    expect(await call('noteDeletion', notice)).toEqual({ ok: true, value: null });
    expect(await call('noteRestore', notice)).toEqual({ ok: true, value: null });

    const listing = await call('listAudit', { caseId: 'case-3' });
    expect(listing.ok).toBe(true);
    const { entries, chain } = (
      listing as { value: { entries: Array<Record<string, unknown>>; chain: unknown } }
    ).value;
    expect(entries.map((e) => e.action)).toEqual(['material-deleted', 'material-restored']);
    expect(entries[1]).toMatchObject({
      caseId: 'case-3',
      detail: { kind: 'case', ids: 'case-3', count: 1, label: '12/2026/HS Trộm cắp tài sản' },
    });
    expect(chain).toEqual({ ok: true, entries: 2 });
    expect(await verifyAuditLog(path.join(dataDir, 'audit'))).toMatchObject({ ok: true, entries: 2 });
  });

  test('a notice that is not a restore notice is refused and nothing is written', async () => {
    const { dataDir, call } = await start();
    for (const bad of [
      { caseId: 'case-3', kind: 'case', ids: [] },
      { caseId: '', kind: 'case', ids: ['x'] },
      { caseId: 'case-3', kind: 'bundle', ids: ['x'] },
      // The renderer cannot pick what is recorded.
      { caseId: 'case-3', kind: 'case', ids: ['case-3'], action: 'material-purged' },
    ]) {
      const r = await call('noteRestore', bad);
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_MESSAGE' } });
    }
    expect(await verifyAuditLog(path.join(dataDir, 'audit'))).toMatchObject({ ok: true, entries: 0 });
  });
});
