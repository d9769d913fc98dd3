/**
 * Proximity read from the terms' occurrences (positional postings) must equal proximity read from
 * each document's forward index in text order, as it was computed before, and its lower bound
 * must not exceed it: compared on generated
 * documents with repeated words, several attributes, arrays, nested fields sharing a rank (whose
 * forward index is irregular), typos, synonyms, phrases and prefixes, both proximity precisions.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildQuery, type QueryWord } from '../../../../src/embedded/search/core/query.js';
import { MAX_PAIR_COST, pairCostBound } from '../../../../src/embedded/search/core/pair-costs.js';
import { proximityOf } from '../../../../src/embedded/search/core/proximity.js';
import type { TermIndex } from '../../../../src/embedded/search/core/term-index.js';
import { ALL_RANKS, matchWord } from '../../../../src/embedded/search/core/word-matching.js';
import { seeded } from '../../../helpers/seeded-random.js';
import { indexWith } from './index-with.js';

const WORDS = ['podcast', 'humas', 'siaran', 'siarannya', 'mingguan', 'pelayanan', 'publik', 'hubungan', 'masyarakat', 'podcsat', 'siarn', 'desa', 'data'];

/**
 * The forward-index scan proximity used before the occurrences: the reference. With `fewestTypos`
 * (per word, the fewest typos it has in the document) only derivations with that many typos count.
 */
function forwardProximity(forward: Int32Array, words: QueryWord[], byAttribute: boolean, fewestTypos: number[] | null): number {
  const k = words.length;
  const masks = new Map<number, number>();
  words.forEach((word, bit) => {
    const ids = [...[...word.derivations.values()].filter((d) => !fewestTypos || d.typos === fewestTypos[bit]).map((d) => d.termId), ...(!fewestTypos || fewestTypos[bit] === 0 ? (word.prefixGroup?.ids ?? []) : [])];
    for (const id of ids) masks.set(id, (masks.get(id) ?? 0) | (1 << bit));
  });
  const last = new Array<number>(k).fill(-1);
  const pairCost = new Array<number>(k - 1).fill(MAX_PAIR_COST);
  for (let t = 0; t < forward.length; t += 2) {
    let bits = masks.get(forward[t]) ?? 0;
    const loc = forward[t + 1];
    const rank = loc >>> 16;
    while (bits !== 0) {
      const w = 31 - Math.clz32(bits & -bits);
      bits &= bits - 1;
      const before = w > 0 ? last[w - 1] : -1;
      if (before >= 0 && before >>> 16 === rank) pairCost[w - 1] = Math.min(pairCost[w - 1], byAttribute || loc - before < 1 ? 1 : Math.min(7, loc - before));
      const after = w < k - 1 ? last[w + 1] : -1;
      if (after >= 0 && after >>> 16 === rank) pairCost[w] = Math.min(pairCost[w], byAttribute ? 1 : Math.min(7, loc - after + 1));
      last[w] = loc;
    }
  }
  return pairCost.reduce((a, b) => a + b, 0);
}

function generated(random: () => number, count: number): Record<string, unknown>[] {
  const text = (length: number): string => Array.from({ length }, () => WORDS[Math.floor(random() * WORDS.length)] + (random() < 0.1 ? '.' : '')).join(' ');
  return Array.from({ length: count }, (_, i) => {
    const doc: Record<string, unknown> = { id: i, body: text(5 + Math.floor(random() * 40)), title: text(1 + Math.floor(random() * 4)) };
    if (random() < 0.5) doc.tags = [text(2), text(1), text(3)];
    // Two nested fields share the rank of `meta`: positions overlap, the forward index is irregular.
    if (random() < 0.3) doc.meta = { a: text(3), b: text(3) };
    if (random() < 0.3) doc.summary = text(6);
    return doc;
  });
}

const QUERIES = ['podcast humas', 'humas podcast siaran', 'siaran mingguan', 'pelayanan publik desa', 'podcast podcast humas', 'siarn minguan', '"pelayanan publik" humas', 'humas siar', 'data desa pelayanan publik humas', 'masyarakat hubungan'];

describe('proximity from occurrences', () => {
  for (const [byAttribute, restricted] of [[false, false], [true, false], [false, true], [true, true]]) {
    test(`equals the forward-index scan on every document (byAttribute ${byAttribute}, fewest typos only ${restricted})`, () => {
      const docs = generated(seeded(byAttribute ? 11 : 12), 400);
      const index = indexWith({ searchableAttributes: ['title', 'summary', 'meta', 'tags', 'body'], synonyms: { humas: ['hubungan masyarakat', 'hums'], podcast: ['siaran'] } }, docs);
      const terms: TermIndex = index.terms;
      let compared = 0;
      let raised = 0;
      for (const q of QUERIES) {
        const { words } = buildQuery(q, index.settings, terms);
        const list = index.live.toArray();
        const matches = restricted ? words.map((word) => matchWord(word, terms, ALL_RANKS, true)) : null;
        const proximity = proximityOf({ list, bits: index.live, active: words.map((_, i) => i) }, words, terms, byAttribute, matches);
        const fewestTypos = (slot: number): number[] | null => matches?.map(({ postings }) => postings.layout.typos(postings.matches[slot])) ?? null;
        // Descending for one precision: the occurrence cursors must also seek backwards.
        const order = Array.from(list.keys());
        if (byAttribute) order.reverse();
        for (const p of order) {
          const forward = terms.forward[list[p]] as Int32Array;
          // Asked to beat the floor first: a bound that stops early must still exceed it when the full bound does.
          const early = proximity.bound(p, proximity.floor);
          const bound = proximity.bound(p, Infinity);
          assert.ok(early <= bound && (bound > proximity.floor) === (early > proximity.floor), `${q} doc ${list[p]}: early ${early}, full ${bound}`);
          const value = proximity.value(p);
          assert.equal(value, words.length < 2 ? 0 : forwardProximity(forward, words, byAttribute, fewestTypos(list[p])), `${q} doc ${list[p]}`);
          // Irregular documents keep the bound of 1 per pair, which their (possibly negative) costs may undercut.
          if (terms.hasRegularForward(list[p])) {
            assert.ok(bound <= value, `${q} doc ${list[p]}: bound ${bound} > ${value}`);
            assert.equal(proximity.bound(p, Infinity), value, 'once known, the bound is the value');
          }
          if (bound > words.length - 1) raised++;
          compared++;
        }
      }
      assert.ok(compared > 3000);
      // The bound from positions modulo 64 is above 1 per pair for many documents (byAttribute: only kept costs).
      if (!byAttribute) assert.ok(raised > compared / 4, `raised ${raised} of ${compared}`);
      assert.ok(docs.some((_, slot) => !terms.hasRegularForward(slot)), 'some irregular documents');
    });
  }

  test('words that never share an attribute – floor and bounds of MAX_PAIR_COST for their pair, 1 for the others', () => {
    const index = indexWith({ searchableAttributes: ['title', 'stemmed'] }, [
      { id: 1, title: 'pelayanan publik', stemmed: 'layan publik' },
      { id: 2, title: 'publik pelayanan data', stemmed: 'publik layan data' },
    ]);
    const terms: TermIndex = index.terms;
    const { words } = buildQuery('publik layan pelayanan', index.settings, terms);
    const list = index.live.toArray();
    const proximity = proximityOf({ list, bits: index.live, active: [0, 1, 2] }, words, terms, false, null);
    assert.equal(proximity.floor, 1 + MAX_PAIR_COST);
    for (const p of list.keys()) {
      assert.ok(proximity.bound(p, Infinity) >= proximity.floor);
      assert.ok(proximity.bound(p, Infinity) <= proximity.value(p));
    }
    assert.deepEqual(Array.from(list.keys(), (p) => proximity.value(p)), [2 + MAX_PAIR_COST, 1 + MAX_PAIR_COST]);
  });

  test('a pair bound with a limit – the full bound, or the limit when the full bound reaches it', () => {
    const random = seeded(9);
    const bits = (): number => (1 << Math.floor(random() * 32)) | (random() < 0.5 ? 1 << Math.floor(random() * 32) : 0);
    for (let round = 0; round < 2000; round++) {
      const [aLo, aHi, bLo, bHi] = [bits(), bits(), bits(), bits()];
      const full = pairCostBound(aLo, aHi, bLo, bHi);
      for (let limit = 2; limit <= 8; limit++) assert.equal(pairCostBound(aLo, aHi, bLo, bHi, limit), Math.min(full, limit));
    }
  });
});
