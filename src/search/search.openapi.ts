/**
 * OpenAPI description of the search API's parameters and answers, built from the same constants
 * as the query schema (search.schemas.ts) and checked against it and against real answers by
 * test/search/api.test.ts.
 */
import type { OperationDoc } from '../http/routes.js';
import { KNOWLEDGE_STATUSES, PRACTICE_STAGES } from '../modules/practices/practice.model.js';
import { KNOWLEDGE_TYPES } from './knowledge-index.js';
import { MAX_OTHER_WORD_HITS } from './other-words.js';
import { LINEAGE_ROLES } from './replication.js';
import { FACET_NAMES } from './search-filters.js';
import {
  DEFAULT_PER_PAGE, MAX_FILTER_VALUES, MAX_PAGE, MAX_QUERY_LENGTH, MAX_SUGGEST_QUERY_LENGTH, SEARCH_SORTS, VALUE_PATTERNS, YEAR_RANGE,
} from './search.schemas.js';
import { MAX_PER_PAGE } from './search.service.js';

type Schema = Record<string, unknown>;

const query = (name: string, description: string, schema: Schema): Schema => ({ name, in: 'query', required: false, description, schema });

/** A facet filter: repeat the parameter (`type=visit&type=practice`) or separate values with commas; values of one filter are ORed. */
const filter = (name: string, description: string, item: Schema): Schema =>
  ({ ...query(name, `${description} Repeat the parameter or separate values with commas; any of them matches.`, { type: 'array', items: item, maxItems: MAX_FILTER_VALUES }), style: 'form', explode: true });

const pattern = (regex: RegExp): Schema => ({ type: 'string', pattern: regex.source });
const strings: Schema = { type: 'array', items: { type: 'string' } };
/** Every property listed: an answer with a field not described here fails the API test. */
const object = (properties: Record<string, Schema>, optional: string[] = []): Schema => ({
  type: 'object',
  required: Object.keys(properties).filter((key) => !optional.includes(key)),
  properties,
  additionalProperties: false,
});

const hit = object(
  {
    type: { enum: [...KNOWLEDGE_TYPES] },
    id: { type: 'string' },
    title: { type: 'string' },
    titleHtml: { type: 'string', description: 'The title, HTML-escaped, with <mark> around the matched words.' },
    url: { type: 'string', description: 'Path of the record\'s page.' },
    snippet: { type: 'string', description: 'Excerpt, HTML-escaped, with <mark> around the matched words.' },
    relatedHtml: { type: 'string', description: 'Only when query words matched names of linked records and not the record\'s own title or snippet (the practices shown on a visit, a lesson\'s visit and practices, the practice replicated): those names, HTML-escaped, with <mark> around the matched words.' },
    agencyNames: strings,
    provinceNames: strings,
    date: { type: ['string', 'null'], format: 'date-time', description: 'The record\'s own date (visit start, practice start, lesson observation), if any.' },
    topics: { ...strings, description: 'Topic names.' },
    topicCodes: strings,
    stage: { enum: [...PRACTICE_STAGES], description: 'Practices only: innovation stage.' },
    status: { enum: [...KNOWLEDGE_STATUSES] },
    lineage: { type: 'array', items: { enum: [...LINEAGE_ROLES] }, description: 'Practices in a lineage of replication only: "replicated" when a published practice was adopted from it, "replica" when it was adopted from a published one.' },
    replications: { type: 'integer', minimum: 1, description: 'Replicated practices only: how many published practices were adopted from it.' },
    contactPerson: {
      ...object({ name: { type: 'string' }, position: { type: 'string', description: 'Empty when none is recorded.' } }),
      description: 'Practices naming a contact person only: whom to contact. Email and phone are on the practice\'s page.',
    },
  },
  ['stage', 'relatedHtml', 'lineage', 'replications', 'contactPerson'],
);

const facetValues: Schema = {
  type: 'array',
  items: object({ value: { type: 'string' }, label: { type: 'string' }, count: { type: 'integer', minimum: 0 } }),
  description: 'Values with their number of hits; a selected facet counts as if it were not selected, and a value selected that no hit holds is listed with 0.',
};

export const SEARCH_DOC: OperationDoc = {
  parameters: [
    query('q', 'Search words. Typos, Indonesian affixes and common acronyms (Diskominfo, PPID, medsos …) are matched. A place named (kab solok, sumbar) puts its records first among those holding the other words; after "ke", the visits to it (studi tiru ke padang panjang); a border named, the visits across it (luar provinsi, luar daerah, luar pulau), or within the own province (dalam provinsi); whom to contact asked (narahubung, kontak), the practices naming their contact person first; practices already replicated asked for (diadopsi, ditiru), those adopted from or by another; a practice\'s stage (tahap uji coba), the practices at it first; a span of years (sejak 2023, sebelum 2022, 2020 s/d 2023, dua tahun terakhir), only the records of those years (meta.yearRange); several years named together (2021 dan 2022), the records of any of them (meta.years); a week or a month (minggu lalu, pekan ini, bulan lalu) or the days up to today (3 bulan terakhir, sebulan terakhir), only the records dated within them (meta.dayRange); a place to leave out (di luar Sumbar, selain Jawa; ke luar Sumbar: the visits to elsewhere), only the records of other places (meta.placesLeftOut); practices nobody adopted asked for (belum diadopsi, not yet replicated), only those (meta.unreplicated); the most replicated asked for (paling banyak ditiru, most replicated), sorted by how many adopted them (meta.sort replicated); non-digital innovations asked for (inovasi non digital, tidak berbasis digital), only the practices that are not digital (meta.nonDigital); a word or a quoted phrase after a dash (-malang, -"media sosial"), only the records not holding it (meta.excluded); words joined by atau, maupun or OR (podcast atau radio), the records holding any of them (meta.either). Empty: every record, newest first.', { type: 'string', maxLength: MAX_QUERY_LENGTH, default: '' }),
    filter('type', 'Record type.', { enum: [...KNOWLEDGE_TYPES] }),
    filter('province', 'Province code (two digits, e.g. 13 for Sumatera Barat).', pattern(VALUE_PATTERNS.province)),
    filter('agency', 'Agency id.', pattern(VALUE_PATTERNS.agency)),
    filter('topic', 'Topic code.', pattern(VALUE_PATTERNS.topic)),
    filter('stage', 'Innovation stage of practices.', { enum: [...PRACTICE_STAGES] }),
    filter('status', 'Publication status; drafts are only ever found by their own agencies and administrators.', { enum: [...KNOWLEDGE_STATUSES] }),
    filter('year', 'Year of the record\'s own date.', { type: 'integer', minimum: YEAR_RANGE.min, maximum: YEAR_RANGE.max }),
    query('sort', 'relevance; newest: the records matching the most words by date, newest first, those without a date last; replicated: the records matching the most words by how many published practices were adopted from them, most first, records of other kinds last.', { enum: [...SEARCH_SORTS], default: 'relevance' }),
    query('page', 'Page number.', { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 1 }),
    query('perPage', 'Hits per page.', { type: 'integer', minimum: 1, maximum: MAX_PER_PAGE, default: DEFAULT_PER_PAGE }),
  ],
  response: object({
    data: { type: 'array', items: hit },
    withoutFirstWord: {
      ...object({ word: { type: 'string', description: 'The first word, as the query spells it.' }, data: { type: 'array', items: hit } }),
      description: `When no record holds every word and the first page is not full: up to ${MAX_OTHER_WORD_HITS} records holding the words after the first, which the hits leave out. Not counted in meta.`,
    },
    meta: object(
      {
        page: { type: 'integer', minimum: 1 },
        perPage: { type: 'integer', minimum: 1 },
        total: { type: 'integer', minimum: 0, description: 'Number of hits (counted up to 1000).' },
        totalPages: { type: 'integer', minimum: 0 },
        facets: object(Object.fromEntries(FACET_NAMES.map((name) => [name, facetValues]))),
        suggestion: { type: 'string', description: 'A corrected query, when words matched only with typos. A kind\'s word or a word with synonyms typed with a typo (and held by no record as typed) has already been searched as corrected.' },
        missingWords: {
          type: 'array',
          items: { type: 'string' },
          description: 'Words of the query that no record holds, or a date it names (tahun lalu, 2024, sejak 2023, minggu lalu) that no record holds with its other words, when no record matched the whole query: the hits are those of the query without them.',
        },
        partial: {
          type: 'boolean',
          enum: [true],
          description: 'No hit holds every word searched (missingWords aside): the hits hold the first word and as many of the others as a record holds together.',
        },
        partialFrom: {
          type: 'integer',
          minimum: 0,
          description: 'When the best hit holds every word searched: the index in data of the first hit that does not. The hits from there on hold only some of the words (0: the whole page).',
        },
        placeAbsent: {
          type: 'string',
          description: 'The place the query names first (its name, e.g. "Jawa Tengah"), when no record involving it holds the other words: the hits hold them but are of other places, or only mention it.',
        },
        sort: {
          enum: [...SEARCH_SORTS],
          description: 'The order of the hits: as the sort parameter says, or as words of the query ask (terbaru, terkini: newest; paling banyak ditiru, most replicated: replicated), or newest when the query is empty or names only a kind.',
        },
        kindNamed: {
          type: 'string',
          enum: [...KNOWLEDGE_TYPES],
          description: 'The query named this kind of record and nothing else ("pelajaran", "studi banding"), years aside: the hits are all its records, newest first.',
        },
        yearRange: {
          ...object({ from: { type: 'integer' }, to: { type: 'integer' } }, ['from', 'to']),
          description: 'The span of years the query named ("sejak 2023", "sebelum 2022", "2020 sampai 2023", "dua tahun terakhir"), both ends included, an open end absent: the hits are records of those years, searched for the query\'s other words. When no such record of those years exists but records of other years do, those are the hits, the span is named as typed in missingWords, and yearRange is absent.',
        },
        years: {
          type: 'array',
          items: { type: 'string' },
          description: 'The years the query named together ("podcast 2021 dan 2022", "tahun 2022, 2023 atau 2024") that records are of: the hits are the records of any of them, searched for the query\'s other words. A year named of no such record is in missingWords; when none is, the records of other years are the hits, the years are named in missingWords as typed, and years is absent.',
        },
        dayRange: {
          ...object({ from: { type: 'string', format: 'date' }, to: { type: 'string', format: 'date' } }, ['from', 'to']),
          description: 'The week the query named ("minggu lalu", "pekan ini", "last week"), Monday to Sunday in WIB, the month ("bulan ini", "bulan lalu", "last month"), its first day to its last, or the days up to today it counted ("3 bulan terakhir", "the last 30 days"), both days included: the hits are records dated within it, searched for the query\'s other words. When none is dated within it but records of other days are, those are the hits, the week or month is named as typed in missingWords, and dayRange is absent.',
        },
        kindYears: {
          type: 'array',
          items: { type: 'string' },
          description: 'The years named beside the kind ("studi tiru 2022", "kunjungan 2022 dan 2023") that records of the kind are of: the hits are those records, of any of them, newest first; a year named of no such record is in missingWords.',
        },
        placesLeftOut: {
          ...object({ involved: { type: 'array', items: { type: 'string' } }, visited: { type: 'array', items: { type: 'string' } } }),
          description: 'The places the query asked to leave out, by name ("di luar Sumbar", "selain Jawa": involved; "ke luar Sumbar": visited): the hits are the records involving none of the first, and no visit to the second, searched for the query\'s other words.',
        },
        excluded: {
          type: 'array',
          items: { type: 'string' },
          description: 'The words and phrases the query excluded (podcast -malang; aduan -"media sosial"): no hit holds them as written. The engine matches them as written, without typos, roots or synonyms.',
        },
        nonDigital: {
          type: 'boolean',
          enum: [true],
          description: 'The query asked for non-digital innovations ("inovasi non digital", "non-digital", "tidak berbasis digital"): the hits are the practices recorded as not digital, searched for the query\'s other words.',
        },
        either: {
          type: 'array',
          items: { type: 'string' },
          description: 'The alternatives the query joined with "atau", "maupun" or "OR" ("podcast atau radio", "ppid, kim atau pid", "baik podcast maupun radio"), as typed: the hits hold any of them and the query\'s other words, ranked together. Each alternative is searched without the records the ones before it find, so the total and facet counts add up (a record holding only a typo of an earlier alternative may be counted twice; it is shown once). An alternative that no record holds with the other words is in missingWords.',
        },
        unreplicated: {
          type: 'boolean',
          enum: [true],
          description: 'The query asked for practices nobody adopted ("praktik yang belum diadopsi", "belum pernah ditiru", "not yet replicated"): the hits are the practices no other practice was adopted from, searched for the query\'s other words.',
        },
      },
      ['suggestion', 'missingWords', 'partial', 'partialFrom', 'placeAbsent', 'kindNamed', 'kindYears', 'yearRange', 'years', 'dayRange', 'placesLeftOut', 'unreplicated', 'nonDigital', 'excluded', 'either'],
    ),
  }, ['withoutFirstWord']),
};

export const SUGGEST_DOC: OperationDoc = {
  parameters: [query('q', 'What has been typed so far; fewer than 2 characters give no suggestions.', { type: 'string', maxLength: MAX_SUGGEST_QUERY_LENGTH, default: '' })],
  response: object({
    data: {
      type: 'array',
      items: object({ type: { enum: [...KNOWLEDGE_TYPES] }, typeLabel: { type: 'string' }, title: { type: 'string', description: 'Plain text.' }, url: { type: 'string' } }),
    },
  }),
};
