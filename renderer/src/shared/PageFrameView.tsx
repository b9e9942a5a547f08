import type { CSSProperties, ReactNode } from 'react';
import { displaySize, type PageFrame } from './pageFrame';

/**
 * Draws a page at `scale` (screen px per image px): the image turned into the OCR frame, and
 * `children` (overlays in frame pixels, already multiplied by `scale`) on top, the whole turned by
 * the user's rotation. Used by the viewer and the dossier thumbnails alike.
 */
export function PageFrameView(props: {
  frame: PageFrame;
  scale: number;
  src: string;
  alt: string;
  children?: ReactNode;
  className?: string;
  imgLoading?: 'lazy' | 'eager';
}) {
  const { frame: f, scale: s } = props;
  const shown = displaySize(f);
  const outer: CSSProperties = {
    width: shown.width * s,
    height: shown.height * s,
    position: 'relative',
    overflow: 'hidden',
  };
  const inner: CSSProperties = {
    position: 'absolute',
    width: f.width * s,
    height: f.height * s,
    left: ((shown.width - f.width) * s) / 2,
    top: ((shown.height - f.height) * s) / 2,
    transform: f.userRotation ? `rotate(${f.userRotation}deg)` : undefined,
    overflow: 'hidden',
  };
  const img: CSSProperties = {
    position: 'absolute',
    width: f.imageWidth * s,
    height: f.imageHeight * s,
    left: ((f.width - f.imageWidth) * s) / 2,
    top: ((f.height - f.imageHeight) * s) / 2,
    transform: f.imageTurnDeg ? `rotate(${f.imageTurnDeg}deg)` : undefined,
    maxWidth: 'none',
    userSelect: 'none',
  };
  return (
    <div className={props.className} style={outer}>
      <div className="page-frame" style={inner}>
        <img
          src={props.src}
          alt={props.alt}
          style={img}
          draggable={false}
          loading={props.imgLoading ?? 'eager'}
          decoding="async"
        />
        {props.children}
      </div>
    </div>
  );
}
