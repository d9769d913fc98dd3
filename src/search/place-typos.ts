/**
 * "Bukitinggi", "padng", "sawahlnto": a place's name typed with a typo. The engine's typo tolerance
 * finds the name in the records, but the app reads places from their names as typed: "studi tiru
 * ke bukitinggi" did not read Bukittinggi as the place visited and listed the visits from it
 * before the one to it. Such a word is read as the word of a place's name it mistypes, unless some
 * record holds it as typed (the caller counts them, with the synonym words mistyped).
 */
import { memoized } from '../http/memo.js';
import type { PlaceNames } from './place-names.js';
import { words } from './stemmer.js';
import { mayBeTypo, nearestWord, REMEMBERED_WORDS } from './synonym-typos.js';

/** The reading of each word, for the place names it was built from (one set per process). */
const readers = new WeakMap<PlaceNames, (word: string) => string | undefined>();

/** The word of a place's name a typed word mistypes, for these names; undefined when it mistypes none or is one. */
function placeWordMistyped(names: PlaceNames): (word: string) => string | undefined {
  let read = readers.get(names);
  if (read === undefined) {
    const placeWords = [...new Set([...names.forms.keys()].flatMap((form) => form.split(' ')))];
    const known = new Set(placeWords);
    read = memoized((word) => (known.has(word) || !mayBeTypo(word) ? undefined : nearestWord(word, placeWords)), REMEMBERED_WORDS);
    readers.set(names, read);
  }
  return read;
}

/** Each word of the query that may be a place's word mistyped, with that word; empty for a query with a phrase of its own. */
export function placeTyposIn(q: string, names: PlaceNames): Map<string, string> {
  const typos = new Map<string, string>();
  if (q.includes('"')) return typos;
  const read = placeWordMistyped(names);
  for (const word of words(q)) {
    const meant = read(word);
    if (meant !== undefined) typos.set(word, meant);
  }
  return typos;
}
