/**
 * The shapes of a search: what is asked (SearchParams), each hit shown (SearchHit) and what the
 * search answers (SearchResult), shared by the service and the readings it runs (search.service.ts).
 */
import type { ContactPerson } from './contact-person.js';
import type { KnowledgeType } from './knowledge-index.js';
import type { FacetValue } from './facet-values.js';
import type { OtherWordHits } from './other-words.js';
import type { PlacesLeftOut } from './outside-places.js';
import type { LineageRole } from './replication.js';
import type { FacetName } from './search-filters.js';
import type { DayRange } from './calendar-ranges.js';
import type { YearRange } from './year-ranges.js';
import type { SearchSort } from './search.schemas.js';

export interface SearchParams {
  q: string;
  type?: string[];
  province?: string[];
  agency?: string[];
  topic?: string[];
  stage?: string[];
  status?: string[];
  year?: number[];
  sort?: SearchSort;
  page?: number;
  perPage?: number;
  /** false: plain Meilisearch matching without the stemmed field (the eval baseline). Default true. */
  stemming?: boolean;
  /** false: no facet counts (search-as-you-type); every facet list is then empty. Default true. */
  facets?: boolean;
  /** true: the query is still being typed (search-as-you-type), its last word a prefix; see expandQuery. */
  typing?: boolean;
  /** Words searched as typed, not by their root: a typo read as an affixed word of another root (missing-words.ts). */
  asTyped?: string[];
  /** Words searched by their root alone: no record holds the form typed (pelayan, where records say pelayanan; missing-words.ts). */
  rootsOnly?: string[];
  /** Records of this kind only, whatever the type facet selects: the query named the kind and nothing else (kindNamedBy). */
  kind?: KnowledgeType;
  /** Records of these years only: the query named the span (sejak 2023) and is searched without it (year-ranges.ts). */
  yearRange?: YearRange;
  /** Records of other places only: the query named them (di luar Sumbar) and is searched without them (outside-places.ts). */
  placesLeftOut?: PlacesLeftOut;
  /** Practices nobody adopted only: the query denied a word asking for replicated ones (belum diadopsi), which its reading leaves out (denied-replication.ts). */
  unreplicated?: boolean;
  /** Records dated within these days only: the query named the week (minggu lalu) and is searched without it (calendar-ranges.ts). */
  dayRange?: DayRange;
  /** Records of any of these years only: the query named them together (podcast 2021 dan 2022), or beside a kind of record (studi tiru 2022). */
  years?: number[];
  /** Non-digital practices only: the query asked for them (inovasi non digital) and is searched without the phrase (non-digital.ts). */
  nonDigital?: boolean;
  /** Records holding none of these words or phrases: the query excluded them (-malang) and is searched without them (query-operators.ts). */
  excluded?: string[];
}

export interface SearchHit {
  type: KnowledgeType;
  id: string;
  title: string;
  /** The title with <mark> around matches; everything else escaped. */
  titleHtml: string;
  url: string;
  /** HTML: escaped text with <mark> around matches. */
  snippet: string;
  /** HTML, when query words matched names of linked records (practices shown, the visit of a lesson) and not the record's own title or snippet: escaped, with <mark> around matches. */
  relatedHtml?: string;
  agencyNames: string[];
  provinceNames: string[];
  date: Date | null;
  /** Topic names (labels); codes in topicCodes. */
  topics: string[];
  topicCodes: string[];
  stage?: string;
  status: 'draft' | 'published';
  /** Practices in a lineage of replication: adopted by another (replicated), adopted from another (replica). */
  lineage?: LineageRole[];
  /** A practice adopted by others: how many published practices adopted it. */
  replications?: number;
  /** A practice's contact person, when it names one (the page shows it when the query asks whom to contact). */
  contactPerson?: ContactPerson;
}

export interface SearchResult {
  hits: SearchHit[];
  facets: Record<FacetName, FacetValue[]>;
  page: number;
  perPage: number;
  totalHits: number;
  totalPages: number;
  /** A corrected query when words matched only through typos. */
  suggestion?: string;
  /**
   * Words of the query that no record holds, or a date named (2024, bulan lalu) that no record holds
   * with the other words: nothing matched them all, so these hits leave them out.
   */
  missingWords?: string[];
  /** The query named this kind of record and nothing else: the hits are its records, newest first. */
  kindNamed?: KnowledgeType;
  /** The years named beside the kind ("studi tiru 2022") that its records are of: the hits are those records. */
  kindYears?: string[];
  /** The span of years the query named (sejak 2023, dua tahun terakhir): the hits are records of those years. */
  yearRange?: YearRange;
  /** The places the query left out, by name (di luar Sumbar: involved; ke luar Sumbar: visited): the hits are records of other places. */
  placesLeftOut?: { involved: string[]; visited: string[] };
  /** The query asked for practices nobody adopted (belum diadopsi): the hits are those practices. */
  unreplicated?: true;
  /** The query asked for non-digital innovations (inovasi non digital): the hits are the practices that are not digital. */
  nonDigital?: true;
  /** The week the query named (minggu lalu, pekan ini), its days: the hits are records dated within them. */
  dayRange?: DayRange;
  /** The words and phrases the query excluded (-malang): no hit holds them. */
  excluded?: string[];
  /** The alternatives the query joined (podcast atau radio), as typed: the hits hold any of them (either-words.ts). */
  either?: string[];
  /** The years the query named together (podcast 2021 dan 2022) that hits are of: the hits are records of any of them. */
  years?: string[];
  /** The order of the hits: as `sort` says or the query asks (terbaru, paling banyak ditiru); newest when the query is empty or names only a kind. */
  sort: SearchSort;
  /** No hit holds every word typed, by root (words-held.ts): some word may be one that no record holds. */
  partial?: true;
  /**
   * Some hits holding every word typed, the index in `hits` of the first that does not: the engine
   * lists the records holding fewer words after them (0 on a later page of those only).
   */
  partialFrom?: number;
  /** The place named first (its readable name) that no record holding the other words involves: the hits are of other places, or only mention it. */
  placeAbsent?: string;
  /** The years and months of the engine query (asked after the subject and the places) that the best hit of all lacks. */
  datesLeftOut?: string[];
  /** Records holding the query's words but its first, shown apart when no record holds them all (other-words.ts). */
  withoutFirstWord?: OtherWordHits;
}
