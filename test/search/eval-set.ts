/**
 * The labelled query set (fixtures/labelled-queries.json) and the documents it is labelled over
 * (fixtures/eval-documents.json), as search documents: each holds the keys of the places its
 * agencies and regions name, as the app's documents hold those of their agencies' codes; a visit
 * (visitors → hosts in its title) those of its hosts as places visited and of the borders crossed.
 */
import fs from 'node:fs';
import type { KnowledgeSearchDocument, KnowledgeType } from '../../src/search/knowledge-index.js';
import { crossingKeysOf, type AgencyPlace } from '../../src/search/crossing.js';
import { loadReferenceRegions, type ReferenceRegion } from '../../src/modules/regions/region-reference.js';
import { keysOfPlaces, placeNames, type PlaceNames } from '../../src/search/place-names.js';
import { kindField, stemmedField } from '../../src/search/search-documents.js';

interface EvalDocument {
  key: string;
  type: KnowledgeType;
  title: string;
  summary: string;
  body: string;
  agencies: string[];
  regions: string[];
}

export interface LabelledQuery {
  q: string;
  expected: string[];
}

const read = <T>(name: string): T => JSON.parse(fs.readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as T;

export const LABELLED_QUERIES: readonly LabelledQuery[] = read<{ queries: LabelledQuery[] }>('labelled-queries.json').queries;

/** Where an agency (or a region) named so is: the kabupaten/kota or province its name ends with. */
function placeOf(name: string, regions: readonly ReferenceRegion[]): AgencyPlace {
  const region = regions.filter((r) => name.endsWith(r.name)).sort((a, b) => b.name.length - a.name.length)[0];
  if (!region) return { provinceCode: null, regionCode: null };
  return { provinceCode: region.provinceCode, regionCode: region.kind === 'provinsi' ? null : region.code };
}

function markerKeysOf(d: EvalDocument, regions: readonly ReferenceRegion[], places: PlaceNames): string[] {
  const hostNames = d.type === 'visit' ? d.agencies.filter((name) => (d.title.split('→')[1] ?? '').includes(name)) : [];
  const own = d.agencies.filter((name) => !hostNames.includes(name)).map((name) => placeOf(name, regions));
  const visited = hostNames.map((name) => placeOf(name, regions));
  const codes = (at: AgencyPlace[]): string[] => [...new Set(at.flatMap((a) => [a.provinceCode, a.regionCode]).filter((code): code is string => code !== null))];
  const involved = [...own, ...visited, ...d.regions.map((name) => placeOf(name, regions))];
  return [...keysOfPlaces(codes(involved), places), ...keysOfPlaces(codes(visited), places, true), ...crossingKeysOf(own, visited)];
}

export async function evalSearchDocuments(): Promise<KnowledgeSearchDocument[]> {
  const [places, regions] = await Promise.all([placeNames(), loadReferenceRegions()]);
  const { documents } = read<{ documents: EvalDocument[] }>('eval-documents.json');
  return documents.map((d, i) => ({
    uid: `${d.type}-${d.key}`, type: d.type, id: d.key, url: `/${d.key}`, title: d.title, summary: d.summary, agencies: d.agencies, regions: d.regions,
    topicNames: [], tags: [], body: d.body, related: '', kind: kindField(d.type), stemmed: stemmedField(`${d.title} ${d.summary} ${d.body}`),
    markerKeys: markerKeysOf(d, regions, places), agencyNames: d.agencies, provinceNames: [], lineage: [],
    dateIso: null, agencyIds: [], provinceCodes: [], regionCodes: [], visitedCodes: [], topics: [], stage: null, status: 'published', year: 2022,
    visibility: 'public', allowedAgencyIds: [], date: i, updatedAt: i,
  }));
}
