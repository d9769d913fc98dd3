/**
 * Labels of facet values (Indonesian, as the UI's first language): fixed words for types, stages
 * and statuses; names from MongoDB for provinces, agencies and topics. The names are read once a
 * minute per process, not once per search (a rename shows up within that minute).
 */
import { AgencyModel } from '../modules/agencies/agency.model.js';
import { listProvinces } from '../modules/regions/region.service.js';
import { topicNames } from '../modules/topics/topic.service.js';
import type { FacetName } from './search-filters.js';

const FIXED: Partial<Record<FacetName, Record<string, string>>> = {
  type: { visit: 'Kunjungan', practice: 'Praktik baik', lesson: 'Pelajaran' },
  stage: { inisiatif: 'Inisiatif', uji_coba: 'Uji coba', penerapan: 'Penerapan' },
  status: { published: 'Terbit', draft: 'Draf' },
};

const TTL_MS = 60_000;

type NameLoader = () => Promise<Map<string, string>>;

const LOADERS: Partial<Record<FacetName, NameLoader>> = {
  province: async () => new Map((await listProvinces()).map((p) => [p.code, p.name])),
  topic: () => topicNames('id'),
  agency: async () => new Map((await AgencyModel.find({}, { name: 1, shortName: 1 }).lean()).map((a) => [a._id.toString(), a.shortName || a.name])),
};

const cache = new Map<FacetName, { at: number; names: Promise<Map<string, string>> }>();

function names(facet: FacetName, loader: NameLoader): Promise<Map<string, string>> {
  const hit = cache.get(facet);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.names;
  const loading = loader().catch((err: unknown) => {
    cache.delete(facet);
    throw err;
  });
  cache.set(facet, { at: Date.now(), names: loading });
  return loading;
}

/** Forgets the cached names (tests that rename things, or a new database). */
export function clearFacetLabelCache(): void {
  cache.clear();
}

export type LabelLookup = (name: FacetName, value: string) => string;

/** Loads the names needed for the given facet values, then answers synchronously. */
export async function facetLabels(values: Partial<Record<FacetName, string[]>>): Promise<LabelLookup> {
  const needed = (Object.keys(LOADERS) as FacetName[]).filter((facet) => (values[facet]?.length ?? 0) > 0);
  const loaded = new Map(await Promise.all(needed.map(async (facet) => [facet, await names(facet, LOADERS[facet] as NameLoader)] as const)));
  return (name, value) => {
    const label = FIXED[name]?.[value] ?? loaded.get(name)?.get(value);
    if (label === undefined && name === 'agency') cache.delete('agency');
    return label ?? value;
  };
}
