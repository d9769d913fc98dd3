import { getProvinces, getRegencies } from 'idn-area-data';

/**
 * Provinces and kabupaten/kota of Indonesia as published by the `idn-area-data` package
 * (Kemendagri codes). Names there are upper case ("KOTA PADANG PANJANG"); the display name is
 * derived from them so nothing is hand-typed.
 */
export type RegionKind = 'provinsi' | 'kabupaten' | 'kota';

export interface ReferenceRegion {
  code: string;
  /** Name exactly as in the reference package. */
  officialName: string;
  /** Readable name, e.g. "Kota Padang Panjang", "DKI Jakarta". */
  name: string;
  kind: RegionKind;
  provinceCode: string;
}

/** Words that stay upper case when the reference names are title-cased. */
const ACRONYMS = new Set(['DKI']);

export function displayRegionName(officialName: string): string {
  return officialName
    .trim()
    .split(/\s+/)
    .map((word) => (ACRONYMS.has(word) ? word : word.charAt(0) + word.slice(1).toLowerCase()))
    .join(' ');
}

let cached: Promise<ReferenceRegion[]> | undefined;

/** All provinces followed by all kabupaten/kota; read once per process. */
export function loadReferenceRegions(): Promise<ReferenceRegion[]> {
  cached ??= readReference();
  return cached;
}

async function readReference(): Promise<ReferenceRegion[]> {
  const [provinces, regencies] = await Promise.all([getProvinces(), getRegencies()]);
  const provinceRows: ReferenceRegion[] = provinces.map((p) => ({
    code: p.code,
    officialName: p.name,
    name: displayRegionName(p.name),
    kind: 'provinsi',
    provinceCode: p.code,
  }));
  const regencyRows: ReferenceRegion[] = regencies.map((r) => ({
    code: r.code,
    officialName: r.name,
    name: displayRegionName(r.name),
    kind: r.name.startsWith('KOTA ') ? 'kota' : 'kabupaten',
    provinceCode: r.province_code,
  }));
  return [...provinceRows, ...regencyRows];
}
