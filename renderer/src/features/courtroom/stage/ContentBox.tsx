import type { Box, Rotation } from '@hoso/contracts';
import type { Mark, Redaction } from '@hoso/domain';
import { uprightSize, type Size } from './geometry';

/**
 * One exhibit image drawn into a box of `size` pixels, upright and cropped, with its redactions
 * and marks on top. The audience, the presenter and the callout all draw through this component,
 * so a redaction can never be left out of one of them.
 */
export interface ContentBoxProps {
  url: string;
  natural: Size;
  rotation: Rotation;
  /** The OCR's straightening, turned with the image inside the upright box (see pageFrame). */
  deskewDeg?: number;
  crop?: Box;
  size: Size;
  marks: Mark[];
  redactions: Redaction[];
  liveStroke?: Mark | null;
  /** Presenter: redactions translucent with an outline, so the presenter still reads the page. */
  audience: boolean;
  onImageReady?: () => void;
}

export function ContentBox(props: ContentBoxProps) {
  const { url, natural, rotation, size, audience } = props;
  const [x0, y0, x1] = props.crop ?? [0, 0, 1, 1];
  const up = uprightSize(natural, rotation);
  // Scale from upright image pixels to box pixels.
  const scale = size.width / (up.width * Math.max(0.001, x1 - x0));
  const upW = up.width * scale;
  const upH = up.height * scale;
  const imgW = natural.width * scale;
  const imgH = natural.height * scale;
  const { width: W, height: H } = size;
  return (
    <div className="cr-content" style={{ width: W, height: H }}>
      <div className="cr-upright" style={{ width: upW, height: upH, left: -x0 * upW, top: -y0 * upH }}>
        <img
          src={url}
          alt=""
          draggable={false}
          decoding="sync"
          onLoad={props.onImageReady}
          style={{
            width: imgW,
            height: imgH,
            left: (upW - imgW) / 2,
            top: (upH - imgH) / 2,
            transform: imageTransform(rotation, props.deskewDeg ?? 0),
          }}
        />
      </div>
      <svg className="cr-overlay" viewBox={`0 0 ${W} ${H}`} width={W} height={H} aria-hidden="true">
        {props.marks.map((m) => (
          <MarkPath key={m.id} mark={m} W={W} H={H} />
        ))}
        {props.liveStroke && <MarkPath mark={props.liveStroke} W={W} H={H} />}
        {props.redactions.map((r) => (
          <rect
            key={r.id}
            className={audience ? 'cr-redaction' : 'cr-redaction cr-redaction-preview'}
            data-redaction={r.id}
            x={r.box[0] * W}
            y={r.box[1] * H}
            width={(r.box[2] - r.box[0]) * W}
            height={(r.box[3] - r.box[1]) * H}
            fill={audience ? '#000' : 'rgba(0,0,0,0.45)'}
            stroke={audience ? '#000' : '#e53935'}
            strokeWidth={audience ? 1 : 2}
          />
        ))}
      </svg>
    </div>
  );
}

/**
 * The image turned upright and straightened around its centre; the upright box keeps the turned
 * image's size, as the OCR frame does (renderer/src/shared/pageFrame.ts), so the corners
 * the straightening moves out are clipped and marks keep their places.
 */
export function imageTransform(rotation: Rotation, deskewDeg: number): string | undefined {
  const deg = rotation + deskewDeg;
  return deg ? `rotate(${Number(deg.toFixed(3))}deg)` : undefined;
}

function MarkPath({ mark, W, H }: { mark: Mark; W: number; H: number }) {
  const d = mark.points
    .map(([x, y], i) => `${i ? 'L' : 'M'}${(x * W).toFixed(1)} ${(y * H).toFixed(1)}`)
    .join(' ');
  const highlighter = mark.tool === 'highlighter';
  return (
    <path
      d={mark.points.length === 1 ? `${d} l0.1 0` : d}
      fill="none"
      stroke={mark.color}
      strokeWidth={Math.max(1, mark.width * W)}
      strokeLinecap={highlighter ? 'butt' : 'round'}
      strokeLinejoin="round"
      opacity={highlighter ? 0.4 : 1}
      style={highlighter ? { mixBlendMode: 'multiply' } : undefined}
    />
  );
}
