/**
 * From the query string to query words and their derivations over the term dictionary:
 * the word itself, terms it prefixes (last word only), terms within the allowed typos, synonyms
 * (one- and multi-word, keys of one to three query words), the concatenation of neighbouring
 * words and the word split in two (split-words.ts). Quoted parts are phrases; "-word" and
 * "-\"phrase\"" exclude. Stop words are dropped unless nothing else is left.
 */
import type { Settings } from './settings.js';
import type { TermIndex } from './term-index.js';
import { normalizeText } from './tokenizer.js';
import { bestSplit } from './split-words.js';
import { SPLIT_TYPOS } from './word-matching.js';

export const MAX_QUERY_WORDS = 10;
/** A prefix matching at least this many terms is read through the index's merged prefix postings. */
export const PREFIX_GROUP_MIN_TERMS = 32;

export interface Derivation {
  termId: number;
  typos: number;
  /** The word itself (no typo, no prefix extension, no synonym). */
  exact: boolean;
  /** Derived through a typo: never read from typo-disabled attributes. */
  typo: boolean;
}

export interface QueryWord {
  text: string;
  derivations: Map<number, Derivation>;
  /** Term sequences that must appear consecutively (quoted phrases, multi-word synonyms). */
  phrases: number[][];
  /** The word read as two adjacent terms (split-words.ts), worth SPLIT_TYPOS typos. */
  split: [number, number] | null;
  prefix: boolean;
  /** The most typos a match of this word costs: those the settings allow, and at least a split's. */
  maxTypos: number;
  /** Prefix string for highlighting the matched start of longer terms. */
  highlightPrefix: string | null;
  /** A broad prefix: its many terms are matched as one group instead of one derivation each. */
  prefixGroup: { prefix: string; ids: Int32Array } | null;
}

interface RawWord {
  text: string;
  phrase: string[] | null;
}

/** A "-" directly before a word or quote, at the start or after a space: Meilisearch's negation. */
function negated(text: string, at: number): boolean {
  return text[at - 1] === '-' && (at === 1 || /\s/.test(text[at - 2]));
}

function splitQuery(q: string, stopWords: ReadonlySet<string>, index: TermIndex): { words: RawWord[]; excluded: string[][]; endsInWord: boolean } {
  const words: RawWord[] = [];
  const excluded: string[][] = [];
  const parts = q.split('"');
  let offset = 0;
  parts.forEach((part, i) => {
    const quoted = i % 2 === 1 && i < parts.length - 1;
    if (quoted) {
      const terms = index.tokenizer.terms(part);
      // A phrase of stop words only is no phrase in Meilisearch (its PhraseBuilder builds none).
      const allStopWords = terms.every((term) => stopWords.has(term));
      if (terms.length > 0 && negated(q, offset - 1)) excluded.push(terms);
      else if (terms.length > 0 && !allStopWords) words.push({ text: terms.join(' '), phrase: terms });
    } else {
      for (const token of index.tokenizer.tokens(part)) {
        if (negated(part, token.start)) excluded.push([token.term]);
        else words.push({ text: token.term, phrase: null });
      }
    }
    offset += part.length + 1;
  });
  const kept = words.filter((w) => w.phrase !== null || !stopWords.has(w.text));
  const endsInWord = /[\p{L}\p{N}\p{M}]$/u.test(q) && words.length > 0 && words[words.length - 1].phrase === null;
  return { words: (kept.length > 0 ? kept : words).slice(0, MAX_QUERY_WORDS), excluded, endsInWord };
}

/** typoTolerance.disableOnWords normalised, once per settings (the list is read for every query word). */
const wordsWithoutTypos = new WeakMap<readonly string[], ReadonlySet<string>>();

function typosDisabledOn(words: readonly string[]): ReadonlySet<string> {
  let set = wordsWithoutTypos.get(words);
  if (!set) wordsWithoutTypos.set(words, (set = new Set(words.map(normalizeText))));
  return set;
}

function maxTyposFor(word: string, settings: Settings): number {
  const typo = settings.typoTolerance;
  if (!typo.enabled || (typo.disableOnNumbers && /^\d+$/.test(word))) return 0;
  if (typosDisabledOn(typo.disableOnWords).has(word)) return 0;
  const length = [...word].length;
  if (length >= typo.minWordSizeForTypos.twoTypos) return 2;
  return length >= typo.minWordSizeForTypos.oneTypo ? 1 : 0;
}

function addDerivation(word: QueryWord, d: Derivation): void {
  const known = word.derivations.get(d.termId);
  if (!known || d.typos < known.typos || (d.typos === known.typos && d.exact && !known.exact)) word.derivations.set(d.termId, d);
}

/** Resolves a normalised multi-term text to term ids; null when some term is unknown. */
function termIdsOf(index: TermIndex, text: string): number[] | null {
  const ids: number[] = [];
  for (const term of index.tokenizer.terms(text)) {
    const id = index.termId(term);
    if (id === undefined) return null;
    ids.push(id);
  }
  return ids;
}

/**
 * The synonyms by their keys as a query's words read them, per synonym setting and tokenizer (both
 * replaced, never changed, when settings change): built once, not on every search — an index with
 * hundreds of synonyms spent about 3 % of a search tokenizing their keys again.
 */
const synonymKeys = new WeakMap<Settings['synonyms'], { tokenizer: TermIndex['tokenizer']; byKey: Map<string, string[]> }>();

function normalizedSynonyms(settings: Settings, index: TermIndex): Map<string, string[]> {
  const cached = synonymKeys.get(settings.synonyms);
  if (cached && cached.tokenizer === index.tokenizer) return cached.byKey;
  const byKey = new Map<string, string[]>();
  for (const [key, values] of Object.entries(settings.synonyms)) {
    const normalized = index.tokenizer.terms(key).join(' ');
    byKey.set(normalized, [...(byKey.get(normalized) ?? []), ...values]);
  }
  synonymKeys.set(settings.synonyms, { tokenizer: index.tokenizer, byKey });
  return byKey;
}

/** A synonym (or concatenation) found for words[from..to] becomes a derivation of each of them. */
function addAlternative(words: QueryWord[], from: number, to: number, index: TermIndex, text: string): void {
  const ids = termIdsOf(index, text);
  if (!ids || ids.length === 0) return;
  for (let i = from; i <= to; i++) {
    if (ids.length === 1) addDerivation(words[i], { termId: ids[0], typos: 0, exact: false, typo: false });
    else words[i].phrases.push(ids);
  }
}

export interface Query {
  words: QueryWord[];
  /** Words and phrases prefixed with "-": documents containing them (as typed) are left out. */
  excluded: QueryWord[];
}

export function buildQuery(q: string, settings: Settings, index: TermIndex): Query {
  const stopWords = new Set(settings.stopWords.map(normalizeText));
  const { words: raw, excluded, endsInWord } = splitQuery(q, stopWords, index);
  // Meilisearch indexes no stop word: a query word never reaches one as a prefix or through a typo.
  const notStopWord = (id: number): boolean => !stopWords.has(index.terms[id]);
  const prefixAllowed = settings.prefixSearch !== 'disabled';
  const words: QueryWord[] = raw.map((w, i) => {
    const isLast = i === raw.length - 1;
    const prefix = w.phrase === null && isLast && endsInWord && prefixAllowed;
    const maxTypos = w.phrase ? 0 : maxTyposFor(w.text, settings);
    const word: QueryWord = {
      text: w.text,
      derivations: new Map(),
      phrases: [],
      split: null,
      prefix,
      maxTypos,
      highlightPrefix: prefix ? w.text : null,
      prefixGroup: null,
    };
    if (w.phrase) {
      const ids = termIdsOf(index, w.text);
      if (ids) word.phrases.push(ids);
      return word;
    }
    const exactId = index.termId(w.text);
    if (exactId !== undefined) addDerivation(word, { termId: exactId, typos: 0, exact: true, typo: false });
    if (prefix) {
      const ids = index.prefixTermIds(w.text);
      if (ids.length >= PREFIX_GROUP_MIN_TERMS) word.prefixGroup = { prefix: w.text, ids };
      else for (const id of ids.filter(notStopWord)) addDerivation(word, { termId: id, typos: 0, exact: false, typo: false });
    }
    for (const { id, typos } of index.typoTermIds(w.text, maxTypos, prefix)) {
      if (notStopWord(id)) addDerivation(word, { termId: id, typos, exact: false, typo: true });
    }
    // As in Meilisearch, a word too short for typos may still match split, and its typo bound counts it.
    word.split = settings.typoTolerance.enabled ? bestSplit(w.text, index, notStopWord) : null;
    if (word.split) word.maxTypos = Math.max(maxTypos, SPLIT_TYPOS);
    return word;
  });
  const synonyms = normalizedSynonyms(settings, index);
  for (let from = 0; from < words.length; from++) {
    if (raw[from].phrase) continue;
    for (let to = from; to < Math.min(words.length, from + 3); to++) {
      if (raw[to].phrase) break;
      const key = raw.slice(from, to + 1).map((w) => w.text).join(' ');
      for (const alternative of synonyms.get(key) ?? []) addAlternative(words, from, to, index, alternative);
      // "smart phone" also finds "smartphone", as Meilisearch's n-grams do.
      if (to > from) addAlternative(words, from, to, index, key.replace(/ /g, ''));
    }
  }
  return { words, excluded: excluded.map((terms) => exactWord(terms, index)) };
}

/** A query word matching only the given terms, in sequence and as typed. */
function exactWord(terms: string[], index: TermIndex): QueryWord {
  const text = terms.join(' ');
  const word: QueryWord = { text, derivations: new Map(), phrases: [], split: null, prefix: false, maxTypos: 0, highlightPrefix: null, prefixGroup: null };
  const ids = termIdsOf(index, text);
  if (ids && ids.length === 1) addDerivation(word, { termId: ids[0], typos: 0, exact: true, typo: false });
  else if (ids) word.phrases.push(ids);
  return word;
}
