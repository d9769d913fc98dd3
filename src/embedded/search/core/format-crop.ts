/**
 * The crop window of a text: the `length` consecutive tokens holding the most distinct matched
 * terms (the first such window wins), then centred on its first and last matches.
 */

/** Tokens of one text as parallel arrays: normalised term and match length (0: no match). */
export interface TokenMatches {
  count: number;
  terms: string[];
  matchLengths: number[];
}

/** [first, end) token indexes of the window; [0, length) when nothing matches. */
export function cropWindow(tokens: TokenMatches, length: number): [number, number] {
  const { count, terms, matchLengths } = tokens;
  if (count <= length) return [0, count];
  // Slide the window one token at a time, keeping how often each matched term occurs in it.
  const inWindow = new Map<string, number>();
  const enter = (i: number): void => {
    if (matchLengths[i] > 0) inWindow.set(terms[i], (inWindow.get(terms[i]) ?? 0) + 1);
  };
  const leave = (i: number): void => {
    if (matchLengths[i] <= 0) return;
    const left = (inWindow.get(terms[i]) as number) - 1;
    if (left === 0) inWindow.delete(terms[i]);
    else inWindow.set(terms[i], left);
  };
  for (let i = 0; i < length; i++) enter(i);
  let best = inWindow.size;
  let bestStart = 0;
  for (let start = 1; start + length <= count; start++) {
    leave(start - 1);
    enter(start + length - 1);
    if (inWindow.size > best) {
      best = inWindow.size;
      bestStart = start;
    }
  }
  if (best <= 0) return [0, length];
  let first = bestStart;
  while (matchLengths[first] <= 0) first++;
  let last = bestStart + length - 1;
  while (matchLengths[last] <= 0) last--;
  const slack = length - (last - first + 1);
  const start = Math.max(0, Math.min(first - Math.ceil(slack / 2), count - length));
  return [start, start + length];
}
