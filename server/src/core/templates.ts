/**
 * Build-template placeholders (`{{ platform_etc_dir }}`, `<%= x %>`) found by a linear scan. The regex
 * `/\{\{.*\}\}/` this replaces retried `.*` from every `{{` of a line, quadratic on a run of `{`.
 */

/** Characters `.` does not match in a JavaScript regex: a placeholder never spans them. */
function isLineTerminator(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

/**
 * Whether `text` holds `open`, then (after it, not overlapping) `close` on the same line: what
 * `/open.*close/` tests, in one pass.
 */
export function hasDelimited(text: string, open: string, close: string): boolean {
  // Only the first `open` of a line matters: a `close` after any later one is also after the first.
  let after = -1;
  for (let i = 0; i < text.length; i++) {
    if (isLineTerminator(text.charCodeAt(i))) after = -1;
    else if (after < 0 && text.startsWith(open, i)) after = i + open.length;
    else if (after >= 0 && i >= after && text.startsWith(close, i)) return true;
  }
  return false;
}

/** Whether a value is an unrendered mustache (`{{ … }}`) or ERB (`<% … %>`) placeholder. */
export function hasTemplatePlaceholder(text: string): boolean {
  // Cheap rejections first: most values hold neither opener.
  return (text.includes('{{') && hasDelimited(text, '{{', '}}')) || (text.includes('<%') && hasDelimited(text, '<%', '%>'));
}

/** Whether a value holds a mustache placeholder (`{{ … }}`). */
export function hasMustache(text: string): boolean {
  return text.includes('{{') && hasDelimited(text, '{{', '}}');
}
