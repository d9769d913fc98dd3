/**
 * Visits across a border: "studi tiru ke luar provinsi", "kunjungan kerja luar daerah", "studi
 * tiru ke luar pulau", or within one's own province ("satu provinsi"). Few records say so in words;
 * what makes a visit one is where its hosts are. A visit — and a lesson learned on one — holds a
 * key for each such reading of its hosts' places against its visitors' (the recorder's, for a
 * lesson), which the engine query puts before the phrase naming it (key-phrases.ts).
 */
import { ISLANDS, type Crossing } from './language-data.js';

/** Keys no text holds, as those of places (place-names.ts). */
export const CROSSING_KEYS: Readonly<Record<Crossing, string>> = {
  province: 'wilantarprovinsi',
  region: 'wilantardaerah',
  island: 'wilantarpulau',
  sameProvince: 'wilsatuprovinsi',
};

/** Where an agency is: its province, and its kabupaten/kota (none for a province's own agency). */
export interface AgencyPlace {
  provinceCode: string | null;
  regionCode: string | null;
}

/** The island of each province the islands name (sumatera and sumatra list the same provinces: one island). */
const islandByProvince = new Map(Object.values(ISLANDS).flatMap((provinces) => provinces.map((code) => [code, provinces[0]] as const)));

/** The island a province lies on; one on none listed (Bali) is an island of its own. */
const islandOf = (provinceCode: string | null): string | null => (provinceCode === null ? null : (islandByProvince.get(provinceCode) ?? provinceCode));

/**
 * The borders some place visited lies across from every own place (the visitors', the recorder's):
 * another province; another kabupaten/kota or province; another island. Or, every place visited
 * in an own province. Nothing without a place on either side.
 */
export function crossingKeysOf(own: readonly AgencyPlace[], visited: readonly AgencyPlace[]): string[] {
  const placeOf = (a: AgencyPlace): string | null => a.regionCode ?? a.provinceCode;
  const ownProvinces = new Set(own.map((a) => a.provinceCode));
  const ownPlaces = new Set(own.map(placeOf));
  const ownIslands = new Set(own.map((a) => islandOf(a.provinceCode)));
  const known = visited.filter((a) => placeOf(a) !== null);
  if (own.every((a) => placeOf(a) === null) || known.length === 0) return [];
  const keys: string[] = [];
  if (known.some((a) => !ownProvinces.has(a.provinceCode))) keys.push(CROSSING_KEYS.province);
  if (known.some((a) => !ownPlaces.has(placeOf(a)))) keys.push(CROSSING_KEYS.region);
  if (known.some((a) => !ownIslands.has(islandOf(a.provinceCode)))) keys.push(CROSSING_KEYS.island);
  if (known.every((a) => ownProvinces.has(a.provinceCode))) keys.push(CROSSING_KEYS.sameProvince);
  return keys;
}
