/**
 * Text from drafts and the corpus shown on a terminal: control characters (ESC starts sequences that
 * recolour, retitle or clear the terminal) are shown as escapes instead of being sent raw.
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function printable(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
