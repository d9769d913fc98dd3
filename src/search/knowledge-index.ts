/**
 * The one search index of the knowledge base and its settings. One unified index (`knowledge`) with
 * a `type` facet rather than one index per type: the search page ranks visits, practices and
 * lessons in one list with one set of facets and one permission filter, which per-type indexes
 * could only give through federated merging. See README.md.
 */
import type { Meilisearch, Settings } from 'meilisearch';
import { EXACT_WORDS, STOP_WORDS, synonymMap } from './language-data.js';
import type { ContactPerson } from './contact-person.js';
import type { LineageRole } from './replication.js';

export const KNOWLEDGE_INDEX = 'knowledge';
export const PRIMARY_KEY = 'uid';

export const KNOWLEDGE_TYPES = ['visit', 'practice', 'lesson'] as const;
export type KnowledgeType = (typeof KNOWLEDGE_TYPES)[number];

/** What the engine stores per record (built by search-documents.ts). */
export interface KnowledgeSearchDocument {
  /** `<type>-<mongo id>`: unique across types. */
  uid: string;
  type: KnowledgeType;
  id: string;
  url: string;
  title: string;
  summary: string;
  /** Full names, short names and aliases of every agency involved. */
  agencies: string[];
  /** Province and kabupaten/kota names. */
  regions: string[];
  topicNames: string[];
  tags: string[];
  body: string;
  /** Names of the published records it links to: the practices shown on a visit, a lesson's visit and practices, the practice replicated. */
  related: string;
  /** The words naming its kind (kunjungan studi tiru, praktik baik inovasi …), by root and as written. */
  kind: string;
  /** Roots of every word of title, summary, tags and body (affix-aware matching), then of the agencies', places', topics' and linked records' names, then a practice's stage words and the month and year of its date. */
  stemmed: string;
  /**
   * Keys no text holds, which the engine query adds for the places, borders, replication and
   * contacts it names: one per province and kabupaten/kota involved (the places visited included)
   * and per name it shares, one per place visited (place-names.ts), one per border its hosts lie
   * across and one for hosts all in the own province (crossing.ts), one for a practice in a lineage
   * of replication (replication.ts), one for a practice naming its contact person (contact-person.ts).
   */
  markerKeys: string[];
  // Display
  agencyNames: string[];
  provinceNames: string[];
  dateIso: string | null;
  /** A practice's place in a lineage of replication (replication.ts): adopted by another, adopted from another. */
  lineage: LineageRole[];
  /** A practice's contact person, when it names one by name (contact-person.ts). */
  contactPerson?: ContactPerson;
  // Filters and facets
  agencyIds: string[];
  provinceCodes: string[];
  regionCodes: string[];
  /** The places visited (a visit's hosts, those of the visit a lesson was learned on): province and kabupaten/kota codes (outside-places.ts). */
  visitedCodes: string[];
  topics: string[];
  stage: string | null;
  /** A practice's: whether it is a digital innovation (non-digital.ts). */
  digital?: boolean;
  status: 'draft' | 'published';
  year: number | null;
  /** 'public' for published records; drafts are 'restricted' to allowedAgencyIds. */
  visibility: 'public' | 'restricted';
  allowedAgencyIds: string[];
  // Sorts (epoch milliseconds); no date when the record has none of its own
  date?: number;
  updatedAt: number;
  /** A practice's: how many published, live practices adopted it (replication.ts); other kinds have none. */
  replications?: number;
}

/**
 * Matches in earlier attributes rank higher: names first, then the record's text, linked records'
 * names, the stemmed roots (a fallback), and the marker keys, which no typed word matches.
 */
export const SEARCHABLE_ATTRIBUTES = ['title', 'kind', 'summary', 'agencies', 'regions', 'topicNames', 'tags', 'body', 'related', 'stemmed', 'markerKeys'];
/** The same list without the fields the app reads queries for: plain Meilisearch matching (the baseline of eval:search). */
export const RAW_ATTRIBUTES = SEARCHABLE_ATTRIBUTES.filter((a) => a !== 'kind' && a !== 'stemmed' && a !== 'markerKeys');

export const FILTERABLE_ATTRIBUTES = ['type', 'provinceCodes', 'regionCodes', 'visitedCodes', 'agencyIds', 'topics', 'stage', 'status', 'year', 'visibility', 'allowedAgencyIds', 'lineage', 'date', 'digital'];
export const SORTABLE_ATTRIBUTES = ['date', 'updatedAt', 'replications'];
/** The word lengths from which the engine allows one and two typos (its defaults); did-you-mean follows them. */
export const TYPO_WORD_SIZES = { oneTypo: 5, twoTypos: 9 };

export function knowledgeIndexSettings(): Settings {
  return {
    searchableAttributes: SEARCHABLE_ATTRIBUTES,
    filterableAttributes: FILTERABLE_ATTRIBUTES,
    sortableAttributes: SORTABLE_ATTRIBUTES,
    displayedAttributes: ['*'],
    synonyms: synonymMap(),
    stopWords: [...STOP_WORDS],
    // "sort" right after "words": "newest" orders the records matching the most words by date,
    // not only those tied on every relevance rule. Without a sort parameter the rule does nothing.
    // "attribute" before "proximity": a word in the title weighs more than two words side by side
    // in the body (src/search/README.md).
    rankingRules: ['words', 'sort', 'typo', 'attribute', 'proximity', 'exactness'],
    // No typos on the roots: a typo of a word is matched in the text itself, while a typo of a root
    // would match words no record holds (*studio* for the kind word *studi* of every visit). Nor on
    // the place keys: wil1302 is one letter away from wil1305, another kabupaten. The domain's words
    // a typo away from other words (stunting, sunting) are matched as typed (data/exact-words.json).
    typoTolerance: { enabled: true, minWordSizeForTypos: TYPO_WORD_SIZES, disableOnWords: [...EXACT_WORDS], disableOnAttributes: ['kind', 'stemmed', 'markerKeys'] },
    // The values with the most records when a facet has more than 200 (agencies: one region's
    // offices alone can pass that), as the page and the API list them; alphabetical order would keep
    // the 200 oldest agency ids.
    faceting: { maxValuesPerFacet: 200, sortFacetValuesBy: { '*': 'count' } },
    pagination: { maxTotalHits: 1000 },
  };
}

/** Waits for an engine task and throws when it did not succeed (the caller retries). */
export async function waitForTask(client: Meilisearch, taskUid: number, timeoutMs = 10_000): Promise<void> {
  const task = await client.tasks.waitForTask(taskUid, { timeout: timeoutMs, interval: 25 });
  if (task.status !== 'succeeded') throw new Error(`search task ${taskUid} ${task.status}: ${task.error?.message ?? 'no detail'}`);
}

/** Creates the index when missing and applies the settings; safe to repeat (boot, reindex). */
export async function applyKnowledgeSettings(client: Meilisearch, indexUid = KNOWLEDGE_INDEX): Promise<void> {
  const created = await client.createIndex(indexUid, { primaryKey: PRIMARY_KEY });
  // "index_already_exists" fails this task and is fine; the settings task below must succeed.
  await client.tasks.waitForTask(created.taskUid, { timeout: 10_000, interval: 25 });
  const update = await client.index(indexUid).updateSettings(knowledgeIndexSettings());
  await waitForTask(client, update.taskUid);
}
