/**
 * "Did you mean": when the engine matched a query word only through its typo tolerance, the word
 * it matched in the best hits replaces it. Built from what the engine highlighted, so it follows
 * the engine's own typo rules.
 */
import { TYPO_WORD_SIZES } from './knowledge-index.js';
import { stemWord, words } from './stemmer.js';
import { markedWords } from './snippet.js';

/** The typos the engine allows in a word of this length: a shorter word is never a typo of another. */
export function typosAllowed(word: string): number {
  if (word.length >= TYPO_WORD_SIZES.twoTypos) return 2;
  return word.length >= TYPO_WORD_SIZES.oneTypo ? 1 : 0;
}

/** Damerau–Levenshtein distance (adjacent swaps count once), enough for words of a query. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** "satu data" when `word` is "satudata" and both "satu" and "data" were matched. */
function splitInto(word: string, matched: string[]): string | undefined {
  const left = matched.find((m) => word.startsWith(m) && m.length < word.length && matched.includes(word.slice(m.length)));
  return left === undefined ? undefined : `${left} ${word.slice(left.length)}`;
}

/**
 * `formatted`: the highlighted fields of the best hits. `kept`: words never corrected, being matched
 * where nothing is highlighted; `oneTypoOnly`: words corrected only to a look-alike one letter away.
 * Undefined when no word needs correcting.
 */
export function suggestQuery(q: string, formatted: string[], kept: (word: string) => boolean = () => false, oneTypoOnly: (word: string) => boolean = () => false): string | undefined {
  const marks = formatted.flatMap((text) => markedWords(text).flatMap(words));
  if (marks.length === 0) return undefined;
  const matched = [...new Set(marks)];
  // Of two look-alikes as near, the one the best hits hold more often: "pengelolan" reads as pengelolaan, not pengelola.
  const times = new Map<string, number>();
  for (const mark of marks) times.set(mark, (times.get(mark) ?? 0) + 1);
  let changed = false;
  const corrected = words(q).map((word) => {
    // Matched as written, as a prefix, or through its root (antrean, marked as antre): no typo.
    if (kept(word) || matched.some((m) => m === word || m.startsWith(word) || stemWord(m) === stemWord(word))) return word;
    // The engine reads a word as two written together (satudata → satu data): those two, apart.
    const split = splitInto(word, matched);
    if (split) {
      changed = true;
      return split;
    }
    const allowed = oneTypoOnly(word) ? Math.min(1, typosAllowed(word)) : typosAllowed(word);
    let best: { word: string; distance: number } | null = null;
    for (const candidate of matched) {
      const distance = editDistance(word, candidate);
      const nearer = !best || distance < best.distance || (distance === best.distance && (times.get(candidate) ?? 0) > (times.get(best.word) ?? 0));
      if (distance > 0 && distance <= allowed && nearer) best = { word: candidate, distance };
    }
    if (!best) return word;
    changed = true;
    return best.word;
  });
  return changed ? corrected.join(' ') : undefined;
}
