/**
 * Which documents each query word matches, as bitsets built from the postings of its
 * derivations; phrases are checked for consecutive positions in the forward index.
 * `allowedRanks` (a rank-bit mask) restricts matches to the attributes of attributesToSearchOn.
 */
import { Bitset } from './bitset.js';
import type { Derivation, QueryWord } from './query.js';
import { locationRank, POSTING_STRIDE, rankBit, type TermIndex } from './term-index.js';
import type { IntList } from './int-list.js';

export const ALL_RANKS = -1;

/** Where one phrase occurs: the documents, and per slot its best location (-1: absent). */
export interface PhraseHits {
  slots: Bitset;
  locations: Int32Array;
}

export interface WordMatch {
  slots: Bitset;
  /** One entry per phrase of the word (phrases have no postings of their own); not limited to the universe. */
  phraseLocations: PhraseHits[];
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

/**
 * The documents holding `ids` consecutively, over the whole index: a phrase (often a synonym such
 * as "dinas komunikasi dan informatika") is checked in the forward index of every document that
 * has all its words, so the result is kept until the next write rather than redone per search.
 */
function phraseHits(terms: TermIndex, ids: number[], allowedRanks: number): PhraseHits {
  return terms.cachedPhrase(`${allowedRanks}:${ids.join(',')}`, () => {
    const size = terms.forward.length;
    const candidates = ids.slice(1).reduce((acc, id) => acc.and(termSlots(terms, id, size, allowedRanks)), termSlots(terms, ids[0], size, allowedRanks));
    const slots = new Bitset(size);
    const locations = new Int32Array(size).fill(-1);
    for (const slot of candidates.toArray()) {
      const forward = terms.forward[slot];
      const loc = forward ? phraseLocation(forward, ids, allowedRanks) : -1;
      if (loc === -1) continue;
      slots.add(slot);
      locations[slot] = loc;
    }
    return { slots, locations };
  });
}

export function matchWord(word: QueryWord, terms: TermIndex, universe: Bitset, allowedRanks: number): WordMatch {
  const slots = new Bitset(universe.size);
  for (const source of wordSources(word, terms)) for (const list of source.lists) addPostings(slots, list, allowedRanks);
  const phraseLocations = word.phrases.map((ids) => phraseHits(terms, ids, allowedRanks));
  for (const phrase of phraseLocations) slots.or(phrase.slots);
  slots.and(universe);
  return { slots, phraseLocations };
}
