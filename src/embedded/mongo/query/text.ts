/**
 * `$text` search: case- and diacritic-insensitive terms with light English stemming, "phrases" and
 * -negations, over the text-indexed fields (all string fields when the caller does not say which).
 * Scores are remembered per document object for `{$meta: 'textScore'}` in projections and sorts.
 */
import { Double } from 'bson';
import { commandError } from '../errors.js';
import { getPath } from './paths.js';
import { isPlainObject, type Document } from './types.js';

const STOP_WORDS = new Set('a an and are as at be but by for from has have in into is it its of on or that the this to was were will with'.split(' '));
const scores = new WeakMap<object, number>();

/** The text score a `$text` filter gave this document object, if any. */
export function textScoreOf(doc: unknown): number | undefined {
  return doc !== null && typeof doc === 'object' ? scores.get(doc) : undefined;
}

/** Keeps the score attached when a stage copies a document. */
export function carryTextScore(from: unknown, to: object): void {
  const s = textScoreOf(from);
  if (s !== undefined) scores.set(to, s);
}

export function textScoreValue(doc: unknown): Double | undefined {
  const s = textScoreOf(doc);
  return s === undefined ? undefined : new Double(s);
}

function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.length > 4 && word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

interface Normalizer {
  (s: string): string;
}

function normalizer(caseSensitive: boolean, diacriticSensitive: boolean): Normalizer {
  return (s) => {
    let out = caseSensitive ? s : s.toLowerCase();
    if (!diacriticSensitive) out = out.normalize('NFD').replace(/\p{M}/gu, '');
    return out;
  };
}

function tokens(s: string, norm: Normalizer): string[] {
  return (norm(s).match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !STOP_WORDS.has(w.toLowerCase())).map(stem);
}

function stringsIn(v: unknown, out: string[]): void {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) stringsIn(x, out);
  else if (isPlainObject(v)) for (const [k, x] of Object.entries(v)) if (k !== '_id') stringsIn(x, out);
}

interface ParsedSearch {
  terms: string[];
  phrases: string[];
  negated: string[];
}

function parseSearch(search: string, norm: Normalizer): ParsedSearch {
  const phrases: string[] = [];
  const rest = search.replace(/"([^"]*)"/g, (_, p: string) => {
    if (p.trim()) phrases.push(norm(p));
    return ' ';
  });
  const terms: string[] = [];
  const negated: string[] = [];
  for (const raw of rest.split(/\s+/).filter(Boolean)) {
    const list = raw.startsWith('-') ? negated : terms;
    list.push(...tokens(raw.replace(/^-/, ''), norm));
  }
  return { terms, phrases, negated };
}

export function compileText(arg: unknown, fields?: string[]): (doc: unknown) => boolean {
  if (!isPlainObject(arg) || typeof arg.$search !== 'string') throw commandError('BadValue', '$text requires a $search string');
  const norm = normalizer(arg.$caseSensitive === true, arg.$diacriticSensitive === true);
  const { terms, phrases, negated } = parseSearch(arg.$search, norm);
  const wanted = new Set(terms);
  return (doc) => {
    const texts: string[] = [];
    if (fields && !fields.includes('$**')) for (const f of fields) for (const v of getPath(doc, f)) stringsIn(v, texts);
    else stringsIn(doc as Document, texts);
    let score = 0;
    let hit = false;
    for (const text of texts) {
      const toks = tokens(text, norm);
      if (toks.some((t) => negated.includes(t))) return false;
      let matched = 0;
      for (const t of toks) if (wanted.has(t)) matched++;
      if (matched > 0) {
        hit = true;
        score += matched * (0.5 + 0.5 / toks.length) + 0.5 * new Set(toks.filter((t) => wanted.has(t))).size;
      }
    }
    const joined = texts.map(norm).join('\n');
    if (phrases.some((p) => !joined.includes(p))) return false;
    if (!hit && !(phrases.length > 0 && terms.length === 0)) return false;
    scores.set(doc as object, score + phrases.length);
    return true;
  };
}
