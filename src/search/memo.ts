/**
 * A function of one word remembered per word: query words repeat across searches, and reading one
 * (its root, a typo of a kind's word) costs microseconds each time. At most `limit` words are kept;
 * when full, all are forgotten at once, so memory stays bounded without tracking use.
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
