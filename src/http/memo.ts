/**
 * A function of one key remembered per key: query words repeat across searches (their roots, a typo
 * of a kind's word), record dates across pages, and computing each costs microseconds every time. At
 * most `limit` keys are kept; when full, all are forgotten at once, so memory stays bounded without
 * tracking use.
 */
export function memoized<T>(compute: (word: string) => T, limit: number): (word: string) => T {
  const known = new Map<string, T>();
  return (word) => {
    if (known.has(word)) return known.get(word) as T;
    const value = compute(word);
    if (known.size >= limit) known.clear();
    known.set(word, value);
    return value;
  };
}
