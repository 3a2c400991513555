/**
 * The concrete syntax tree of an EMQX HOCON document. Every node carries [start, end) offsets into the
 * document text; comments are kept on the document. This file is the contract between the parser and
 * everything downstream (model, rules, features): extend it, but do not rename what is here.
 */
import type { Span } from '../../core/text';
import type { ParseProblem } from '../../core/problems';

export interface HoconDocument {
  text: string;
  root: HoconObject; // braced: false unless the file wraps its content in { }
  /** hocon/syntax and hocon/emqx-dialect problems; never throws. */
  problems: ParseProblem[];
  comments: HoconComment[];
}

export interface HoconComment extends Span {
  /** `#` or `//` */
  marker: '#' | '//';
  /** Text after the marker, without the line terminator. */
  text: string;
}

export type HoconValue =
  | HoconObject
  | HoconArray
  | HoconString
  | HoconNumber
  | HoconBoolean
  | HoconNull
  | HoconSubstitution
  | HoconConcat
  | HoconInvalid;

export interface HoconObject extends Span {
  type: 'object';
  braced: boolean;
  members: HoconMember[];
}

export type HoconMember = HoconField | HoconInclude;

export interface HoconField extends Span {
  type: 'field';
  key: HoconKey;
  /** The separator as written; null when omitted before `{`. `+=` is kept (and reported as dialect). */
  separator: { kind: '=' | ':' | '+='; start: number; end: number } | null;
  /** Missing when the input ends or breaks after the key (a syntax problem is reported). */
  value: HoconValue | undefined;
}

/** A path expression key such as `listeners.ssl.default` split into segments. */
export interface HoconKey extends Span {
  segments: HoconKeySegment[];
}

export interface HoconKeySegment extends Span {
  /** The segment's name after unquoting. */
  name: string;
  quoted: boolean;
}

export interface HoconInclude extends Span {
  type: 'include';
  /** The file name after unquoting. */
  target: string;
  targetSpan: Span;
  required: boolean;
  /** `plain` = include "f"; `required` = include required("f"); the others are rejected by EMQX. */
  form: 'plain' | 'required' | 'file' | 'url' | 'classpath';
}

export interface HoconArray extends Span {
  type: 'array';
  items: HoconValue[];
}

export interface HoconString extends Span {
  type: 'string';
  /** The string after unescaping / indentation stripping. */
  value: string;
  quoting: 'unquoted' | 'quoted' | 'triple';
}

export interface HoconNumber extends Span {
  type: 'number';
  value: number;
  raw: string;
}

export interface HoconBoolean extends Span {
  type: 'boolean';
  value: boolean;
}

export interface HoconNull extends Span {
  type: 'null';
}

export interface HoconSubstitution extends Span {
  type: 'substitution';
  path: string[];
  optional: boolean;
}

/** Adjacent values concatenated into one (strings, arrays or objects). */
export interface HoconConcat extends Span {
  type: 'concat';
  parts: HoconValue[];
}

/** A value the parser could not read; a problem covers the same span. */
export interface HoconInvalid extends Span {
  type: 'invalid';
}
