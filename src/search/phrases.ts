/** Whether a phrase, as its words, is what the typed words hold from position i on. */
export function startsAt(phrase: readonly string[], typed: readonly string[], i: number): boolean {
  return phrase.every((word, j) => typed[i + j] === word);
}
