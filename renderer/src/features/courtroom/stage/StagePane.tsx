import { useEffect, type ReactNode } from 'react';
import type { Box } from '@hoso/contracts';
import { marksForStep, redactionsForStep, type ExhibitSource, type Mark, type Redaction } from '@hoso/domain';
import type { PublicExhibit, StageView } from '../state/stage';
import { ContentBox } from './ContentBox';
import { contentAspect, fitBox, viewTransform } from './geometry';
import { useSize } from './useSize';
import { useStepImage } from './useStepImage';

export interface StagePaneProps {
  exhibit: PublicExhibit | null;
  /** What to show: the exhibit's source, or an ad-hoc page opened from a map. */
  source: ExhibitSource | null;
  step: number;
  /** The source is an ad-hoc page, not the exhibit: the exhibit's marks do not belong on it. */
  adhoc?: boolean;
  /** Redactions for the ad-hoc page (the list's redactions of that page). */
  adhocRedactions?: Redaction[];
  view: StageView;
  callout: Box | null;
  laser?: [number, number] | null;
  liveStroke?: Mark | null;
  audience: boolean;
  stampLabel?: string;
  margin?: number;
  /** Presenter tools, laid over the (zoomed) exhibit so pointer positions map to it. */
  children?: ReactNode;
  missingText?: string;
  onPainted?: (key: string) => void;
}

/** One exhibit fitted into its pane, zoomed and panned, with callout, laser and stamp. */
export function StagePane(props: StagePaneProps) {
  const { exhibit, source, step, view, audience } = props;
  const [ref, pane] = useSize<HTMLDivElement>();
  const ready = useStepImage(source, step);
  const onPainted = props.onPainted;
  const readyKey = ready?.key;
  useEffect(() => {
    if (!readyKey || !onPainted) return;
    // After the frame that carries the new image: rAF runs before paint, the task after it.
    const raf = requestAnimationFrame(() => setTimeout(() => onPainted(readyKey), 0));
    return () => cancelAnimationFrame(raf);
  }, [readyKey, onPainted]);

  const adhoc = !!props.adhoc;
  const marks = exhibit && !adhoc ? marksForStep(exhibit, step) : [];
  const redactions = adhoc ? (props.adhocRedactions ?? []) : exhibit ? redactionsForStep(exhibit, step) : [];

  let body: ReactNode = null;
  if (ready && ready.content.kind === 'image' && 'natural' in ready && pane.width > 0) {
    const c = ready.content;
    const aspect = contentAspect(ready.natural, c.rotation, c.crop);
    const box = fitBox(pane, aspect, props.margin ?? 0);
    const common = {
      url: c.url,
      natural: ready.natural,
      rotation: c.rotation,
      deskewDeg: c.deskewDeg,
      crop: c.crop,
      marks,
      redactions,
      audience,
    };
    body = (
      <>
        <div
          className="cr-fitted"
          data-step-key={ready.key}
          style={{
            left: box.left,
            top: box.top,
            width: box.width,
            height: box.height,
            transform: viewTransform(view, box),
          }}
        >
          <ContentBox {...common} size={box} liveStroke={props.liveStroke} />
          {props.laser && (
            <div
              className="cr-laser"
              style={{
                left: props.laser[0] * box.width,
                top: props.laser[1] * box.height,
                transform: `scale(${1 / view.zoom})`,
              }}
            />
          )}
          {props.children}
        </div>
        {props.callout && <Callout region={props.callout} pane={pane} box={box} {...common} />}
      </>
    );
  } else if (ready && ready.content.kind !== 'image' && !audience) {
    body = <p className="cr-missing">{props.missingText}</p>;
  }

  return (
    <div ref={ref} className={`cr-pane${audience ? ' cr-pane-audience' : ''}`}>
      {body}
      {props.stampLabel && <div className="cr-stamp">{props.stampLabel}</div>}
    </div>
  );
}

type CalloutProps = Omit<React.ComponentProps<typeof ContentBox>, 'size'> & {
  region: Box;
  pane: { width: number; height: number };
  box: { width: number; height: number };
};

/**
 * The callout: a region of the page magnified in a panel over it. The whole exhibit is drawn again
 * at the larger scale and clipped, so its redactions and marks come along with it.
 */
function Callout({ region, pane, box, ...common }: CalloutProps) {
  const [x0, y0, x1, y1] = region;
  const rw = Math.max(0.01, x1 - x0) * box.width;
  const rh = Math.max(0.01, y1 - y0) * box.height;
  const panel = fitBox({ width: pane.width * 0.8, height: pane.height * 0.8 }, rw / rh);
  const k = panel.width / rw;
  return (
    <div
      className="cr-callout"
      style={{
        left: (pane.width - panel.width) / 2,
        top: (pane.height - panel.height) / 2,
        width: panel.width,
        height: panel.height,
      }}
    >
      <div style={{ position: 'absolute', left: -x0 * box.width * k, top: -y0 * box.height * k }}>
        <ContentBox {...common} size={{ width: box.width * k, height: box.height * k }} />
      </div>
    </div>
  );
}
