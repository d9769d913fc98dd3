/**
 * Visits across a border: "studi tiru ke luar provinsi", "kunjungan kerja luar daerah". Few records
 * say so in words; what makes a visit one is where its hosts are. A visit — and a lesson learned on
 * one — holds a key for each border its hosts lie across from its visitors (the recorder, for a
 * lesson), which the engine query puts before the phrase naming the border (key-phrases.ts).
 */
import type { Crossing } from './language-data.js';

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
