/**
 * Builds a hit as Meilisearch returns it: the displayed and retrieved attributes, and on demand
 * `_formatted` (highlighted / cropped strings; numbers become strings there) and
 * `_matchesPosition` ({start, length} of each match, in UTF-16 code units).
 * Prefix matches highlight only the typed prefix ("<em>pod</em>cast"), other matches the word.
 */
import { pickAttributes, type Doc } from './fields.js';
import { matchesAttributePattern } from './settings.js';
import type { Tokenizer, Token } from './tokenizer.js';

/** Length of the match in a term: 0 = no match, Infinity = the whole word. */
export type TermMatcher = (term: string) => number;

export interface FormatOptions {
  displayed: readonly string[];
  retrieve: readonly string[];
  highlight: readonly string[];
  /** Attribute pattern → crop length in words. */
  crop: ReadonlyMap<string, number>;
  preTag: string;
  postTag: string;
  cropMarker: string;
  showMatchesPosition: boolean;
}

interface MatchedToken extends Token {
  matchLength: number;
}

interface MatchPosition {
  start: number;
  length: number;
  /** Index of the array element holding the match, for array values. */
  indices?: number[];
}

function matchedTokens(text: string, tokenizer: Tokenizer, matcher: TermMatcher): MatchedToken[] {
  return tokenizer.tokens(text).map((t) => ({ ...t, matchLength: matcher(t.term) }));
}

/** Length of the original text covered by a match (prefix matches cover the typed part). */
function coveredLength(token: MatchedToken): number {
  return Math.min(token.end - token.start, token.matchLength);
}

/** The window of `length` tokens holding the most distinct matched terms, centred on them. */
function cropWindow(tokens: MatchedToken[], length: number): [number, number] {
  if (tokens.length <= length) return [0, tokens.length];
  let best = -1;
  let bestStart = 0;
  for (let start = 0; start + length <= tokens.length; start++) {
    const distinct = new Set(tokens.slice(start, start + length).filter((t) => t.matchLength > 0).map((t) => t.term)).size;
    if (distinct > best) {
      best = distinct;
      bestStart = start;
    }
  }
  if (best <= 0) return [0, length];
  const inWindow = tokens.slice(bestStart, bestStart + length);
  const first = bestStart + inWindow.findIndex((t) => t.matchLength > 0);
  const last = bestStart + length - 1 - [...inWindow].reverse().findIndex((t) => t.matchLength > 0);
  const slack = length - (last - first + 1);
  const start = Math.max(0, Math.min(first - Math.ceil(slack / 2), tokens.length - length));
  return [start, start + length];
}

function render(text: string, tokens: MatchedToken[], options: FormatOptions, highlight: boolean, cropLength: number | null): string {
  let from = 0;
  let to = text.length;
  let window: MatchedToken[] = tokens;
  let prefix = '';
  let suffix = '';
  if (cropLength !== null) {
    if (cropLength === 0 || tokens.length === 0) return cropLength === 0 ? '' : text;
    const [a, b] = cropWindow(tokens, cropLength);
    window = tokens.slice(a, b);
    from = window[0].start;
    to = window[window.length - 1].end;
    if (a > 0) prefix = options.cropMarker;
    if (b < tokens.length) suffix = options.cropMarker;
  }
  let out = prefix;
  let cursor = from;
  if (highlight) {
    for (const token of window) {
      if (token.matchLength <= 0) continue;
      const end = token.start + coveredLength(token);
      out += text.slice(cursor, token.start) + options.preTag + text.slice(token.start, end) + options.postTag;
      cursor = end;
    }
  }
  return out + text.slice(cursor, to) + suffix;
}

function cropLengthFor(options: FormatOptions, field: string): number | null {
  for (const [pattern, length] of options.crop) if (matchesAttributePattern(pattern, field)) return length;
  return null;
}

/** Formats one value of the field `field` (recursing through arrays and objects). */
function formatValue(
  value: unknown,
  field: string,
  tokenizer: Tokenizer,
  matcher: TermMatcher,
  options: FormatOptions,
  positions: Record<string, MatchPosition[]>,
  indices: number[] = [],
): unknown {
  if (Array.isArray(value)) return value.map((v, i) => formatValue(v, field, tokenizer, matcher, options, positions, [...indices, i]));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Doc).map(([k, v]) => [k, formatValue(v, `${field}.${k}`, tokenizer, matcher, options, positions, indices)]),
    );
  }
  if (typeof value !== 'string' && typeof value !== 'number') return value;
  const text = String(value);
  const tokens = matchedTokens(text, tokenizer, matcher);
  if (options.showMatchesPosition) {
    for (const t of tokens) {
      if (t.matchLength <= 0) continue;
      const position: MatchPosition = { start: t.start, length: coveredLength(t) };
      if (indices.length > 0) position.indices = indices;
      (positions[field] ??= []).push(position);
    }
  }
  const highlight = options.highlight.some((p) => matchesAttributePattern(p, field));
  return render(text, tokens, options, highlight, cropLengthFor(options, field));
}

export interface FormattedHit {
  hit: Doc;
  formatted: Doc | null;
  matchesPosition: Record<string, MatchPosition[]> | null;
}

export function formatHit(doc: Doc, tokenizer: Tokenizer, matcher: TermMatcher, options: FormatOptions): FormattedHit {
  const displayed = pickAttributes(doc, options.displayed);
  const hit = pickAttributes(displayed, options.retrieve);
  const wantsFormatted = options.highlight.length > 0 || options.crop.size > 0;
  if (!wantsFormatted && !options.showMatchesPosition) return { hit, formatted: null, matchesPosition: null };
  // _formatted holds the retrieved attributes plus those asked to be highlighted or cropped.
  const extra = [...options.highlight, ...options.crop.keys()];
  const source = pickAttributes(displayed, [...options.retrieve, ...extra]);
  const positions: Record<string, MatchPosition[]> = {};
  const formatted: Doc = {};
  for (const [key, value] of Object.entries(source)) formatted[key] = formatValue(value, key, tokenizer, matcher, options, positions);
  return { hit, formatted: wantsFormatted ? formatted : null, matchesPosition: options.showMatchesPosition ? positions : null };
}
