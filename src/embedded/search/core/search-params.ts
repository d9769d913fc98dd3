/** The search body, validated with Meilisearch's `invalid_search_*` codes and filled with its defaults. */
import { MeiliError } from '../errors.js';

export type MatchingStrategy = 'last' | 'all' | 'frequency';

export interface SearchParams {
  q: string;
  offset: number;
  limit: number;
  page: number | null;
  hitsPerPage: number | null;
  filter: unknown;
  facets: string[] | null;
  attributesToRetrieve: string[];
  attributesToSearchOn: string[] | null;
  attributesToHighlight: string[];
  highlightPreTag: string;
  highlightPostTag: string;
  attributesToCrop: string[];
  cropLength: number;
  cropMarker: string;
  showMatchesPosition: boolean;
  showRankingScore: boolean;
  showRankingScoreDetails: boolean;
  matchingStrategy: MatchingStrategy;
  sort: string[] | null;
  distinct: string | null;
  rankingScoreThreshold: number | null;
  retrieveVectors: boolean;
  showPerformanceDetails: boolean;
}

const DEFAULTS: SearchParams = {
  q: '',
  offset: 0,
  limit: 20,
  page: null,
  hitsPerPage: null,
  filter: null,
  facets: null,
  attributesToRetrieve: ['*'],
  attributesToSearchOn: null,
  attributesToHighlight: [],
  highlightPreTag: '<em>',
  highlightPostTag: '</em>',
  attributesToCrop: [],
  cropLength: 10,
  cropMarker: '…',
  showMatchesPosition: false,
  showRankingScore: false,
  showRankingScoreDetails: false,
  matchingStrategy: 'last',
  sort: null,
  distinct: null,
  rankingScoreThreshold: null,
  retrieveVectors: false,
  showPerformanceDetails: false,
};

/** Accepted but without effect here (vector search, locales, per-query federation options). */
const IGNORED = new Set(['vector', 'hybrid', 'locales', 'indexUid', 'federationOptions', 'media']);

type Kind = 'string' | 'integer' | 'boolean' | 'strings' | 'any' | 'number';

const KINDS: Record<keyof SearchParams, Kind> = {
  q: 'string',
  offset: 'integer',
  limit: 'integer',
  page: 'integer',
  hitsPerPage: 'integer',
  filter: 'any',
  facets: 'strings',
  attributesToRetrieve: 'strings',
  attributesToSearchOn: 'strings',
  attributesToHighlight: 'strings',
  highlightPreTag: 'string',
  highlightPostTag: 'string',
  attributesToCrop: 'strings',
  cropLength: 'integer',
  cropMarker: 'string',
  showMatchesPosition: 'boolean',
  showRankingScore: 'boolean',
  showRankingScoreDetails: 'boolean',
  matchingStrategy: 'string',
  sort: 'strings',
  distinct: 'string',
  rankingScoreThreshold: 'number',
  retrieveVectors: 'boolean',
  showPerformanceDetails: 'boolean',
};

const EXPECTED: Record<Kind, string> = {
  string: 'a string',
  integer: 'a positive integer',
  boolean: 'a boolean',
  strings: 'an array',
  number: 'a number',
  any: 'a value',
};

function codeFor(name: string): string {
  return `invalid_search_${name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number') return Number.isInteger(value) ? (value < 0 ? 'a negative integer' : 'a positive integer') : 'a number';
  return typeof value === 'boolean' ? 'a boolean' : 'a string';
}

function typeError(name: string, kind: Kind, value: unknown): MeiliError {
  return new MeiliError(
    codeFor(name),
    `Invalid value type at \`.${name}\`: expected ${EXPECTED[kind]}, but found ${describe(value)}: \`${JSON.stringify(value)}\``,
  );
}

function checkKind(name: string, kind: Kind, value: unknown): void {
  const ok =
    kind === 'any' ||
    (kind === 'string' && typeof value === 'string') ||
    (kind === 'integer' && typeof value === 'number' && Number.isInteger(value) && value >= 0) ||
    (kind === 'number' && typeof value === 'number' && Number.isFinite(value)) ||
    (kind === 'boolean' && typeof value === 'boolean') ||
    (kind === 'strings' && Array.isArray(value) && value.every((v) => typeof v === 'string'));
  if (ok) return;
  if (kind === 'strings' && Array.isArray(value)) {
    const i = value.findIndex((v) => typeof v !== 'string');
    throw new MeiliError(
      codeFor(name),
      `Invalid value type at \`.${name}[${i}]\`: expected a string, but found ${describe(value[i])}: \`${JSON.stringify(value[i])}\``,
    );
  }
  throw typeError(name, kind, value);
}

export function validateSearchParams(body: unknown): SearchParams {
  if (body === null || body === undefined) return { ...DEFAULTS };
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw new MeiliError('bad_request', `Invalid value type: expected an object, but found ${describe(body)}: \`${JSON.stringify(body)}\``);
  }
  const params: Record<string, unknown> = { ...DEFAULTS };
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    if (IGNORED.has(name)) continue;
    if (!(name in KINDS)) {
      throw new MeiliError('bad_request', `Unknown field \`${name}\`: expected one of ${Object.keys(KINDS).map((k) => `\`${k}\``).join(', ')}`);
    }
    if (value === null || value === undefined) continue; // null means "the default"
    checkKind(name, KINDS[name as keyof SearchParams], value);
    params[name] = value;
  }
  const result = params as unknown as SearchParams;
  if (!['last', 'all', 'frequency'].includes(result.matchingStrategy)) {
    throw new MeiliError(
      'invalid_search_matching_strategy',
      `Unknown value \`${result.matchingStrategy}\` at \`.matchingStrategy\`: expected one of \`last\`, \`all\`, \`frequency\``,
    );
  }
  if (result.rankingScoreThreshold !== null && (result.rankingScoreThreshold < 0 || result.rankingScoreThreshold > 1)) {
    throw new MeiliError(
      'invalid_search_ranking_score_threshold',
      `Invalid value at \`.rankingScoreThreshold\`: the value of \`rankingScoreThreshold\` is invalid, expected a float between \`0.0\` and \`1.0\`.`,
    );
  }
  for (const entry of result.attributesToCrop) {
    const length = entry.includes(':') ? entry.slice(entry.lastIndexOf(':') + 1) : null;
    if (length !== null && !/^\d+$/.test(length)) {
      throw new MeiliError('invalid_search_attributes_to_crop', `Invalid value at \`.attributesToCrop\`: \`${entry}\` has an invalid crop length.`);
    }
  }
  return result;
}

export interface SortCriterion {
  attribute: string;
  descending: boolean;
}

/** Parses `attr:asc` / `attr:desc` entries (the attribute itself may contain colons). */
export function parseSortCriteria(entries: readonly string[], code: string, what: 'sort' | 'rankingRules' = 'sort'): SortCriterion[] {
  return entries.map((entry) => {
    const match = /^(.+):(asc|desc)$/.exec(entry);
    if (!match) {
      throw new MeiliError(code, `Invalid syntax for the ${what} parameter: expected expression ending by \`:asc\` or \`:desc\`, found \`${entry}\`.`);
    }
    return { attribute: match[1], descending: match[2] === 'desc' };
  });
}
