/**
 * Places named in a query — "kab solok", "pemko padang panjang", "sumbar", "solok selatan", "bandung"
 * — read against the reference list of provinces and kabupaten/kota, and the keys each search
 * document holds for every place it involves (`markerKeys`). The engine query holds the keys of
 * the places named after its subject and kind words (query-terms.ts): the "last" strategy drops
 * them right after the aspects, so they only order the records that hold the subject. Without them
 * "kab solok" ranked Kabupaten Solok Selatan's records with Kabupaten Solok's: both hold "kabupaten"
 * and "solok", side by side, in the same field.
 */
import { loadReferenceRegions, type ReferenceRegion, type RegionKind } from '../modules/regions/region-reference.js';
import { ISLANDS, SYNONYM_GROUPS, SYNONYM_PHRASES } from './language-data.js';
import { startsAt } from './phrases.js';
import { words } from './stemmer.js';

/**
 * Keys start with "wil": no text holds them, and Meilisearch cannot read them as two words of the
 * index (its split-word derivation), as it would read "kabupatensolok" as "kabupaten solok" — which
 * Kabupaten Solok Selatan holds too. A place's key ends with its Kemendagri code without the dot
 * (wil1302, wil13); the key of a name several places share (Kota and Kabupaten Bandung) with the
 * name (wilnamabandung); a place visited has "wilke" instead of "wil" (wilke1374).
 */
const PLACE = 'wil';
const VISITED = 'wilke';
const codeKey = (code: string): string => code.replace(/\D/g, '');
const nameKey = (bare: string): string => `nama${bare.replace(/[^a-z]/g, '')}`;

/** The words typed before a place's name to say what kind of place it is. */
const KIND_WORDS: Record<RegionKind, readonly string[]> = {
  provinsi: ['provinsi', 'prov', 'pemprov'],
  kabupaten: ['kabupaten', 'kab', 'pemkab'],
  kota: ['kota', 'pemkot', 'pemko'],
};
/** Whether a word says a kind of place (kabupaten, pemko, prov). */
export function namesPlaceKind(word: string): boolean {
  return Object.values(KIND_WORDS).some((kind) => kind.includes(word));
}

/** At most this many places are read from one query. */
const MAX_PLACES = 3;

export interface PlaceNames {
  /** Words of a name as typed, joined by a space → the end of its key: one place's code, or the name several places share. */
  forms: ReadonlyMap<string, string>;
  /** Most words of any form. */
  longest: number;
  /** The end of a place's key (its code) → those of its names that other places have too. */
  shared: ReadonlyMap<string, ReadonlySet<string>>;
  /** The end of a key → the place's readable name (Kabupaten Solok, Jawa Tengah), or the name several places share (Solok). */
  labels: ReadonlyMap<string, string>;
  /** The end of a key → the codes of the places it names (13.02; both Solok's for the name they share). */
  codes: ReadonlyMap<string, readonly string[]>;
}

/** Words before a name that it is also typed without: KOTA ADMINISTRASI JAKARTA PUSAT, DKI JAKARTA, DAERAH ISTIMEWA YOGYAKARTA. */
const STATUS_WORDS = [['administrasi'], ['dki'], ['daerah', 'istimewa']];

/** Words of a name also typed abbreviated, as addresses write them: Kep. Riau, Kab. Kep. Mentawai. */
const ABBREVIATED: ReadonlyMap<string, string> = new Map([['kepulauan', 'kep']]);

/**
 * The name without its kind (solok of KABUPATEN SOLOK), also without its status (jakarta pusat,
 * jakarta, yogyakarta), and each of them abbreviated (kep riau).
 */
function bareNames(region: ReferenceRegion): string[][] {
  const named = words(region.officialName);
  const bare = region.kind === 'provinsi' ? named : named.slice(1);
  const status = STATUS_WORDS.find((status) => startsAt(status, bare, 0));
  const names = status ? [bare, bare.slice(status.length)] : [bare];
  const abbreviated = names.filter((name) => name.some((word) => ABBREVIATED.has(word))).map((name) => name.map((word) => ABBREVIATED.get(word) ?? word));
  return [...names, ...abbreviated];
}

/**
 * Every way a place is typed: its kind word and bare name ("kota solok", "kab solok", "pemko solok"),
 * the bare name alone, and the other names of the synonym data (sumbar, diy, jogja). A bare name
 * that several places have ("solok": Kabupaten and Kota Solok; "bengkulu": the province and its
 * capital) names what they share. A bare name that is also a word of the language (batu, medan)
 * stays: its key only orders the records holding every word.
 */
export function placeNamesOf(regions: readonly ReferenceRegion[]): PlaceNames {
  const codes = new Map<string, Set<string>>();
  const add = (form: readonly string[], code: string): void => {
    const key = form.join(' ');
    codes.set(key, (codes.get(key) ?? new Set()).add(code));
  };
  for (const region of regions) {
    for (const bare of bareNames(region)) {
      add(bare, region.code);
      for (const kind of KIND_WORDS[region.kind]) add([kind, ...bare], region.code);
    }
  }
  const forms = new Map<string, string>();
  const shared = new Map<string, Set<string>>();
  const labels = new Map(regions.map((region) => [codeKey(region.code), region.name]));
  const codesOf = new Map(regions.map((region) => [codeKey(region.code), [region.code]]));
  for (const [form, named] of codes) {
    if (named.size === 1) {
      forms.set(form, codeKey([...named][0]));
      continue;
    }
    forms.set(form, nameKey(form));
    labels.set(nameKey(form), titleCased(form));
    codesOf.set(nameKey(form), [...named]);
    for (const code of named) shared.set(codeKey(code), (shared.get(codeKey(code)) ?? new Set()).add(nameKey(form)));
  }
  addIslands(regions, { forms, shared, labels, codes: codesOf });
  // Another name of a place in the synonym data names it too, with its key (sumbar, jogja).
  for (const group of SYNONYM_GROUPS) {
    const end = group.map((member) => forms.get(words(member).join(' '))).find((found) => found !== undefined);
    if (end === undefined) continue;
    for (const member of group) if (!forms.has(words(member).join(' '))) forms.set(words(member).join(' '), end);
  }
  return { forms, longest: Math.max(...[...forms.keys()].map((form) => form.split(' ').length)), shared, labels, codes: codesOf };
}

/**
 * An island (data/outside.json) names the places on it as a name they share: "ppid di jawa" puts the
 * records of DKI Jakarta, Banten or Yogyakarta, which never say "jawa", with those of the three Jawa
 * provinces, before the other places'. Typed alone or after "pulau"; a province of the island's
 * name (papua, maluku) keeps it, and an island spelled two ways (sumatera, sumatra) has one key.
 */
function addIslands(regions: readonly ReferenceRegion[], into: { forms: Map<string, string>; shared: Map<string, Set<string>>; labels: Map<string, string>; codes: Map<string, readonly string[]> }): void {
  const ends = new Map<string, string>();
  for (const [form, provinces] of Object.entries(ISLANDS)) {
    const codes = provinces.join(' ');
    const end = ends.get(codes) ?? nameKey(form);
    ends.set(codes, end);
    if (!into.forms.has(form)) into.forms.set(form, end);
    into.forms.set(`pulau ${form}`, end);
    if (into.labels.has(end)) continue;
    into.labels.set(end, titleCased(form));
    into.codes.set(end, provinces);
    for (const region of regions) {
      if (provinces.includes(region.code.split('.')[0])) into.shared.set(codeKey(region.code), (into.shared.get(codeKey(region.code)) ?? new Set()).add(end));
    }
  }
}

/** A name as titles write it (nusa tenggara → Nusa Tenggara). */
export const titleCased = (form: string): string => form.replace(/(^|\s)\p{L}/gu, (start) => start.toUpperCase());

let cached: Promise<PlaceNames> | undefined;
/** The place names once built: reading a query's words is synchronous. */
let built: PlaceNames | undefined;

/** The place names of the reference regions, built once per process. */
export function placeNames(): Promise<PlaceNames> {
  cached ??= loadReferenceRegions()
    .then(placeNamesOf)
    .then((names) => (built = names));
  return cached;
}

/** The keys a document holds for the places of these codes: each place's own, and its shared name's. `visited`: as places visited. */
export function keysOfPlaces(codes: readonly string[], names: PlaceNames, visited = false): string[] {
  const ends = codes.flatMap((code) => [codeKey(code), ...(names.shared.get(codeKey(code)) ?? [])]);
  return [...new Set(ends)].map((end) => (visited ? VISITED : PLACE) + end);
}

/** The place whose name starts at typed[i], the longest name first: the end of its key and how many words it has; null when none does. */
export function placeNamedAt(typed: readonly string[], i: number, names: PlaceNames): { end: string; length: number } | null {
  for (let length = Math.min(names.longest, typed.length - i); length > 0; length--) {
    const end = names.forms.get(typed.slice(i, i + length).join(' '));
    if (end !== undefined) return { end, length };
  }
  return null;
}

/** The kinds of place said of those lying in a place named after them, and the words between. */
const LOCAL_KIND_WORDS = new Set([...KIND_WORDS.kabupaten, ...KIND_WORDS.kota]);
const KIND_JOINERS = new Set(['dan', 'atau']);
const WITHIN_WORDS = new Set(['di', 'se', 'dari', 'wilayah']);

/** Whether typed[i] ends the name of a place that starts before it (kota of kabupaten lima puluh kota). */
function endsPlaceNameBefore(typed: readonly string[], i: number, names: PlaceNames): boolean {
  for (let back = 1; back < names.longest && back <= i; back++) if ((placeNamedAt(typed, i - back, names)?.length ?? 0) > back) return true;
  return false;
}

/**
 * Whether typed[i] says what kind the places lying in a place named after it are: kabupaten di
 * Sumbar, kota-kota se-Jawa Barat, kabupaten dan kota di Sumbar. The place's key orders its
 * records first; the kind word searched as a subject had led the query, and the records of any
 * province saying "kabupaten" came before the place's own records that did not.
 */
export function namesKindWithin(typed: readonly string[], i: number, names: PlaceNames | undefined = built): boolean {
  if (!LOCAL_KIND_WORDS.has(typed[i]) || (names && endsPlaceNameBefore(typed, i, names))) return false;
  let next = i + 1;
  while (LOCAL_KIND_WORDS.has(typed[next]) || KIND_JOINERS.has(typed[next])) next++;
  return WITHIN_WORDS.has(typed[next]) && next + 1 < typed.length && startsPlaceName(typed, next + 1, names);
}

/** How many words the name of a place ending right before typed[end] has (bandung of "bandung city"); 0 when none ends there or the names are not built. */
export function placeNameLengthBefore(typed: readonly string[], end: number, names: PlaceNames | undefined = built): number {
  if (!names) return 0;
  for (let length = Math.min(names.longest, end); length > 0; length--) if (placeNamedAt(typed, end - length, names)?.length === length) return length;
  return 0;
}

/** Whether a place's name starts at typed[i] (kota solok, kab agam); true until the names are built (placeNames), as nothing tells otherwise. */
export function startsPlaceName(typed: readonly string[], i: number, names: PlaceNames | undefined = built): boolean {
  return names === undefined || placeNamedAt(typed, i, names) !== null;
}

/** The places a query's words name, longest name first at each word, in the order typed: the ends of their keys, where each starts and how many words it has. */
function namedPlaces(typed: readonly string[], names: PlaceNames): { end: string; at: number; length: number }[] {
  const named: { end: string; at: number; length: number }[] = [];
  for (let i = 0; i < typed.length && named.length < MAX_PLACES; ) {
    const place = placeNamedAt(typed, i, names);
    if (place) named.push({ ...place, at: i });
    i += place?.length ?? 1;
  }
  return named;
}

/**
 * The words not part of a place's name ("ppid online services in" of "… in Sumatera Barat"): a
 * name is neither English nor Indonesian. All of them until the names are built (placeNames).
 */
export function withoutPlaceNames(typed: readonly string[], names: PlaceNames | undefined = built): string[] {
  if (!names) return [...typed];
  const inNames = new Set(namedPlaces(typed, names).flatMap(({ at, length }) => Array.from({ length }, (_, j) => at + j)));
  return typed.filter((_, i) => !inNames.has(i));
}

/** The words of the places a query's words name ("jawa", "barat" of "literasi digital jawa barat"). */
export function placeNameWords(typed: readonly string[], names: PlaceNames): Set<string> {
  return new Set(namedPlaces(typed, names).flatMap(({ at, length }) => typed.slice(at, at + length)));
}

/** The readable name of the first place a query's words name (Kabupaten Solok of "podcast kab solok"), whose key the engine query holds first. */
export function firstPlaceName(typed: readonly string[], names: PlaceNames): string | null {
  const [first] = namedPlaces(typed, names);
  return first ? (names.labels.get(first.end) ?? null) : null;
}

/** Words before a place that make it the place visited: "studi tiru ke padang panjang". */
const TOWARDS = new Set(['ke', 'menuju']);
/** How far before the place such a word may be: "ke diskominfo kota padang panjang", "ke kantor bupati agam". */
const TOWARDS_REACH = 3;

/**
 * Where the words TOWARDS_REACH before typed[at] begin, not before `floor`; a synonym phrase typed
 * whole is one of them: "ke dinas komunikasi dan informatika kota padang panjang" names the place
 * visited as "ke diskominfo kota padang panjang" does.
 */
function reachStart(typed: readonly string[], at: number, floor: number): number {
  let from = at;
  for (let reached = 0; reached < TOWARDS_REACH && from > floor; reached++) {
    const phrases = SYNONYM_PHRASES.filter((phrase) => phrase.length <= from - floor && startsAt(phrase, typed, from - phrase.length));
    from -= Math.max(1, ...phrases.map((phrase) => phrase.length));
  }
  return from;
}

/**
 * The keys of the places a query's words name, in the order typed; a place visited ("ke kota
 * solok", "ke diskominfo kota solok") adds its key as visited after its own: visits to it first,
 * then every record involving it. The word saying so is not read past another place.
 */
export function placeKeysIn(typed: readonly string[], names: PlaceNames): string[] {
  const named = namedPlaces(typed, names);
  const keys = named.flatMap(({ end, at }, i) => {
    const from = reachStart(typed, at, i > 0 ? named[i - 1].at + named[i - 1].length : 0);
    const visited = typed.slice(from, at).some((word) => TOWARDS.has(word));
    return [PLACE + end, ...(visited ? [VISITED + end] : [])];
  });
  return [...new Set(keys)];
}
