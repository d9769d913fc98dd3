/**
 * Builds a hit as Meilisearch returns it: the displayed and retrieved attributes, and on demand
 * `_formatted` (highlighted / cropped strings; numbers become strings there) and
 * `_matchesPosition` ({start, length} of each match, in UTF-16 code units).
 * Prefix matches highlight only the typed prefix ("<em>pod</em>cast"), other matches the word.
 * One HitFormatter serves all hits of a search, so per-field and per-term decisions are made once.
 */
import { cropWindow, type TokenMatches } from './format-crop.js';
import { attributePicker, type Doc } from './fields.js';
import { matchesAttributePattern } from './settings.js';
import type { Tokenizer } from './tokenizer.js';

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

interface MatchPosition {
  start: number;
  length: number;
  /** Index of the array element holding the match, for array values. */
  indices?: number[];
}

export interface FormattedHit {
  hit: Doc;
  formatted: Doc | null;
  matchesPosition: Record<string, MatchPosition[]> | null;
}

interface FieldPlan {
  highlight: boolean;
  /** Crop length in words, or null: not cropped. */
  crop: number | null;
}

/** Tokens of the text being formatted, with their offsets and positions; reused from one value to the next. */
interface Scratch extends TokenMatches {
  starts: number[];
  ends: number[];
  positions: number[];
}

export class HitFormatter {
  private readonly plans = new Map<string, FieldPlan>();
  private readonly matchLengths = new Map<string, number>();
  private readonly scratch: Scratch = { count: 0, terms: [], matchLengths: [], starts: [], ends: [], positions: [] };
  /** Phrases by their first term. */
  private readonly phrasesByFirst = new Map<string, string[][]>();
  /** The displayed attributes; null when all are (the document itself then serves). */
  private readonly pickDisplayed: ((doc: Doc) => Doc) | null;
  private readonly pickRetrieved: (doc: Doc) => Doc;
  private readonly pickFormatted: (doc: Doc) => Doc;
  private readonly wantsFormatted: boolean;

  /** `phrases`: term sequences highlighted only where they occur whole, at consecutive positions. */
  constructor(
    private readonly tokenizer: Tokenizer,
    private readonly matcher: TermMatcher,
    private readonly options: FormatOptions,
    phrases: readonly (readonly string[])[],
  ) {
    for (const phrase of phrases) {
      if (phrase.length === 0) continue;
      const list = this.phrasesByFirst.get(phrase[0]) ?? [];
      list.push([...phrase]);
      this.phrasesByFirst.set(phrase[0], list);
    }
    this.wantsFormatted = options.highlight.length > 0 || options.crop.size > 0;
    this.pickDisplayed = options.displayed.includes('*') ? null : attributePicker(options.displayed);
    this.pickRetrieved = attributePicker(options.retrieve);
    // _formatted holds the retrieved attributes plus those asked to be highlighted or cropped.
    this.pickFormatted = attributePicker([...options.retrieve, ...options.highlight, ...options.crop.keys()]);
  }

  format(doc: Doc): FormattedHit {
    const { options } = this;
    const displayed = this.pickDisplayed ? this.pickDisplayed(doc) : doc;
    const hit = this.pickRetrieved(displayed);
    if (!this.wantsFormatted && !options.showMatchesPosition) return { hit, formatted: null, matchesPosition: null };
    const source = this.pickFormatted(displayed);
    const positions: Record<string, MatchPosition[]> = {};
    const formatted: Doc = {};
    for (const key of Object.keys(source)) formatted[key] = this.formatValue(source[key], key, positions, []);
    return { hit, formatted: this.wantsFormatted ? formatted : null, matchesPosition: options.showMatchesPosition ? positions : null };
  }

  private planOf(field: string): FieldPlan {
    let plan = this.plans.get(field);
    if (!plan) {
      let crop: number | null = null;
      for (const [pattern, length] of this.options.crop) {
        if (matchesAttributePattern(pattern, field)) {
          crop = length;
          break;
        }
      }
      plan = { highlight: this.options.highlight.some((p) => matchesAttributePattern(p, field)), crop };
      this.plans.set(field, plan);
    }
    return plan;
  }

  private matchLength(term: string): number {
    let length = this.matchLengths.get(term);
    if (length === undefined) this.matchLengths.set(term, (length = this.matcher(term)));
    return length;
  }

  /** Formats one value of the field `field` (recursing through arrays and objects). */
  private formatValue(value: unknown, field: string, positions: Record<string, MatchPosition[]>, indices: number[]): unknown {
    if (Array.isArray(value)) return value.map((v, i) => this.formatValue(v, field, positions, [...indices, i]));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value as Doc).map(([k, v]) => [k, this.formatValue(v, `${field}.${k}`, positions, indices)]));
    }
    if (typeof value !== 'string' && typeof value !== 'number') return value;
    const text = String(value);
    const plan = this.planOf(field);
    // Neither highlighted, cropped nor located: the text as it is, without tokenizing it.
    if (!plan.highlight && plan.crop === null && !this.options.showMatchesPosition) return text;
    const tokens = this.tokenize(text);
    if (this.options.showMatchesPosition) {
      for (let i = 0; i < tokens.count; i++) {
        if (tokens.matchLengths[i] <= 0) continue;
        const position: MatchPosition = { start: tokens.starts[i], length: this.coveredLength(i) };
        if (indices.length > 0) position.indices = indices;
        (positions[field] ??= []).push(position);
      }
    }
    return this.render(text, plan);
  }

  private tokenize(text: string): Scratch {
    const s = this.scratch;
    s.count = 0;
    this.tokenizer.forEachToken(text, 0, (term, position, start, end) => {
      const i = s.count++;
      s.terms[i] = term;
      s.matchLengths[i] = this.matchLength(term);
      s.starts[i] = start;
      s.ends[i] = end;
      s.positions[i] = position;
    });
    if (this.phrasesByFirst.size > 0) this.markPhrases();
    return s;
  }

  /** Highlights every whole occurrence of a phrase: its terms at consecutive positions. */
  private markPhrases(): void {
    const s = this.scratch;
    for (let i = 0; i < s.count; i++) {
      for (const phrase of this.phrasesByFirst.get(s.terms[i]) ?? []) {
        if (i + phrase.length > s.count) continue;
        let whole = true;
        for (let j = 1; j < phrase.length && whole; j++) whole = s.terms[i + j] === phrase[j] && s.positions[i + j] === s.positions[i] + j;
        if (whole) for (let j = 0; j < phrase.length; j++) s.matchLengths[i + j] = Infinity;
      }
    }
  }

  /** Length of the original text covered by token i's match (prefix matches cover the typed part). */
  private coveredLength(i: number): number {
    const s = this.scratch;
    return Math.min(s.ends[i] - s.starts[i], s.matchLengths[i]);
  }

  /** The scratch tokens of `text` rendered: cropped, then highlighted. */
  private render(text: string, plan: FieldPlan): string {
    const { options } = this;
    const s = this.scratch;
    let first = 0;
    let end = s.count;
    let from = 0;
    let to = text.length;
    let out = '';
    let suffix = '';
    if (plan.crop !== null) {
      if (plan.crop === 0) return '';
      if (s.count === 0) return text;
      [first, end] = cropWindow(s, plan.crop);
      from = s.starts[first];
      to = s.ends[end - 1];
      if (first > 0) out = options.cropMarker;
      if (end < s.count) suffix = options.cropMarker;
    }
    let cursor = from;
    if (plan.highlight) {
      for (let i = first; i < end; i++) {
        if (s.matchLengths[i] <= 0) continue;
        const start = s.starts[i];
        const matchEnd = start + this.coveredLength(i);
        out += text.slice(cursor, start) + options.preTag + text.slice(start, matchEnd) + options.postTag;
        cursor = matchEnd;
      }
    }
    return out + text.slice(cursor, to) + suffix;
  }
}
