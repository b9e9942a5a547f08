import { describe, expect, it } from 'vitest';
import {
  addExhibit,
  addRedaction,
  emptyPresentation,
  makeExhibit,
  type PresentationModel,
} from '@hoso/domain';
import {
  audienceReduce,
  initialAudienceSync,
  initialPresenterSync,
  isCourtroomMessage,
  pointerMessage,
  presenterReduce,
  stateMessage,
} from '../../renderer/src/features/courtroom/sync/protocol';
import {
  initialStage,
  publishedStage,
  stageReduce,
  type StageContext,
} from '../../renderer/src/features/courtroom/state/stage';
import { keyCommand, typeDigit } from '../../renderer/src/features/courtroom/state/keys';

function model(): PresentationModel {
  let m = emptyPresentation();
  for (let i = 1; i <= 3; i++) {
    const e = makeExhibit(
      { source: { kind: 'page', pageId: `p${i}` }, folio: 100 + i, notes: `BÍ MẬT ${i}` },
      `e${i}`,
      i,
    );
    m = addExhibit(m, e);
  }
  return addRedaction(m, 'e2', { id: 'r', box: [0.1, 0.1, 0.5, 0.2], step: 0 });
}

const ctx = (m: PresentationModel): StageContext => ({ model: m, stepCount: () => 1 });

describe('stage reducer', () => {
  it('steps, jumps by folio and carries the shown exhibit without its notes', () => {
    const m = model();
    let s = stageReduce(initialStage('c', 'p'), { type: 'model' }, ctx(m));
    s = stageReduce(s, { type: 'next' }, ctx(m));
    expect(s.position).toEqual({ index: 1, step: 0 });
    expect(s.shown?.redactions).toHaveLength(1);
    expect(JSON.stringify(s)).not.toContain('BÍ MẬT');
    s = stageReduce(s, { type: 'jump', typed: '103', kind: 'folio' }, ctx(m));
    expect(s.position.index).toBe(2);
    expect(stageReduce(s, { type: 'jump', typed: '999', kind: 'folio' }, ctx(m))).toBe(s);
    expect(stageReduce(s, { type: 'jump', typed: '1', kind: 'exhibit' }, ctx(m)).position.index).toBe(0);
  });

  it('toggles black and white screens and resets zoom when moving on', () => {
    const m = model();
    let s = stageReduce(initialStage('c', 'p'), { type: 'model' }, ctx(m));
    s = stageReduce(s, { type: 'screen', screen: 'black' }, ctx(m));
    expect(s.screen).toBe('black');
    s = stageReduce(s, { type: 'screen', screen: 'white' }, ctx(m));
    expect(s.screen).toBe('white');
    s = stageReduce(s, { type: 'screen', screen: 'white' }, ctx(m));
    expect(s.screen).toBe('exhibit');
    s = stageReduce(s, { type: 'zoom', factor: 2, at: [0.9, 0.1] }, ctx(m));
    expect(s.view).toEqual({ zoom: 2, cx: 0.75, cy: 0.25 });
    s = stageReduce(s, { type: 'next' }, ctx(m));
    expect(s.view.zoom).toBe(1);
  });

  it('freezes the audience on a snapshot but lets black screen through', () => {
    const m = model();
    const live0 = stageReduce(initialStage('c', 'p'), { type: 'model' }, ctx(m));
    const frozen = live0;
    let live = stageReduce(live0, { type: 'next' }, ctx(m));
    expect(publishedStage(live, frozen, m).position.index).toBe(0);
    live = stageReduce(live, { type: 'screen', screen: 'black' }, ctx(m));
    expect(publishedStage(live, frozen, m).screen).toBe('black');
    expect(publishedStage(live, null, m).position.index).toBe(1);
    // A redaction drawn on the frozen exhibit while frozen still reaches the audience.
    const m2 = addRedaction(m, 'e1', { id: 'late', box: [0, 0, 0.5, 0.5], step: 0 });
    expect(publishedStage(live, frozen, m2).shown?.redactions.map((r) => r.id)).toEqual(['late']);
  });

  it('side by side shows the next exhibit next to the current one', () => {
    const m = model();
    let s = stageReduce(initialStage('c', 'p'), { type: 'model' }, ctx(m));
    s = stageReduce(s, { type: 'side-by-side' }, ctx(m));
    expect(s.secondary).toEqual({ index: 1, step: 0 });
    expect(s.shownSecondary?.id).toBe('e2');
    s = stageReduce(s, { type: 'side-by-side' }, ctx(m));
    expect(s.secondary).toBeNull();
    s = stageReduce(s, { type: 'secondary', index: 2 }, ctx(m));
    expect(s.shownSecondary?.id).toBe('e3');
    expect(stageReduce(s, { type: 'secondary', index: 0 }, ctx(m))).toBe(s); // not next to itself
  });
});

describe('ad-hoc pages', () => {
  it('carry the redactions the list keeps for that page, also ones drawn later', () => {
    const m = model();
    let s = stageReduce(initialStage('c', 'p'), { type: 'model' }, ctx(m));
    s = stageReduce(
      s,
      { type: 'adhoc', adhoc: { source: { kind: 'page', pageId: 'p2' }, label: 'BL 102' } },
      ctx(m),
    );
    expect(s.adhoc?.redactions?.map((r) => r.id)).toEqual(['r']);
    const m2 = addRedaction(m, 'e2', { id: 'r2', box: [0, 0, 1, 0.1], step: 0 });
    s = stageReduce(s, { type: 'model' }, ctx(m2));
    expect(s.adhoc?.redactions?.map((r) => r.id)).toEqual(['r', 'r2']);
    s = stageReduce(s, { type: 'next' }, ctx(m2));
    expect(s.adhoc).toBeNull();
  });
});

describe('sync protocol', () => {
  const m = model();
  const stage = stageReduce(initialStage('case-1', 'pres-1'), { type: 'model' }, ctx(m));

  it('answers an audience hello with the full state, and the audience applies it', () => {
    const [p1, out] = presenterReduce(
      initialPresenterSync('P'),
      { type: 'hello', audienceId: 'A' },
      stage,
      5,
    );
    expect(p1.audiences).toEqual(['A']);
    expect(out).toHaveLength(1);
    const [a1] = audienceReduce(initialAudienceSync('case-1'), out[0], 'A');
    expect(a1.state?.shown?.id).toBe('e1');
    expect(a1.presenterId).toBe('P');
    const [p2] = presenterReduce(p1, { type: 'bye', audienceId: 'A' }, stage, 6);
    expect(p2.audiences).toEqual([]);
    // Before the list has loaded the audience is counted, and served once the state exists.
    const [p3, none] = presenterReduce(p2, { type: 'hello', audienceId: 'B' }, null, 7);
    expect(p3.audiences).toEqual(['B']);
    expect(none).toEqual([]);
  });

  it('ignores stale and foreign messages', () => {
    let p = initialPresenterSync('P');
    const [p1, first] = stateMessage(p, stage, 1);
    const next = stageReduce(stage, { type: 'next' }, ctx(m));
    const [p2, second] = stateMessage(p1, next, 2);
    p = p2;
    let [a] = audienceReduce(initialAudienceSync('case-1'), second, 'A');
    [a] = audienceReduce(a, first, 'A');
    expect(a.state?.position.index).toBe(1);
    const other = { ...second, seq: 99, state: { ...next, caseId: 'case-2' } };
    expect(audienceReduce(a, other, 'A')[0]).toBe(a);
    const [, ptr] = pointerMessage(p, 'case-1', { laser: [0.5, 0.5], stroke: null });
    expect(audienceReduce(a, ptr, 'A')[0].pointer.laser).toEqual([0.5, 0.5]);
  });

  it('follows a reloaded presenter: says hello again and accepts its restarted counter', () => {
    const [, msg] = stateMessage(initialPresenterSync('P'), stageReduce(stage, { type: 'next' }, ctx(m)), 1);
    if (msg.type !== 'state') throw new Error('expected a state message');
    let [a] = audienceReduce(initialAudienceSync('case-1'), { ...msg, seq: 50 }, 'A');
    const [a2, replies] = audienceReduce(a, { type: 'presenter-online', from: 'Q', caseId: 'case-1' }, 'A');
    expect(replies).toEqual([{ type: 'hello', audienceId: 'A' }]);
    expect(a2.state?.position.index).toBe(1); // last frame stays up meanwhile
    const [, fresh] = stateMessage(initialPresenterSync('Q'), stage, 2);
    [a] = audienceReduce(a2, fresh, 'A');
    expect(a.presenterId).toBe('Q');
    expect(a.state?.position.index).toBe(0);
  });

  it('validates channel messages', () => {
    expect(isCourtroomMessage({ type: 'hello', audienceId: 'x' })).toBe(true);
    expect(isCourtroomMessage({ type: 'rm -rf' })).toBe(false);
    expect(isCourtroomMessage(null)).toBe(false);
  });
});

describe('keys', () => {
  it('maps clicker keys and typed numbers', () => {
    expect(keyCommand({ key: 'PageDown' })).toEqual({ type: 'next' });
    expect(keyCommand({ key: 'PageUp' })).toEqual({ type: 'prev' });
    expect(keyCommand({ key: 'B' })).toEqual({ type: 'black', letter: true });
    expect(keyCommand({ key: '.' })).toEqual({ type: 'black' });
    expect(keyCommand({ key: 'w' })).toEqual({ type: 'white' });
    expect(keyCommand({ key: 'f' })).toEqual({ type: 'freeze' });
    expect(keyCommand({ key: 'r', ctrlKey: true })).toBeNull();
    expect(typeDigit('', '0')).toEqual({ buffer: '', resetZoom: true });
    expect(typeDigit('1', '0')).toEqual({ buffer: '10', resetZoom: false });
  });
});
