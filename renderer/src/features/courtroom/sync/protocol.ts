import type { ExhibitSource, Mark } from '@hoso/domain';
import type { StageState } from '../state/stage';

/**
 * The courtroom sync protocol between the presenter window and the audience window(s) of the same
 * origin, over a BroadcastChannel per case. The presenter owns the state; an audience announces
 * itself (`hello`) and gets the full state back, so it can join late or survive a presenter
 * reload (a reloaded presenter says `presenter-online` and the audience says hello again).
 * Ordering: every presenter session has a random id and a counter; an audience ignores anything
 * older than what it already shows from that session.
 */

export type LivePointer = {
  /** Laser pointer position, normalized to the main exhibit; null when off. */
  laser: [number, number] | null;
  /** The stroke being drawn right now (not yet kept in the model). */
  stroke: Mark | null;
};

export type PresenterMessage =
  | { type: 'state'; from: string; seq: number; state: StageState; sentAt: number }
  | { type: 'pointer'; from: string; seq: number; caseId: string; pointer: LivePointer }
  | { type: 'presenter-online'; from: string; caseId: string }
  /** Decode these ahead: the presenter is typing a number that will jump there. */
  | { type: 'prefetch'; caseId: string; items: Array<{ source: ExhibitSource; step: number }> };

export type AudienceMessage = { type: 'hello'; audienceId: string } | { type: 'bye'; audienceId: string };

export type CourtroomMessage = PresenterMessage | AudienceMessage;

export function channelName(caseId: string): string {
  return `hoso-courtroom:${caseId}`;
}

// ---- audience side ------------------------------------------------------------------------------

export interface AudienceSync {
  caseId: string;
  presenterId: string | null;
  seq: number;
  /** Sender's clock when the shown state was sent, for the speed bench. */
  sentAt: number;
  state: StageState | null;
  pointer: LivePointer;
}

export function initialAudienceSync(caseId: string): AudienceSync {
  return {
    caseId,
    presenterId: null,
    seq: -1,
    sentAt: 0,
    state: null,
    pointer: { laser: null, stroke: null },
  };
}

/** Applies one message; returns the new state and the messages to send back. */
export function audienceReduce(
  s: AudienceSync,
  msg: CourtroomMessage,
  audienceId: string,
): [AudienceSync, AudienceMessage[]] {
  switch (msg.type) {
    case 'state': {
      if (msg.state.caseId !== s.caseId) return [s, []];
      // A different presenter session (reload, new window) restarts the counter.
      if (msg.from === s.presenterId && msg.seq <= s.seq) return [s, []];
      const samePresenter = msg.from === s.presenterId;
      return [
        {
          ...s,
          presenterId: msg.from,
          seq: msg.seq,
          sentAt: msg.sentAt,
          state: msg.state,
          // A stroke in progress belongs to the exhibit it was drawn on.
          pointer:
            samePresenter && sameExhibit(s.state, msg.state) ? s.pointer : { laser: null, stroke: null },
        },
        [],
      ];
    }
    case 'pointer': {
      if (msg.caseId !== s.caseId || msg.from !== s.presenterId || msg.seq <= s.seq) return [s, []];
      return [{ ...s, seq: msg.seq, pointer: msg.pointer }, []];
    }
    case 'presenter-online':
      // Keep showing the last frame until the new presenter's state arrives.
      return msg.caseId === s.caseId ? [s, [{ type: 'hello', audienceId }]] : [s, []];
    default:
      return [s, []];
  }
}

function sameExhibit(a: StageState | null, b: StageState): boolean {
  return (
    !!a &&
    a.position.index === b.position.index &&
    a.position.step === b.position.step &&
    !a.adhoc &&
    !b.adhoc
  );
}

// ---- presenter side -----------------------------------------------------------------------------

export interface PresenterSync {
  id: string;
  seq: number;
  audiences: string[];
}

export function initialPresenterSync(id: string): PresenterSync {
  return { id, seq: 0, audiences: [] };
}

/**
 * Applies an audience message; a `hello` is answered with the full published state so a new or
 * reconnecting audience window catches up at once. Before the list has loaded (`published` null)
 * the audience is only counted: the first state goes to everyone when it is ready.
 */
export function presenterReduce(
  s: PresenterSync,
  msg: CourtroomMessage,
  published: StageState | null,
  now: number,
): [PresenterSync, PresenterMessage[]] {
  switch (msg.type) {
    case 'hello': {
      const audiences = s.audiences.includes(msg.audienceId) ? s.audiences : [...s.audiences, msg.audienceId];
      if (!published) return [{ ...s, audiences }, []];
      const seq = s.seq + 1;
      return [{ ...s, audiences, seq }, [{ type: 'state', from: s.id, seq, state: published, sentAt: now }]];
    }
    case 'bye':
      return [{ ...s, audiences: s.audiences.filter((a) => a !== msg.audienceId) }, []];
    default:
      return [s, []];
  }
}

/** The next state message of this presenter session. */
export function stateMessage(
  s: PresenterSync,
  state: StageState,
  now: number,
): [PresenterSync, PresenterMessage] {
  const seq = s.seq + 1;
  return [
    { ...s, seq },
    { type: 'state', from: s.id, seq, state, sentAt: now },
  ];
}

export function pointerMessage(
  s: PresenterSync,
  caseId: string,
  pointer: LivePointer,
): [PresenterSync, PresenterMessage] {
  const seq = s.seq + 1;
  return [
    { ...s, seq },
    { type: 'pointer', from: s.id, seq, caseId, pointer },
  ];
}

/** Runtime guard for messages from the channel (other windows may run another app version). */
export function isCourtroomMessage(value: unknown): value is CourtroomMessage {
  if (!value || typeof value !== 'object') return false;
  const t = (value as { type?: unknown }).type;
  return (
    t === 'state' ||
    t === 'pointer' ||
    t === 'presenter-online' ||
    t === 'prefetch' ||
    t === 'hello' ||
    t === 'bye'
  );
}
