import type { Box } from '@hoso/contracts';
import {
  resolveJump,
  type JumpKind,
  stepPosition,
  type Exhibit,
  type ExhibitPosition,
  redactionsOfPage,
  type ExhibitSource,
  type PresentationModel,
  type Redaction,
} from '@hoso/domain';

/**
 * What the courtroom stage shows, as a value: the presenter edits it with `stageReduce`, the
 * audience receives the published copy. Pure (no DOM) so it is unit-tested in Node.
 */

/** Zoom and pan: `cx, cy` is the normalized exhibit point at the centre of the screen. */
export interface StageView {
  zoom: number;
  cx: number;
  cy: number;
}

/** An exhibit as the audience may see it: everything but the private notes. */
export type PublicExhibit = Omit<Exhibit, 'notes'>;

export type Screen = 'exhibit' | 'black' | 'white';

export interface StageState {
  caseId: string;
  presentationId: string;
  position: ExhibitPosition;
  /** Side by side: a second exhibit shown to the right of the first. */
  secondary: ExhibitPosition | null;
  /** Shown instead of the list's exhibit: a page opened from a map's evidence node. */
  adhoc: {
    source: ExhibitSource;
    label: string;
    folio?: number;
    /** Redactions the list keeps for this page elsewhere: they apply here too. */
    redactions?: Redaction[];
  } | null;
  screen: Screen;
  view: StageView;
  callout: Box | null;
  frame: 'fill' | '16:9';
  /**
   * Copies of the shown exhibits without notes. The audience draws marks and redactions from here
   * so a redaction is applied in the same frame as the page, never after a Dexie round trip.
   */
  shown: PublicExhibit | null;
  shownSecondary: PublicExhibit | null;
}

export const FIT_VIEW: StageView = { zoom: 1, cx: 0.5, cy: 0.5 };

export function initialStage(caseId: string, presentationId: string): StageState {
  return {
    caseId,
    presentationId,
    position: { index: 0, step: 0 },
    secondary: null,
    adhoc: null,
    screen: 'exhibit',
    view: FIT_VIEW,
    callout: null,
    frame: 'fill',
    shown: null,
    shownSecondary: null,
  };
}

export function publicExhibit(e: Exhibit | undefined): PublicExhibit | null {
  if (!e) return null;
  // Spread-and-drop rather than `delete` so the stored exhibit is never mutated.
  const { notes: _notes, ...rest } = e;
  return rest;
}

export type StageAction =
  | { type: 'next' }
  | { type: 'prev' }
  | { type: 'goto'; position: ExhibitPosition }
  | { type: 'jump'; typed: string; kind: JumpKind }
  | { type: 'screen'; screen: Screen }
  | { type: 'view'; view: StageView }
  | { type: 'zoom'; factor: number; at?: [number, number] }
  | { type: 'callout'; box: Box | null }
  | { type: 'side-by-side' }
  | { type: 'secondary'; index: number }
  | { type: 'adhoc'; adhoc: StageState['adhoc'] }
  | { type: 'frame'; frame: StageState['frame'] }
  | { type: 'model' };

export interface StageContext {
  model: PresentationModel;
  /** Steps of exhibit i: pages of a document, nodes of a map, else 1. */
  stepCount: (index: number) => number;
}

export function stageReduce(s: StageState, action: StageAction, ctx: StageContext): StageState {
  const count = ctx.model.exhibits.length;
  switch (action.type) {
    case 'next':
    case 'prev': {
      const position = stepPosition(s.position, action.type === 'next' ? 1 : -1, count, ctx.stepCount);
      return withShown(moveTo(s, position), ctx.model);
    }
    case 'goto':
      return withShown(moveTo(s, action.position), ctx.model);
    case 'jump': {
      const position = resolveJump(ctx.model, action.typed, action.kind);
      return position ? withShown(moveTo(s, position), ctx.model) : s;
    }
    case 'screen':
      // Pressing B on a black screen brings the exhibit back, like PowerPoint.
      return { ...s, screen: s.screen === action.screen ? 'exhibit' : action.screen };
    case 'view':
      return { ...s, view: clampView(action.view) };
    case 'zoom': {
      const zoom = s.view.zoom * action.factor;
      const [cx, cy] = action.at ?? [s.view.cx, s.view.cy];
      return { ...s, view: clampView(zoom <= 1.001 ? FIT_VIEW : { zoom, cx, cy }) };
    }
    case 'callout':
      return { ...s, callout: action.box };
    case 'side-by-side': {
      if (s.secondary) return withShown({ ...s, secondary: null }, ctx.model);
      const other = s.position.index + 1 < count ? s.position.index + 1 : s.position.index - 1;
      if (other < 0) return s;
      return withShown({ ...s, secondary: { index: other, step: 0 } }, ctx.model);
    }
    case 'secondary':
      if (action.index < 0 || action.index >= count || action.index === s.position.index) return s;
      return withShown({ ...s, secondary: { index: action.index, step: 0 } }, ctx.model);
    case 'adhoc':
      return { ...s, adhoc: withPageRedactions(action.adhoc, ctx.model), view: FIT_VIEW, callout: null };
    case 'frame':
      return { ...s, frame: action.frame };
    case 'model': {
      // The list changed (reordered, exhibit deleted, marks added): keep the position valid.
      const index = Math.min(s.position.index, Math.max(0, count - 1));
      const secondary = s.secondary && s.secondary.index < count ? s.secondary : null;
      const adhoc = withPageRedactions(s.adhoc, ctx.model);
      return withShown({ ...s, position: { ...s.position, index }, secondary, adhoc }, ctx.model);
    }
  }
}

/** Moving to another exhibit resets zoom, callout and the ad-hoc page; the screen stays as it is. */
function moveTo(s: StageState, position: ExhibitPosition): StageState {
  const same = position.index === s.position.index && position.step === s.position.step;
  if (same && !s.adhoc) return s;
  return { ...s, position, adhoc: null, view: FIT_VIEW, callout: null };
}

export function withShown(s: StageState, model: PresentationModel): StageState {
  return {
    ...s,
    shown: publicExhibit(model.exhibits[s.position.index]),
    shownSecondary: s.secondary ? publicExhibit(model.exhibits[s.secondary.index]) : null,
  };
}

function withPageRedactions(adhoc: StageState['adhoc'], model: PresentationModel): StageState['adhoc'] {
  if (!adhoc || adhoc.source.kind !== 'page') return adhoc;
  return { ...adhoc, redactions: redactionsOfPage(model, adhoc.source.pageId) };
}

export function clampView(v: StageView): StageView {
  const zoom = Math.min(8, Math.max(1, v.zoom));
  // Keep the view inside the exhibit: at zoom z the visible half-extent is 0.5 / z.
  const half = 0.5 / zoom;
  const cx = Math.min(1 - half, Math.max(half, v.cx));
  const cy = Math.min(1 - half, Math.max(half, v.cy));
  return { zoom, cx, cy };
}

/**
 * What the audience gets: while frozen it keeps the snapshot taken when F was pressed, but black
 * and white screens always go through at once (the presenter may need to hide something fast),
 * and the frozen exhibit's redactions are refreshed from the list (one drawn while frozen applies).
 */
export function publishedStage(
  live: StageState,
  frozen: StageState | null,
  model: PresentationModel,
): StageState {
  if (!frozen) return live;
  const refreshed = withShown(frozen, model);
  return { ...refreshed, screen: live.screen, frame: live.frame };
}
