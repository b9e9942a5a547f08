/**
 * Presenter keyboard and clicker commands. Presentation clickers send PageUp/PageDown (some send
 * arrows, B or '.' for black); digits then Enter jump to that exhibit number, digits then B to that
 * folio (resolveJump in packages/domain).
 */
export type Tool = 'pan' | 'laser' | 'pen' | 'highlighter' | 'redact' | 'callout';

export type KeyCommand =
  | { type: 'next' }
  | { type: 'prev' }
  | { type: 'digit'; digit: string }
  | { type: 'backspace' }
  | { type: 'enter' }
  /** `letter`: the B key (a folio jump after digits), not '.' from a clicker. */
  | { type: 'black'; letter?: boolean }
  | { type: 'white' }
  | { type: 'freeze' }
  | { type: 'escape' }
  | { type: 'zoom-in' }
  | { type: 'zoom-out' }
  | { type: 'zoom-reset' }
  | { type: 'side-by-side' }
  | { type: 'stamp' }
  | { type: 'open-evidence' }
  | { type: 'tool'; tool: Tool };

const TOOL_KEYS: Record<string, Tool> = {
  v: 'pan',
  l: 'laser',
  p: 'pen',
  h: 'highlighter',
  r: 'redact',
  c: 'callout',
};

export function keyCommand(e: {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}): KeyCommand | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const key = e.key;
  switch (key) {
    case 'PageDown':
    case 'ArrowRight':
    case 'ArrowDown':
    case ' ':
      return { type: 'next' };
    case 'PageUp':
    case 'ArrowLeft':
    case 'ArrowUp':
      return { type: 'prev' };
    case 'Enter':
      return { type: 'enter' };
    case 'Backspace':
      return { type: 'backspace' };
    case 'Escape':
      return { type: 'escape' };
    case '+':
    case '=':
      return { type: 'zoom-in' };
    case '-':
      return { type: 'zoom-out' };
    case '0':
      // '0' is a digit too; as the first key it resets zoom, inside a number it is a digit.
      return { type: 'digit', digit: '0' };
    case '.':
      return { type: 'black' };
  }
  if (/^[1-9]$/.test(key)) return { type: 'digit', digit: key };
  const lower = key.toLowerCase();
  if (lower === 'b') return { type: 'black', letter: true };
  if (lower === 'w') return { type: 'white' };
  if (lower === 'f') return { type: 'freeze' };
  if (lower === 's') return { type: 'side-by-side' };
  if (lower === 't') return { type: 'stamp' };
  if (lower === 'o') return { type: 'open-evidence' };
  if (lower in TOOL_KEYS) return { type: 'tool', tool: TOOL_KEYS[lower] };
  return null;
}

/** The digits typed so far; '0' first means "reset zoom" rather than a number. */
export function typeDigit(buffer: string, digit: string): { buffer: string; resetZoom: boolean } {
  if (buffer === '' && digit === '0') return { buffer: '', resetZoom: true };
  return { buffer: (buffer + digit).slice(0, 6), resetZoom: false };
}
