/**
 * Labels of facet values (Indonesian, as the UI's first language): fixed words for types, stages
 * and statuses; names from MongoDB for provinces, agencies and topics.
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

export type LabelLookup = (name: FacetName, value: string) => string;

/** Loads the names needed for the given facet values, then answers synchronously. */
export async function facetLabels(values: Partial<Record<FacetName, string[]>>): Promise<LabelLookup> {
  const agencyIds = (values.agency ?? []).filter((id) => /^[0-9a-f]{24}$/.test(id));
  const [provinces, topics, agencies] = await Promise.all([
    values.province?.length ? listProvinces() : Promise.resolve([]),
    values.topic?.length ? topicNames('id') : Promise.resolve(new Map<string, string>()),
    agencyIds.length ? AgencyModel.find({ _id: { $in: agencyIds } }, { name: 1, shortName: 1 }).lean() : Promise.resolve([]),
  ]);
  const names: Partial<Record<FacetName, Map<string, string>>> = {
    province: new Map(provinces.map((p) => [p.code, p.name])),
    topic: topics,
    agency: new Map(agencies.map((a) => [a._id.toString(), a.shortName || a.name])),
  };
  return (name, value) => FIXED[name]?.[value] ?? names[name]?.get(value) ?? value;
}
