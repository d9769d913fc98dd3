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

export interface WordMatch {
  slots: Bitset;
  /** Best location of a phrase match per slot (phrases have no postings of their own). */
  phraseLocations: Map<number, number>;
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

export function matchWord(word: QueryWord, terms: TermIndex, universe: Bitset, allowedRanks: number): WordMatch {
  const slots = new Bitset(universe.size);
  for (const source of wordSources(word, terms)) for (const list of source.lists) addPostings(slots, list, allowedRanks);
  slots.and(universe);
  const phraseLocations = new Map<number, number>();
  for (const ids of word.phrases) {
    const candidates = ids.reduce((acc, id) => acc.and(termSlots(terms, id, universe.size, allowedRanks)), universe.clone());
    for (const slot of candidates.toArray()) {
      const forward = terms.forward[slot];
      const loc = forward ? phraseLocation(forward, ids, allowedRanks) : -1;
      if (loc === -1) continue;
      slots.add(slot);
      const known = phraseLocations.get(slot);
      if (known === undefined || loc < known) phraseLocations.set(slot, loc);
    }
  }
  return { slots, phraseLocations };
}
