/**
 * Visits across a border: "studi tiru ke luar provinsi", "kunjungan kerja luar daerah". Few records
 * say so in words; what makes a visit one is where its hosts are. A visit — and a lesson learned on
 * one — holds a key for each border its hosts lie across from its visitors (the recorder, for a
 * lesson), and the engine query puts that key before the phrase that names the border: with the
 * "last" strategy the phrase's own words are dropped first, so after the records that say it come
 * every visit across that border, before the other records of the subject.
 */
import { CROSSING_PHRASES, CROSSINGS, type Crossing } from './language-data.js';
import { startsAt } from './phrases.js';
import { words } from './stemmer.js';

/** Keys no text holds, as those of places (place-names.ts). */
export const CROSSING_KEYS: Readonly<Record<Crossing, string>> = { province: 'wilantarprovinsi', region: 'wilantardaerah' };

/** Where an agency is: its province, and its kabupaten/kota (none for a province's own agency). */
export interface AgencyPlace {
  provinceCode: string | null;
  regionCode: string | null;
}

/**
 * The borders some place visited lies across from every own place (the visitors', the recorder's):
 * another province; another kabupaten/kota or province. Nothing without a place on either side.
 */
export function crossingKeysOf(own: readonly AgencyPlace[], visited: readonly AgencyPlace[]): string[] {
  const placeOf = (a: AgencyPlace): string | null => a.regionCode ?? a.provinceCode;
  const ownProvinces = new Set(own.map((a) => a.provinceCode));
  const ownPlaces = new Set(own.map(placeOf));
  const known = visited.filter((a) => placeOf(a) !== null);
  if (own.every((a) => placeOf(a) === null) || known.length === 0) return [];
  const keys: string[] = [];
  if (known.some((a) => !ownProvinces.has(a.provinceCode))) keys.push(CROSSING_KEYS.province);
  if (known.some((a) => !ownPlaces.has(placeOf(a)))) keys.push(CROSSING_KEYS.region);
  return keys;
}

const phrases = CROSSINGS.flatMap((crossing) => CROSSING_PHRASES[crossing].map((phrase) => ({ words: phrase.split(' '), key: CROSSING_KEYS[crossing] })));

/** The words of the phrases naming a border in a query's words: they are read as the border's key, whether or not a record holds them. */
export function crossingWordsIn(typed: readonly string[]): Set<string> {
  const found = new Set<string>();
  typed.forEach((_, i) => {
    for (const phrase of phrases) if (startsAt(phrase.words, typed, i)) phrase.words.forEach((word) => found.add(word));
  });
  return found;
}

/** The engine query with each border's key before the phrase naming it ("… wilantarprovinsi luar provinsi"); as it is when it names none. */
export function withCrossingKeys(engineQuery: string): string {
  const typed = words(engineQuery);
  const out: string[] = [];
  let found = false;
  typed.forEach((word, i) => {
    const phrase = phrases.find((p) => startsAt(p.words, typed, i));
    if (phrase && !out.includes(phrase.key)) {
      out.push(phrase.key);
      found = true;
    }
    out.push(word);
  });
  return found ? out.join(' ') : engineQuery;
}
