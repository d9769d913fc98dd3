/**
 * Places named in a query — "kab solok", "pemko padang panjang", "sumbar", "solok selatan" — read
 * against the reference list of provinces and kabupaten/kota, and the key each search document
 * holds for every place it involves (`regionKeys`). The engine query ends with the keys of the
 * places named: the "last" strategy drops them first, so they only order the records that match
 * every typed word. Without them "kab solok" ranked Kabupaten Solok Selatan's records with Kabupaten
 * Solok's: both hold "kabupaten" and "solok", side by side, in the same field.
 */
import { loadReferenceRegions, type ReferenceRegion, type RegionKind } from '../modules/regions/region-reference.js';
import { SYNONYM_GROUPS } from './language-data.js';
import { words } from './stemmer.js';

/**
 * The key of a place: "wil" and its Kemendagri code without the dot (wil1302, wil13). No text holds
 * it, and Meilisearch cannot read it as two words of the index (its split-word derivation), as it
 * would read "kabupatensolok" as "kabupaten solok" — which Kabupaten Solok Selatan holds too.
 */
export function regionKey(code: string): string {
  return `wil${code.replace(/\D/g, '')}`;
}

/** The key of a place visited: a visit's hosts', and a lesson's learned on a visit (wilke1374). */
export function hostKey(code: string): string {
  return `wilke${code.replace(/\D/g, '')}`;
}

/** The words typed before a place's name to say what kind of place it is. */
const KIND_WORDS: Record<RegionKind, readonly string[]> = {
  provinsi: ['provinsi', 'prov', 'pemprov'],
  kabupaten: ['kabupaten', 'kab', 'pemkab'],
  kota: ['kota', 'pemkot', 'pemko'],
};
/** At most this many places are read from one query. */
const MAX_PLACES = 3;

export interface PlaceNames {
  /** Words of a name as typed, joined by a space → the code of the one place it names. */
  forms: ReadonlyMap<string, string>;
  /** Most words of any form. */
  longest: number;
}

/** The name without its kind (solok of KABUPATEN SOLOK), and without "administrasi" (jakarta pusat). */
function bareNames(region: ReferenceRegion): string[][] {
  const named = words(region.officialName);
  const bare = region.kind === 'provinsi' ? named : named.slice(1);
  return bare[0] === 'administrasi' ? [bare, bare.slice(1)] : [bare];
}

/**
 * Every way a place is typed: its kind word and bare name ("kota solok", "kab solok", "pemko solok"),
 * the bare name alone, and the province abbreviations of the synonym data (sumbar, diy). A form that
 * names more than one place ("solok": Kabupaten and Kota Solok) names none. A bare name that is also
 * a word of the language (batu, medan) stays: its key only orders the records holding every word.
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
  for (const group of SYNONYM_GROUPS) {
    const province = regions.find((r) => r.kind === 'provinsi' && group.includes(words(r.officialName).join(' ')));
    if (!province) continue;
    for (const member of group) add(words(member), province.code);
  }
  const forms = new Map<string, string>();
  for (const [form, named] of codes) if (named.size === 1) forms.set(form, [...named][0]);
  return { forms, longest: Math.max(...[...forms.keys()].map((form) => form.split(' ').length)) };
}

let cached: Promise<PlaceNames> | undefined;

/** The place names of the reference regions, built once per process. */
export function placeNames(): Promise<PlaceNames> {
  cached ??= loadReferenceRegions().then(placeNamesOf);
  return cached;
}

/** Words before a place that make it the place visited: "studi tiru ke padang panjang". */
const TOWARDS = new Set(['ke', 'menuju']);

/**
 * The keys of the places a query's words name, longest name first at each word, in the order
 * typed; a place visited ("ke kota solok") adds its host key after its own: visits to it first, then
 * every record involving it.
 */
export function placeKeysIn(typed: readonly string[], names: PlaceNames): string[] {
  const keys = new Set<string>();
  let places = 0;
  for (let i = 0; i < typed.length && places < MAX_PLACES; ) {
    let length = Math.min(names.longest, typed.length - i);
    for (; length > 0; length--) {
      const code = names.forms.get(typed.slice(i, i + length).join(' '));
      if (code === undefined) continue;
      places++;
      keys.add(regionKey(code));
      if (TOWARDS.has(typed[i - 1] ?? '')) keys.add(hostKey(code));
      break;
    }
    i += Math.max(length, 1);
  }
  return [...keys];
}
