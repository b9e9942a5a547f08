/** Input types that take no text: a focused checkbox or button must not swallow shortcut keys. */
const NON_TEXT_INPUTS = ['checkbox', 'radio', 'button'];

/**
 * Whether a key event's target is a place the user types in (a text field, text area, select or
 * editable text), where keys are text, not shortcuts. The one check for every keyboard handler.
 */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  if (el.isContentEditable || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return true;
  return el.tagName === 'INPUT' && !NON_TEXT_INPUTS.includes((el as HTMLInputElement).type);
}
