/**
 * Which documents each query word matches, and how (fewest typos, best location, whether as
 * typed), built from the postings of its derivations; phrases are checked for consecutive
 * positions in the forward index. `allowedRanks` (a rank-bit mask) restricts matches to the
 * attributes of attributesToSearchOn. Both are per slot over the whole index and kept until the
 * next write: a query word usually comes back (next page, other facets, other sort, one more word).
 */
import { Bitset } from './bitset.js';
import type { Derivation, QueryWord } from './query.js';
import { locationRank, POSTING_STRIDE, rankBit, type TermIndex } from './term-index.js';
import { MatchLayout, type MatchArray } from './match-layout.js';
import type { IntList } from './int-list.js';
import { PhraseOccurrences } from './phrase-occurrences.js';

export const ALL_RANKS = -1;
/** A word matched as two words (QueryWord.split) costs this many typos, as in Meilisearch. */
export const SPLIT_TYPOS = 1;

/** Where one phrase occurs: the documents, and per slot its best location (-1: absent). */
export interface PhraseHits {
  slots: Bitset;
  locations: Int32Array;
}

/** How one query word matches each slot of the index. */
export interface WordPostings {
  slots: Bitset;
  /** Per slot the match packed by `layout` (layout.noMatch where the word is absent). */
  matches: MatchArray;
  layout: MatchLayout;
  /** No match of the word has a lower attribute rank (a root matched only in `stemmed` has that field's everywhere). */
  lowestRank: number;
}

export interface WordMatch {
  /** The matching documents of the whole index, shared with the cache: read, never changed. */
  slots: Bitset;
  /** Per slot over the whole index (not limited to the universe). */
  postings: WordPostings;
}

/** The postings a derivation may read: typo derivations skip typo-disabled attributes. */
export function derivationPostings(terms: TermIndex, d: Derivation): IntList[] {
  const lists = [terms.postings[d.termId]];
  const strict = terms.strictPostings[d.termId];
  if (strict && !d.typo) lists.push(strict);
  return lists;
}

/** Postings read for a word, with what a match through them is worth. */
export interface PostingSource {
  lists: IntList[];
  typos: number;
  exact: boolean;
}

/** Every source of matches of a word: its derivations, and its prefix group as one merged list. */
export function wordSources(word: QueryWord, terms: TermIndex): PostingSource[] {
  const sources: PostingSource[] = [];
  for (const d of word.derivations.values()) sources.push({ lists: derivationPostings(terms, d), typos: d.typos, exact: d.exact });
  if (word.prefixGroup) sources.push({ lists: [terms.prefixPostings(word.prefixGroup.prefix, word.prefixGroup.ids)], typos: 0, exact: false });
  return sources;
}

function termSlots(terms: TermIndex, termId: number, size: number, allowedRanks: number): Bitset {
  const out = new Bitset(size);
  for (const list of derivationPostings(terms, { termId, typos: 0, exact: true, typo: false })) addPostings(out, list, allowedRanks);
  return out;
}

function addPostings(out: Bitset, list: IntList, allowedRanks: number): void {
  const { data, length } = list;
  if (allowedRanks === ALL_RANKS) {
    out.addList(data, length, POSTING_STRIDE);
    return;
  }
  for (let i = 0; i < length; i += POSTING_STRIDE) if ((data[i + 2] & allowedRanks) !== 0) out.add(data[i]);
}

/** The location where `ids` start consecutively in the document, or -1. */
function phraseLocation(forward: Int32Array, ids: number[], allowedRanks: number): number {
  for (let k = 0; k + 2 * (ids.length - 1) < forward.length; k += 2) {
    if (forward[k] !== ids[0]) continue;
    const loc = forward[k + 1];
    if (allowedRanks !== ALL_RANKS && (rankBit(locationRank(loc)) & allowedRanks) === 0) continue;
    let ok = true;
    for (let j = 1; j < ids.length && ok; j++) ok = forward[k + 2 * j] === ids[j] && forward[k + 2 * j + 1] === loc + j;
    if (ok) return loc;
  }
  return -1;
}

/** Calls `found` for each document holding `ids` consecutively, with the location where they start. */
function forEachPhrase(terms: TermIndex, ids: number[], allowedRanks: number, found: (slot: number, loc: number) => void): void {
  const size = terms.forward.length;
  const candidates = ids.slice(1).reduce((acc, id) => acc.and(termSlots(terms, id, size, allowedRanks)), termSlots(terms, ids[0], size, allowedRanks));
  const occurrences = new PhraseOccurrences(terms, ids, allowedRanks);
  for (const slot of candidates.toArray()) {
    const forward = terms.forward[slot];
    const loc = !forward ? -1 : terms.hasAscendingForward(slot) ? occurrences.location(slot) : phraseLocation(forward, ids, allowedRanks);
    if (loc !== -1) found(slot, loc);
  }
}

/**
 * The documents holding `ids` consecutively, over the whole index: a phrase (often a synonym such
 * as "dinas komunikasi dan informatika") is checked in every document that has all its words —
 * in its terms' occurrences, or in its forward index when that is not in location order — so the
 * result is kept until the next write rather than redone per search.
 */
export function phraseHits(terms: TermIndex, ids: number[], allowedRanks: number): PhraseHits {
  return terms.cached(`phrase:${allowedRanks}:${ids.join(',')}`, () => {
    const size = terms.forward.length;
    const slots = new Bitset(size);
    const locations = new Int32Array(size).fill(-1);
    forEachPhrase(terms, ids, allowedRanks, (slot, loc) => {
      slots.add(slot);
      locations[slot] = loc;
    });
    return { slots, locations };
  });
}

/**
 * How many documents hold `left` directly followed by `right` (Meilisearch's count of the word
 * pair at proximity 1), kept until the next write: only a number, where phraseHits keeps arrays
 * the size of the index.
 */
export function adjacentCount(terms: TermIndex, left: number, right: number): number {
  return terms.cached(`pair:${left},${right}`, () => {
    let count = 0;
    forEachPhrase(terms, [left, right], ALL_RANKS, () => count++);
    // A typed array, so that the cache's byte budget counts it.
    return Int32Array.of(count);
  })[0];
}

function derivationKey(d: Derivation): string {
  return `${d.termId}:${d.typos}:${d.exact ? 1 : 0}:${d.typo ? 1 : 0}`;
}

/** Everything a word's matches depend on until the next write: its derivations, prefix group and phrases. */
function wordKey(word: QueryWord, allowedRanks: number, fewestTypos: boolean): string {
  const derivations = [...word.derivations.values()].map(derivationKey).sort().join(',');
  const phrases = word.phrases.map((ids) => ids.join(' ')).join('|');
  return `word:${allowedRanks}:${fewestTypos ? 'f' : ''}:${derivations}~${word.prefixGroup?.prefix ?? ''}~${phrases}~${word.split?.join(' ') ?? ''}`;
}

/**
 * Packs each posting as it is read: no per-slot pass over the whole index, no arrays besides the result.
 * With `fewestTypos` a slot's location is the best among its derivations with the fewest typos.
 */
function buildWordPostings(word: QueryWord, terms: TermIndex, allowedRanks: number, fewestTypos: boolean): WordPostings {
  const size = terms.forward.length;
  const layout = MatchLayout.forRanks(terms.searchableFieldCount());
  const combine = (a: number, b: number): number => (fewestTypos ? layout.combineFewestTypos(a, b) : layout.combine(a, b));
  const matches = layout.emptyArray(size);
  const slots = new Bitset(size);
  const anyRank = allowedRanks === ALL_RANKS;
  let lowestRank = Infinity;
  for (const source of wordSources(word, terms)) {
    // Read once per source, not once per posting: this loop runs over every posting of the word.
    const sourceTypos = source.typos;
    const sourceExact = source.exact ? 1 : 0;
    for (const { data, length } of source.lists) {
      for (let i = 0; i < length; i += POSTING_STRIDE) {
        if (!anyRank && (data[i + 2] & allowedRanks) === 0) continue;
        const slot = data[i];
        const loc = data[i + 1];
        matches[slot] = combine(matches[slot], layout.pack(sourceTypos, sourceExact, loc));
        slots.add(slot);
        const rank = locationRank(loc);
        if (rank < lowestRank) lowestRank = rank;
      }
    }
  }
  // Phrases (quoted, multi-word synonyms) match as typed; the word read split costs a typo.
  const phrases = word.phrases.map((ids) => ({ ids, typos: 0, typed: 1 }));
  if (word.split) phrases.push({ ids: word.split, typos: SPLIT_TYPOS, typed: 0 });
  for (const { ids, typos, typed } of phrases) {
    const phrase = phraseHits(terms, ids, allowedRanks);
    for (const slot of phrase.slots.toArray()) {
      matches[slot] = combine(matches[slot], layout.pack(typos, typed, phrase.locations[slot]));
      lowestRank = Math.min(lowestRank, locationRank(phrase.locations[slot]));
    }
    slots.or(phrase.slots);
  }
  return { slots, matches, layout, lowestRank: Number.isFinite(lowestRank) ? lowestRank : 0 };
}

/** `fewestTypos`: the typo rule ranks before the attribute rules (see MatchLayout.combineFewestTypos). */
export function matchWord(word: QueryWord, terms: TermIndex, allowedRanks: number, fewestTypos: boolean): WordMatch {
  const postings = terms.cached(wordKey(word, allowedRanks, fewestTypos), () => buildWordPostings(word, terms, allowedRanks, fewestTypos));
  return { slots: postings.slots, postings };
}
