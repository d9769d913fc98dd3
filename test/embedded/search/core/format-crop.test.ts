import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cropWindow, type TokenMatches } from '../../../../src/embedded/search/core/format-crop.js';

/** The definition, window by window: most distinct matched terms, first such window, then centred. */
function reference(tokens: TokenMatches, length: number): [number, number] {
  const n = tokens.count;
  if (n <= length) return [0, n];
  let best = -1;
  let bestStart = 0;
  for (let start = 0; start + length <= n; start++) {
    const distinct = new Set<string>();
    for (let i = start; i < start + length; i++) if (tokens.matchLengths[i] > 0) distinct.add(tokens.terms[i]);
    if (distinct.size > best) [best, bestStart] = [distinct.size, start];
  }
  if (best <= 0) return [0, length];
  const matched = [];
  for (let i = bestStart; i < bestStart + length; i++) if (tokens.matchLengths[i] > 0) matched.push(i);
  const slack = length - (matched[matched.length - 1] - matched[0] + 1);
  const start = Math.max(0, Math.min(matched[0] - Math.ceil(slack / 2), n - length));
  return [start, start + length];
}

function tokensOf(words: string[], matched: Set<string>): TokenMatches {
  return { count: words.length, terms: words, matchLengths: words.map((w) => (matched.has(w) ? Infinity : 0)) };
}

describe('crop window', () => {
  test('centres the window on the matches it holds', () => {
    const words = 'a b c d e f g h i j k l'.split(' ');
    assert.deepEqual(cropWindow(tokensOf(words, new Set(['f'])), 3), [4, 7]);
    assert.deepEqual(cropWindow(tokensOf(words, new Set(['a'])), 3), [0, 3]);
    assert.deepEqual(cropWindow(tokensOf(words, new Set(['l'])), 3), [9, 12]);
  });

  test('prefers more distinct terms over repeats of one, and the first window on ties', () => {
    const words = 'x x x q r q q q q y z'.split(' ');
    assert.deepEqual(cropWindow(tokensOf(words, new Set(['q', 'y', 'z'])), 3), [8, 11]);
    assert.deepEqual(cropWindow(tokensOf('q a a a q'.split(' '), new Set(['q'])), 2), [0, 2]);
  });

  test('no match: the start; short texts whole', () => {
    assert.deepEqual(cropWindow(tokensOf('a b c d'.split(' '), new Set()), 2), [0, 2]);
    assert.deepEqual(cropWindow(tokensOf('a b'.split(' '), new Set(['a'])), 5), [0, 2]);
  });

  test('agrees with the window-by-window definition on random texts', () => {
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    for (let round = 0; round < 500; round++) {
      const words = Array.from({ length: 1 + random(40) }, () => `w${random(8)}`);
      const matched = new Set(Array.from({ length: random(4) }, () => `w${random(8)}`));
      const length = 1 + random(12);
      const tokens = tokensOf(words, matched);
      assert.deepEqual(cropWindow(tokens, length), reference(tokens, length), `${words.join(' ')} / ${[...matched].join(',')} / ${length}`);
    }
  });
});
