/**
 * Typo candidates over a sorted term dictionary: a bounded Damerau-Levenshtein (optimal string
 * alignment) walked like a trie — rows of shared prefixes are reused between neighbouring terms
 * and a whole prefix range is skipped once every cell of its row exceeds the bound.
 * Meilisearch's rules: a typo on the first letter counts as two typos (so with one typo allowed
 * the first letter must match); in prefix mode (the last query word) the word may match any
 * prefix of a term.
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

/**
 * Indices of terms within `maxTypos` of `word` (distance ≥ 1; exact and plain prefix matches are
 * the caller's), with the number of typos Meilisearch would count.
 */
export function typoCandidates(sorted: readonly string[], word: string, maxTypos: number, prefix: boolean): TypoMatch[] {
  const out: TypoMatch[] = [];
  if (maxTypos <= 0 || word.length === 0) return out;
  const m = word.length;
  // With one typo the first letter must match: only that range of the dictionary is walked.
  const [start, end] = maxTypos === 1 ? prefixRange(sorted, word[0]) : [0, sorted.length];
  const rows: Int32Array[] = [Int32Array.from({ length: m + 1 }, (_, j) => j)];
  const bestPrefix: number[] = [m]; // min over depths ≤ d of row[d][m] (prefix mode)
  let previous = '';
  let i = start;
  while (i < end) {
    const term = sorted[i];
    let shared = 0;
    const limit = Math.min(previous.length, term.length, rows.length - 1);
    while (shared < limit && previous.charCodeAt(shared) === term.charCodeAt(shared)) shared++;
    let pruneDepth = -1;
    for (let d = shared + 1; d <= term.length; d++) {
      const row = rows[d] ?? (rows[d] = new Int32Array(m + 1));
      const above = rows[d - 1];
      const c = term.charCodeAt(d - 1);
      row[0] = d;
      let rowMin = d;
      for (let j = 1; j <= m; j++) {
        const cost = word.charCodeAt(j - 1) === c ? 0 : 1;
        let v = Math.min(above[j] + 1, row[j - 1] + 1, above[j - 1] + cost);
        if (d > 1 && j > 1 && c === word.charCodeAt(j - 2) && term.charCodeAt(d - 2) === word.charCodeAt(j - 1)) {
          v = Math.min(v, rows[d - 2][j - 2] + 1);
        }
        row[j] = v;
        if (v < rowMin) rowMin = v;
      }
      bestPrefix[d] = Math.min(bestPrefix[d - 1], row[m]);
      if (rowMin > maxTypos) {
        pruneDepth = d;
        break;
      }
    }
    if (pruneDepth !== -1) {
      // No extension of term[0..pruneDepth) can come back under the bound.
      previous = term.slice(0, pruneDepth - 1);
      i = lowerBound(sorted, `${term.slice(0, pruneDepth)}\uffff`, i + 1);
      continue;
    }
    const distance = prefix ? bestPrefix[term.length] : rows[term.length][m];
    if (distance >= 1 && distance <= maxTypos) {
      const typos = term.charCodeAt(0) !== word.charCodeAt(0) ? Math.max(2, distance) : distance;
      if (typos <= maxTypos) out.push({ index: i, typos });
    }
    previous = term;
    i++;
  }
  return out;
}
