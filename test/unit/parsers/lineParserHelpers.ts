// Shared checks for the line-oriented parser tests: seeded random inputs, span sanity, edit round trips.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits, type TextEdit } from '../../../server/src/core/text';

export const corpus = (...parts: string[]) => path.resolve('..', 'shared', 'corpus', ...parts);
export const readCorpus = (...parts: string[]) => fs.readFileSync(corpus(...parts), 'utf8');

/** mulberry32: a small seeded PRNG so failures reproduce. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random bytes decoded as UTF-8 (invalid sequences become U+FFFD), biased towards the format's punctuation. */
export function randomTexts(seed: number, count: number, alphabet: string): string[] {
  const next = prng(seed);
  const out: string[] = [];
  const decoder = new TextDecoder('utf-8');
  for (let n = 0; n < count; n++) {
    const length = Math.floor(next() * 200);
    const bytes: number[] = [];
    for (let i = 0; i < length; i++) {
      if (next() < 0.6) bytes.push(...Buffer.from(alphabet[Math.floor(next() * alphabet.length)]));
      else bytes.push(Math.floor(next() * 256));
    }
    out.push(decoder.decode(Uint8Array.from(bytes)));
  }
  out.push('\uFEFF', '\0\0\0', '\r', '\r\n\r\n', '\n', '', '\\', '"', "'", '\uFEFF\r\n');
  return out;
}

/** Asserts that every {start, end} object reachable from `value` lies inside a text of `length`. */
export function assertSpansInside(value: unknown, length: number, where = 'doc'): void {
  const seen = new Set<unknown>();
  const walk = (v: unknown, at: string) => {
    if (v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    const o = v as Record<string, unknown>;
    if (typeof o.start === 'number' && typeof o.end === 'number') {
      assert.ok(0 <= o.start && o.start <= o.end && o.end <= length, `${at}: span [${o.start}, ${o.end}) outside text of ${length}`);
    }
    for (const [k, child] of Object.entries(o)) if (k !== 'text') walk(child, `${at}.${k}`);
  };
  walk(value, where);
}

/**
 * Applies `edit(text)`; asserts the result re-parses without problems (when `clean`), that applying the
 * same edit function to the result changes nothing, and returns the edited text.
 */
export function roundTrip(text: string, edit: (text: string) => TextEdit[], problemsOf: (text: string) => unknown[]): string {
  const once = applyEdits(text, edit(text));
  assert.deepEqual(problemsOf(once), [], `edited text has problems:\n${once}`);
  const again = edit(once);
  assert.deepEqual(again, [], 'second application should produce no edits');
  return once;
}

/** Asserts that `after` differs from `before` only inside [from, to) of `before` (a single changed region). */
export function assertChangedOnly(before: string, after: string, from: number, to: number): void {
  assert.equal(after.slice(0, from), before.slice(0, from), 'text before the edited region changed');
  assert.equal(after.slice(after.length - (before.length - to)), before.slice(to), 'text after the edited region changed');
}

/** Every prefix of a text (by step), for truncated-file robustness. */
export function* prefixes(text: string, step = 1): Generator<string> {
  for (let i = 0; i <= text.length; i += step) yield text.slice(0, i);
}
