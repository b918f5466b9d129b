/**
 * Characters that act on a terminal instead of showing: C0 controls (ESC
 * starts the sequences that clear the screen, move the cursor or hide text),
 * DEL, C1 controls (U+0080–U+009F; U+009B is an 8-bit CSI) and the bidi
 * overrides and isolates (U+202A–U+202E, U+2066–U+2069) and marks
 * (U+200E, U+200F, U+061C) that reorder what staff read. A holder name comes
 * from a customer's booking; shown raw, it could clear the gate's screen or
 * make "Li Wei" read as another name next to the ID card.
 *
 * Pure. API: firstControlCharacter(text), neutraliseControls(text), describeControl(ch).
 */

const controls = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/u;
const controlsGlobal = new RegExp(controls.source, 'gu');

/** Index (in UTF-16 units) of the first control character, or -1. */
export function firstControlCharacter(text: string): number {
  return text.search(controls);
}

/**
 * The text with every control character replaced by its visible escape
 * (`\x1b`, `\u202e`), so it shows as what it is and acts on nothing.
 * Tabs and line breaks are escaped too, so one field stays on one line;
 * `keepLineBreaks` leaves `\n` alone, for whole messages.
 *
 * @example neutraliseControls('Li\u001b[2JWei') // 'Li\\x1b[2JWei'
 */
export function neutraliseControls(text: string, keepLineBreaks = false): string {
  if (!controls.test(text)) return text;
  return text.replace(controlsGlobal, (ch) => (keepLineBreaks && ch === '\n' ? ch : describeControl(ch)));
}

/** `\x1b` for C0/C1/DEL, `\u202e` for the others. */
export function describeControl(ch: string): string {
  const code = ch.codePointAt(0)!;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}
