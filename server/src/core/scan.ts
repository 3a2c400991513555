/**
 * Linear scans for what regexes anchored only at the end (`/[ \t]+$/`, `/\d+$/`) do in quadratic time in
 * V8: the regex retries from every start position of a long run that is not followed by the end.
 */

/** Where the run of characters satisfying `inRun` that ends at `end` (default: the text's end) starts. */
export function runStartBefore(text: string, inRun: (c: string) => boolean, end = text.length): number {
  let i = end;
  while (i > 0 && inRun(text[i - 1])) i--;
  return i;
}

/** `text` without the run of `inRun` characters at its end. */
export function trimTrailing(text: string, inRun: (c: string) => boolean): string {
  return text.slice(0, runStartBefore(text, inRun));
}

/** `text` without the run of `inRun` characters at its start. */
export function trimLeading(text: string, inRun: (c: string) => boolean): string {
  let i = 0;
  while (i < text.length && inRun(text[i])) i++;
  return text.slice(i);
}

export const isBlank = (c: string) => c === ' ' || c === '\t';
export const isDigit = (c: string) => c >= '0' && c <= '9';
export const isWhitespace = (c: string) => c.trim() === '';
