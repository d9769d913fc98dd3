/**
 * Typo candidates over a sorted term dictionary: a bounded Damerau-Levenshtein (optimal string
 * alignment) walked like a trie — rows of shared prefixes are reused between neighbouring terms
 * and a whole prefix range is skipped once every cell of its row exceeds the bound.
 * Each row only fills the band of cells within the bound around the diagonal. Meilisearch's
 * rules: with one typo the first letter must match; a typo on the first letter counts as two;
 * in prefix mode (the last query word) the word may match any prefix of a term.
 */

export interface TypoMatch {
  index: number;
  typos: number;
}

/** First index in `sorted` whose term is >= `key`. */
export function lowerBound(sorted: readonly string[], key: string, from = 0): number {
  let lo = from;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index range [start, end) of terms starting with `prefix`. */
export function prefixRange(sorted: readonly string[], prefix: string): [number, number] {
  const start = lowerBound(sorted, prefix);
  return [start, lowerBound(sorted, `${prefix}\uffff`, start)];
}

/** lcp[i]: length of the common prefix of sorted[i - 1] and sorted[i] (lcp[0] = 0). */
export function commonPrefixLengths(sorted: readonly string[]): Uint16Array {
  const lcp = new Uint16Array(sorted.length);
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1];
    const b = sorted[i];
    const limit = Math.min(a.length, b.length, 0xffff);
    let n = 0;
    while (n < limit && a.charCodeAt(n) === b.charCodeAt(n)) n++;
    lcp[i] = n;
  }
  return lcp;
}

/** Walks sorted[start..end) like a trie, calling `found` for terms within `maxTypos` of `word`. */
function walk(dict: SortedDictionary, start: number, end: number, word: string, maxTypos: number, prefix: boolean, found: (index: number, distance: number) => void): void {
  const { sorted, lcp } = dict;
  const m = word.length;
  const rows: Int32Array[] = [Int32Array.from({ length: m + 1 }, (_, j) => j)];
  const bestPrefix: number[] = [m]; // min over depths ≤ d of row[d][m] (prefix mode)
  let valid = 0; // rows[0..valid] hold the path of the previous term
  let i = start;
  while (i < end) {
    const term = sorted[i];
    const shared = i === start ? 0 : Math.min(lcp[i], valid);
    let pruneDepth = -1;
    for (let d = shared + 1; d <= term.length; d++) {
      const row = rows[d] ?? (rows[d] = new Int32Array(m + 1));
      const above = rows[d - 1];
      const c = term.charCodeAt(d - 1);
      // Only cells within maxTypos of the diagonal can stay under the bound: a band.
      const from = Math.max(1, d - maxTypos);
      const to = Math.min(m, d + maxTypos);
      row[0] = d;
      if (from > 1) row[from - 1] = maxTypos + 1;
      let rowMin = from === 1 ? d : maxTypos + 1;
      for (let j = from; j <= to; j++) {
        let v = above[j - 1] + (word.charCodeAt(j - 1) === c ? 0 : 1);
        if (j < d + maxTypos && above[j] + 1 < v) v = above[j] + 1;
        if (row[j - 1] + 1 < v) v = row[j - 1] + 1;
        if (d > 1 && j > 1 && c === word.charCodeAt(j - 2) && term.charCodeAt(d - 2) === word.charCodeAt(j - 1) && rows[d - 2][j - 2] + 1 < v) {
          v = rows[d - 2][j - 2] + 1;
        }
        row[j] = v;
        if (v < rowMin) rowMin = v;
      }
      if (to < m) row[to + 1] = maxTypos + 1;
      bestPrefix[d] = Math.min(bestPrefix[d - 1], to === m ? row[m] : maxTypos + 1);
      if (rowMin > maxTypos) {
        pruneDepth = d;
        break;
      }
    }
    if (pruneDepth !== -1) {
      // No extension of term[0..pruneDepth) can come back under the bound: skip them all — in
      // prefix mode they all match through their common prefix when that one was close enough.
      const viaPrefix = prefix ? bestPrefix[pruneDepth] : maxTypos + 1;
      valid = pruneDepth - 1;
      do {
        if (viaPrefix >= 1 && viaPrefix <= maxTypos) found(i, viaPrefix);
        i++;
      } while (i < end && lcp[i] >= pruneDepth);
      continue;
    }
    const distance = prefix ? bestPrefix[term.length] : term.length + maxTypos < m ? maxTypos + 1 : rows[term.length][m];
    if (distance >= 1 && distance <= maxTypos) found(i, distance);
    valid = term.length;
    i++;
  }
}

export interface SortedDictionary {
  sorted: readonly string[];
  lcp: Uint16Array;
}

/**
 * Indices of terms within the typos allowed for `word` (distance ≥ 1; exact and plain prefix
 * matches are the caller's), with the number of typos Meilisearch counts: the first letter must
 * match for one typo; with two typos allowed, a different first letter is accepted with one edit
 * and counted as two typos.
 */
export function typoCandidates(dict: SortedDictionary, word: string, maxTypos: number, prefix: boolean): TypoMatch[] {
  const out: TypoMatch[] = [];
  if (maxTypos <= 0 || word.length === 0) return out;
  const [start, end] = prefixRange(dict.sorted, word[0]);
  walk(dict, start, end, word, Math.min(maxTypos, 2), prefix, (index, typos) => out.push({ index, typos }));
  if (maxTypos >= 2) {
    const counted = (index: number): void => {
      out.push({ index, typos: 2 });
    };
    walk(dict, 0, start, word, 1, prefix, counted);
    walk(dict, end, dict.sorted.length, word, 1, prefix, counted);
  }
  return out;
}
