/** Where keyboard focus is decides whether a key is a presenter command (clicker) or typing. */

export function isControl(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el?.closest?.('button, a[href]');
}

/** A mouse click must not leave focus on a button, or the next Enter/Space would press it again. */
export function blurAfterMouseClick(e: React.MouseEvent) {
  if (e.detail > 0) (e.target as HTMLElement).closest?.('button')?.blur();
}
