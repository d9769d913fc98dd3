/**
 * "Podcast kota Solok dan Padang Panjang", "praktik baik Jawa Barat atau Jawa Timur": places joined
 * ask for the records of any of them. As keys of one engine query, each was asked of every record
 * and the "last" strategy dropped the later ones first: the second place's records ranked with
 * every other place's, and with no subject the names' words led and had to be held together
 * (visits between Jawa Timur and Sumatera Barat came first). Read here into one search per place,
 * held to its records by filter (leaving out those of the places before it), and the query itself
 * over the records of no place named. The parts are disjoint, so merged (either-merge.ts) their
 * counts and facets add up; a place's records hold every word of their search, the others lack
 * the keys of theirs, so by score the places' records come first.
 */
import { placesLeftOutFilter } from './outside-places.js';
import { placeNamedAt, type PlaceNames } from './place-names.js';
import { quote, type FilterClause } from './search-filters.js';
import { words } from './stemmer.js';

/** The words joining places: dan, atau, serta, maupun, and English. A comma is no word: "Solok, Padang Panjang dan Agam". */
const JOINERS = new Set(['dan', 'atau', 'serta', 'maupun', 'and', 'or']);

/** One search of the query: its words, and the filter holding it to its part of the records. */
export interface PlaceSearch {
  q: string;
  filter: FilterClause[];
}

interface NamedPlace {
  at: number;
  length: number;
  codes: readonly string[];
}

/** The first run of places the query's words name one after another, only joiners (or nothing) between; two at least, else null. */
function joinedPlaces(typed: readonly string[], names: PlaceNames): NamedPlace[] | null {
  for (let i = 0; i < typed.length; i++) {
    const run: NamedPlace[] = [];
    let next = i;
    for (;;) {
      const place = placeNamedAt(typed, next, names);
      if (!place) break;
      run.push({ at: next, length: place.length, codes: names.codes.get(place.end) ?? [] });
      next += place.length;
      if (!JOINERS.has(typed[next] ?? '')) break;
      next += 1;
    }
    if (run.length >= 2) return run;
    if (run.length === 1) i = run[0].at + run[0].length - 1;
  }
  return null;
}

/** The records involving any of these places (provinces 13, kabupaten/kota 13.72): one clause, its parts joined by OR. */
function involving(codes: readonly string[]): FilterClause {
  const within = (attribute: string, listed: string[]): string[] => (listed.length > 0 ? [`${attribute} IN [${[...new Set(listed)].map(quote).join(', ')}]`] : []);
  return [...within('provinceCodes', codes.filter((code) => !code.includes('.'))), ...within('regionCodes', codes.filter((code) => code.includes('.')))];
}

const notInvolving = (codes: readonly string[]): FilterClause[] => placesLeftOutFilter({ involved: { codes: [...codes], names: [] }, visited: { codes: [], names: [] } });

/** The searches of a query joining places (above); null when it joins none, or quotes a phrase. */
export function joinedPlaceSearches(q: string, names: PlaceNames): PlaceSearch[] | null {
  if (q.includes('"')) return null;
  const typed = words(q);
  const joined = joinedPlaces(typed, names);
  if (!joined) return null;
  const last = joined[joined.length - 1];
  const before = typed.slice(0, joined[0].at);
  const after = typed.slice(last.at + last.length);
  const named = joined.flatMap((place) => place.codes);
  return [
    ...joined.map((place, i) => ({
      q: [...before, ...typed.slice(place.at, place.at + place.length), ...after].join(' '),
      filter: [involving(place.codes), ...notInvolving(joined.slice(0, i).flatMap((earlier) => earlier.codes))],
    })),
    { q, filter: notInvolving(named) },
  ];
}
