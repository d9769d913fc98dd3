/**
 * The labelled query set (fixtures/labelled-queries.json) and the documents it is labelled over
 * (fixtures/eval-documents.json), as search documents: each holds the keys of the places its
 * agencies and regions name, as the app's documents hold those of their agencies' codes.
 */
import fs from 'node:fs';
import type { KnowledgeSearchDocument, KnowledgeType } from '../../src/search/knowledge-index.js';
import { keysOfPlaceEnds, placeEndsIn, placeNames } from '../../src/search/place-names.js';
import { stemmedField } from '../../src/search/search-documents.js';
import { words } from '../../src/search/stemmer.js';

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

export async function evalSearchDocuments(): Promise<KnowledgeSearchDocument[]> {
  const places = await placeNames();
  const { documents } = read<{ documents: EvalDocument[] }>('eval-documents.json');
  return documents.map((d, i) => ({
    uid: `${d.type}-${d.key}`, type: d.type, id: d.key, url: `/${d.key}`, title: d.title, summary: d.summary, agencies: d.agencies, regions: d.regions,
    topicNames: [], tags: [], body: d.body, related: '', stemmed: stemmedField(d.type, `${d.title} ${d.summary} ${d.body}`),
    regionKeys: keysOfPlaceEnds([...d.regions, ...d.agencies].flatMap((name) => placeEndsIn(words(name), places)), places), agencyNames: d.agencies, provinceNames: [],
    dateIso: null, agencyIds: [], provinceCodes: [], regionCodes: [], topics: [], stage: null, status: 'published', year: 2022,
    visibility: 'public', allowedAgencyIds: [], date: i, updatedAt: i,
  }));
}
