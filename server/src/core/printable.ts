/**
 * Text shown to people and terminals holds no raw control characters: a folder named `ESC[5A ESC[J`, a
 * file name or a key with `ESC c` in it would move the cursor, erase earlier output or reset the terminal.
 * Every text sink (findings' messages, the text report, SARIF, hovers, the outline, `resolve`) shows them
 * escaped as `\x1b`, `\x00`, `\u2028`.
 */

/** C0 controls except tab and line feed, DEL, C1 controls, and the Unicode line/paragraph separators and bidi overrides. */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** The same, and tab and line breaks too: for one-line texts such as file names. */
const CONTROL_OR_BREAK = /[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escape(ch: string): string {
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Control characters escaped, carriage returns too; tabs and line feeds kept (messages and markdown may hold several lines). */
export function printable(text: string): string {
  return text.replace(CONTROL, escape);
}

/** Control characters, tabs and line breaks escaped: a file name or a key shown on one line. */
export function printableLine(text: string): string {
  return text.replace(CONTROL_OR_BREAK, escape);
}
