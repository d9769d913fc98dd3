/**
 * The words the engine is asked for, read from a query: its roots and kind words first, the keys of
 * the places it names and of the phrases read as keys, the aspects last (query-terms.ts,
 * place-names.ts, key-phrases.ts); as typed over the raw fields for the plain baseline.
 */
import { RAW_ATTRIBUTES } from './knowledge-index.js';
import { withPhraseKeys } from './key-phrases.js';
import { STOP_WORD_SET } from './language-data.js';
import { firstPlaceName, placeKeysIn, placeNames, placeNameWords, withoutPlaceNames, type PlaceNames } from './place-names.js';
import { expandQuery, lastWordWhole, readWords, withRootsExact } from './query-terms.js';
import type { SearchParams } from './search-types.js';
import { words } from './stemmer.js';

export interface EngineQuery {
  asked: { q: string; attributesToSearchOn?: string[] };
  /**
   * How many words come before the keys of the places named (place-names.ts), null without them: a
   * hit holding that many holds every typed word but the aspects, which the keys outrank.
   */
  wordsBeforeKeys: number | null;
  /** With place keys and other words besides the places' names, the readable name of the first place named. */
  place: string | null;
}

/** The place names a query is read for: none while it is typed, nor for the plain baseline. */
export async function placesFor(params: Pick<SearchParams, 'stemming' | 'typing'>): Promise<PlaceNames | null> {
  return params.typing || params.stemming === false ? null : placeNames();
}

/** Meilisearch reads the first ten words of a query, and the embedded engine does too. */
const ENGINE_QUERY_WORDS = 10;

/**
 * The words the engine is asked for: expanded (roots, kind words, the keys of the places named,
 * aspects) with the key of a border named or of practices replicated before its phrase
 * (key-phrases.ts); or as typed over the raw fields only. With place keys, a space ends the query:
 * each word is read whole (wil13 would find wil1302 as a prefix). The roots given beside the words
 * typed are quoted, so no typo reaches them (withRootsExact).
 */
export function engineQuery(params: Pick<SearchParams, 'q' | 'stemming' | 'typing' | 'asTyped' | 'rootsOnly'>, places: PlaceNames | null): EngineQuery {
  const query = expandedQuery(params, places);
  return params.stemming === false ? query : { ...query, asked: { ...query.asked, q: withRootsExact(query.asked.q, params.q) } };
}

/** The engine query before its roots are quoted. */
function expandedQuery(params: Pick<SearchParams, 'q' | 'stemming' | 'typing' | 'asTyped' | 'rootsOnly'>, places: PlaceNames | null): EngineQuery {
  const q = params.q.trim();
  const plain = { wordsBeforeKeys: null, place: null };
  if (params.stemming === false) return { asked: { q, attributesToSearchOn: RAW_ATTRIBUTES }, ...plain };
  if (params.typing) return { asked: { q: expandQuery(q, true, params) }, ...plain };
  // Quoted phrases are taken literally: no key goes into them.
  if (q.includes('"')) return { asked: { q: expandQuery(q, false, params) }, ...plain };
  const read = readWords(q);
  const keys = places ? placeKeysIn(read, places) : [];
  const placeWords = places ? placeNameWords(read, places) : new Set<string>();
  const expand = (text: string): string => withPhraseKeys(expandQuery(text, false, params, keys, placeWords));
  let expanded = expand(q);
  // A long question ("pelajaran dari kunjungan kerja diskominfo kota solok ke kota padang panjang
  // tentang podcast") would lose its place keys past the engine's words, and the places as the keys
  // read them (visited, a province's regions): asked with its places named by their keys alone.
  if (keys.length > 0 && words(expanded).length > ENGINE_QUERY_WORDS) {
    const keysOnly = expand(withoutPlaceNames(words(q), places ?? undefined).join(' '));
    if (words(keysOnly).includes(keys[0])) expanded = keysOnly;
  }
  if (keys.length === 0 || !places) return { asked: { q: lastWordWhole(expanded) }, ...plain };
  const besidesPlaces = withoutPlaceNames(read, places).some((word) => !STOP_WORD_SET.has(word));
  return { asked: { q: `${expanded} ` }, wordsBeforeKeys: words(expanded).indexOf(keys[0]), place: besidesPlaces ? firstPlaceName(read, places) : null };
}
