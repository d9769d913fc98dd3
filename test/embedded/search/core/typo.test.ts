import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { commonPrefixLengths, typoCandidates } from '../../../../src/embedded/search/core/typo.js';

/** Optimal string alignment distance (Damerau-Levenshtein without repeated edits), the plain way. */
function osa(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The rules typoCandidates implements, by brute force over the whole dictionary. */
function expected(sorted: string[], word: string, maxTypos: number, prefix: boolean): string[] {
  const out: string[] = [];
  for (const term of sorted) {
    const distance = prefix ? Math.min(...Array.from({ length: term.length + 1 }, (_, n) => osa(word, term.slice(0, n)))) : osa(word, term);
    if (distance === 0) continue;
    const sameFirst = term[0] === word[0];
    if ((sameFirst && distance <= maxTypos) || (!sameFirst && maxTypos === 2 && distance <= 1)) out.push(term);
  }
  return out.sort();
}

describe('typo candidates', () => {
  let seed = 42;
  const random = (): number => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  const letters = 'aabdeiklmnoprstu';
  const words = new Set<string>(['publikasi', 'publikasih', 'pubilkasi', 'ublikasi', 'xublikasi', 'podcast', 'podcasts', 'dinas', 'dinsa']);
  while (words.size < 3000) words.add(Array.from({ length: 2 + Math.floor(random() * 8) }, () => letters[Math.floor(random() * letters.length)]).join(''));
  const sorted = [...words].sort();
  const dict = { sorted, lcp: commonPrefixLengths(sorted) };
  const queries: [string, number][] = [['publikasi', 2], ['publkasi', 1], ['dinas', 1], ['podcst', 1], ['mirta', 1], ['sambelor', 1], ['lemparkan', 2], ['tu', 1]];
  for (const [word, maxTypos] of queries) {
    for (const prefix of [false, true]) {
      test(`typoCandidates – ${word}, ${maxTypos} typo(s), ${prefix ? 'prefix' : 'whole word'} – same terms as brute force`, () => {
        const found = typoCandidates(dict, word, maxTypos, prefix).map((m) => sorted[m.index]).sort();
        assert.deepEqual(found, expected(sorted, word, maxTypos, prefix));
      });
    }
  }

  test('typoCandidates – first letter changed with two typos allowed – counted as two typos', () => {
    const matches = typoCandidates(dict, 'publikasi', 2, false).map((m) => [sorted[m.index], m.typos]);
    assert.deepEqual(matches.find(([term]) => term === 'xublikasi'), ['xublikasi', 2]);
    assert.deepEqual(matches.find(([term]) => term === 'pubilkasi'), ['pubilkasi', 1]);
    assert.deepEqual(matches.find(([term]) => term === 'publikasih'), ['publikasih', 1]);
  });
});
