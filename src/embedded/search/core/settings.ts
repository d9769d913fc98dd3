/**
 * Index settings: their defaults exactly as Meilisearch v1.x reports them, validation of a patch
 * (whole settings object or one per-setting route) with Meilisearch's `invalid_settings_*` codes,
 * and merging where `null` resets a setting to its default.
 */
import { MeiliError } from '../errors.js';

export interface TypoToleranceSettings {
  enabled: boolean;
  minWordSizeForTypos: { oneTypo: number; twoTypos: number };
  disableOnWords: string[];
  disableOnAttributes: string[];
  disableOnNumbers: boolean;
}

export interface FacetingSettings {
  maxValuesPerFacet: number;
  sortFacetValuesBy: Record<string, 'alpha' | 'count'>;
}

/** A filterable attribute: a name/pattern, or Meilisearch 1.14's granular object form. */
export type FilterableAttribute = string | { attributePatterns: string[]; features?: unknown };

export interface Settings {
  displayedAttributes: string[];
  searchableAttributes: string[];
  filterableAttributes: FilterableAttribute[];
  sortableAttributes: string[];
  rankingRules: string[];
  stopWords: string[];
  nonSeparatorTokens: string[];
  separatorTokens: string[];
  dictionary: string[];
  synonyms: Record<string, string[]>;
  distinctAttribute: string | null;
  proximityPrecision: 'byWord' | 'byAttribute';
  typoTolerance: TypoToleranceSettings;
  faceting: FacetingSettings;
  pagination: { maxTotalHits: number };
  searchCutoffMs: number | null;
  localizedAttributes: unknown[] | null;
  facetSearch: boolean;
  prefixSearch: 'indexingTime' | 'disabled';
  embedders: Record<string, unknown>;
}

export type SettingName = keyof Settings;

/**
 * The defaults of the Meilisearch version that the pinned client (meilisearch-js 0.62) targets, as
 * its own test snapshots record them: `attribute` is split into `attributeRank` and `wordPosition`,
 * and typo tolerance has `disableOnNumbers`.
 */
export function defaultSettings(): Settings {
  return {
    displayedAttributes: ['*'],
    searchableAttributes: ['*'],
    filterableAttributes: [],
    sortableAttributes: [],
    rankingRules: ['words', 'typo', 'proximity', 'attributeRank', 'sort', 'wordPosition', 'exactness'],
    stopWords: [],
    nonSeparatorTokens: [],
    separatorTokens: [],
    dictionary: [],
    synonyms: {},
    distinctAttribute: null,
    proximityPrecision: 'byWord',
    typoTolerance: {
      enabled: true,
      minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
      disableOnWords: [],
      disableOnAttributes: [],
      disableOnNumbers: false,
    },
    faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { '*': 'alpha' } },
    pagination: { maxTotalHits: 1000 },
    searchCutoffMs: null,
    localizedAttributes: null,
    facetSearch: true,
    prefixSearch: 'indexingTime',
    embedders: {},
  };
}

const SETTING_NAMES = Object.keys(defaultSettings()) as SettingName[];
const BUILT_IN_RULES = new Set(['words', 'typo', 'proximity', 'attribute', 'attributeRank', 'wordPosition', 'sort', 'exactness']);
const CUSTOM_RULE = /^(.+):(asc|desc)$/;

export function isSettingName(name: string): name is SettingName {
  return (SETTING_NAMES as string[]).includes(name);
}

/** `searchableAttributes` → `invalid_settings_searchable_attributes`. */
export function settingErrorCode(name: SettingName): string {
  return `invalid_settings_${name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number') return Number.isInteger(value) ? 'a positive integer' : 'a number';
  if (typeof value === 'boolean') return 'a boolean';
  return 'a string';
}

/** Validates one setting's value; the context keeps paths and codes Meilisearch-like. */
class SettingValidator {
  constructor(
    private readonly name: SettingName,
    private readonly prefix: string,
  ) {}

  fail(path: string, message: string): never {
    const at = `${this.prefix}${path}`;
    throw new MeiliError(settingErrorCode(this.name), `Invalid value${at ? ` at \`${at}\`` : ''}: ${message}`);
  }

  typeError(path: string, expected: string, value: unknown): never {
    const at = `${this.prefix}${path}`;
    throw new MeiliError(
      settingErrorCode(this.name),
      `Invalid value type${at ? ` at \`${at}\`` : ''}: expected ${expected}, but found ${describe(value)}: \`${JSON.stringify(value)}\``,
    );
  }

  stringArray(value: unknown, path = ''): string[] {
    if (!Array.isArray(value)) this.typeError(path, 'an array', value);
    value.forEach((item, i) => {
      if (typeof item !== 'string') this.typeError(`${path}[${i}]`, 'a string', item);
    });
    return [...(value as string[])];
  }

  object(value: unknown, path = ''): Record<string, unknown> {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) this.typeError(path, 'an object', value);
    return value as Record<string, unknown>;
  }

  knownKeys(obj: Record<string, unknown>, allowed: string[], path = ''): void {
    for (const key of Object.keys(obj)) {
      if (!allowed.includes(key)) {
        const at = `${this.prefix}${path}`;
        throw new MeiliError(
          settingErrorCode(this.name),
          `Unknown field \`${key}\`${at ? ` inside \`${at}\`` : ''}: expected one of ${allowed.map((k) => `\`${k}\``).join(', ')}`,
        );
      }
    }
  }

  integer(value: unknown, path: string, min = 0): number {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min) this.typeError(path, 'a positive integer', value);
    return value as number;
  }

  boolean(value: unknown, path: string): boolean {
    if (typeof value !== 'boolean') this.typeError(path, 'a boolean', value);
    return value as boolean;
  }
}

function validateRankingRules(v: SettingValidator, value: unknown): string[] {
  const rules = v.stringArray(value);
  rules.forEach((rule, i) => {
    if (!BUILT_IN_RULES.has(rule) && !CUSTOM_RULE.test(rule)) {
      v.fail(
        `[${i}]`,
        `\`${rule}\` ranking rule is invalid. Valid ranking rules are words, typo, sort, proximity, attribute, attributeRank, wordPosition, exactness and custom ranking rules.`,
      );
    }
  });
  return rules;
}

function validateTypoTolerance(v: SettingValidator, value: unknown): Partial<TypoToleranceSettings> {
  const obj = v.object(value);
  v.knownKeys(obj, ['enabled', 'minWordSizeForTypos', 'disableOnWords', 'disableOnAttributes', 'disableOnNumbers']);
  const out: Record<string, unknown> = {};
  if (obj.enabled !== undefined && obj.enabled !== null) out.enabled = v.boolean(obj.enabled, '.enabled');
  if (obj.disableOnNumbers !== undefined && obj.disableOnNumbers !== null) out.disableOnNumbers = v.boolean(obj.disableOnNumbers, '.disableOnNumbers');
  if (obj.disableOnWords !== undefined && obj.disableOnWords !== null) out.disableOnWords = v.stringArray(obj.disableOnWords, '.disableOnWords');
  if (obj.disableOnAttributes !== undefined && obj.disableOnAttributes !== null) {
    out.disableOnAttributes = v.stringArray(obj.disableOnAttributes, '.disableOnAttributes');
  }
  if (obj.minWordSizeForTypos !== undefined && obj.minWordSizeForTypos !== null) {
    const sizes = v.object(obj.minWordSizeForTypos, '.minWordSizeForTypos');
    v.knownKeys(sizes, ['oneTypo', 'twoTypos'], '.minWordSizeForTypos');
    const one = sizes.oneTypo ?? null;
    const two = sizes.twoTypos ?? null;
    const checked: Record<string, number> = {};
    if (one !== null) checked.oneTypo = v.integer(one, '.minWordSizeForTypos.oneTypo');
    if (two !== null) checked.twoTypos = v.integer(two, '.minWordSizeForTypos.twoTypos');
    out.minWordSizeForTypos = checked;
  }
  return out as Partial<TypoToleranceSettings>;
}

function validateFaceting(v: SettingValidator, value: unknown): Partial<FacetingSettings> {
  const obj = v.object(value);
  v.knownKeys(obj, ['maxValuesPerFacet', 'sortFacetValuesBy']);
  const out: Partial<FacetingSettings> = {};
  if (obj.maxValuesPerFacet !== undefined && obj.maxValuesPerFacet !== null) {
    out.maxValuesPerFacet = v.integer(obj.maxValuesPerFacet, '.maxValuesPerFacet');
  }
  if (obj.sortFacetValuesBy !== undefined && obj.sortFacetValuesBy !== null) {
    const order = v.object(obj.sortFacetValuesBy, '.sortFacetValuesBy');
    for (const [field, how] of Object.entries(order)) {
      if (how !== 'alpha' && how !== 'count') {
        v.fail(`.sortFacetValuesBy.${field}`, `Unknown value \`${String(how)}\`, expected one of \`alpha\`, \`count\``);
      }
    }
    out.sortFacetValuesBy = order as Record<string, 'alpha' | 'count'>;
  }
  return out;
}

function validateFilterable(v: SettingValidator, value: unknown): FilterableAttribute[] {
  if (!Array.isArray(value)) v.typeError('', 'an array', value);
  return (value as unknown[]).map((item, i) => {
    if (typeof item === 'string') return item;
    const obj = v.object(item, `[${i}]`);
    v.knownKeys(obj, ['attributePatterns', 'features'], `[${i}]`);
    return { attributePatterns: v.stringArray(obj.attributePatterns, `[${i}].attributePatterns`), features: obj.features };
  });
}

function validateSynonyms(v: SettingValidator, value: unknown): Record<string, string[]> {
  const obj = v.object(value);
  const out: Record<string, string[]> = {};
  for (const [key, list] of Object.entries(obj)) out[key] = v.stringArray(list, `.${key}`);
  return out;
}

/** Meilisearch's documented defaults of an embedder, filled in as it reports them. */
const DOCUMENT_TEMPLATE =
  '{% for field in fields %}{% if field.is_searchable and field.value != nil %}{{ field.name }}: {{ field.value }}\n{% endif %}{% endfor %}';

const TEMPLATED_SOURCES = new Set(['huggingFace', 'openAi', 'ollama', 'rest']);

/**
 * Embedder settings are stored and reported as Meilisearch does (defaults of templated sources
 * filled in, API keys masked) but no embedding is computed here: this engine downloads no model
 * (see RANKING.md).
 */
function validateEmbedders(v: SettingValidator, value: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, config] of Object.entries(v.object(value))) {
    if (config === null) {
      out[name] = null;
      continue;
    }
    const entry: Record<string, unknown> = { ...v.object(config, `.${name}`) };
    if (TEMPLATED_SOURCES.has(String(entry.source))) {
      entry.documentTemplate ??= DOCUMENT_TEMPLATE;
      entry.documentTemplateMaxBytes ??= 400;
    }
    if (entry.source === 'huggingFace') entry.pooling ??= 'useModel';
    if (typeof entry.apiKey === 'string') entry.apiKey = `${entry.apiKey.slice(0, 3)}XXXXX...`;
    out[name] = entry;
  }
  return out;
}

function validateOne(name: SettingName, value: unknown, prefix: string): unknown {
  const v = new SettingValidator(name, prefix);
  switch (name) {
    case 'displayedAttributes':
    case 'searchableAttributes':
    case 'sortableAttributes':
    case 'stopWords':
    case 'nonSeparatorTokens':
    case 'separatorTokens':
    case 'dictionary':
      return v.stringArray(value);
    case 'filterableAttributes':
      return validateFilterable(v, value);
    case 'rankingRules':
      return validateRankingRules(v, value);
    case 'synonyms':
      return validateSynonyms(v, value);
    case 'distinctAttribute':
      if (typeof value !== 'string') v.typeError('', 'a string', value);
      return value;
    case 'proximityPrecision':
      if (value !== 'byWord' && value !== 'byAttribute') v.fail('', `Unknown value \`${String(value)}\`, expected one of \`byWord\`, \`byAttribute\``);
      return value;
    case 'typoTolerance':
      return validateTypoTolerance(v, value);
    case 'faceting':
      return validateFaceting(v, value);
    case 'pagination': {
      const obj = v.object(value);
      v.knownKeys(obj, ['maxTotalHits']);
      return obj.maxTotalHits === undefined || obj.maxTotalHits === null ? {} : { maxTotalHits: v.integer(obj.maxTotalHits, '.maxTotalHits') };
    }
    case 'searchCutoffMs':
      return v.integer(value, '');
    case 'localizedAttributes':
      if (!Array.isArray(value)) v.typeError('', 'an array', value);
      return value;
    case 'facetSearch':
      return v.boolean(value, '');
    case 'prefixSearch':
      if (value !== 'indexingTime' && value !== 'disabled') v.fail('', `Unknown value \`${String(value)}\`, expected one of \`indexingTime\`, \`disabled\``);
      return value;
    case 'embedders':
      return validateEmbedders(v, value);
  }
}

/**
 * Validates a settings patch. `name` is one setting (the per-setting routes) or 'all' (PATCH
 * /settings). `null` is kept: it means "reset to default" for mergeSettings.
 */
export function validateSettingsPatch(name: SettingName | 'all', value: unknown): Partial<Settings> {
  if (name !== 'all') {
    return { [name]: value === null ? null : validateOne(name, value, '') } as Partial<Settings>;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new MeiliError('bad_request', `Invalid value type: expected an object, but found ${describe(value)}: \`${JSON.stringify(value)}\``);
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (!isSettingName(key)) {
      throw new MeiliError('bad_request', `Unknown field \`${key}\`: expected one of ${SETTING_NAMES.map((k) => `\`${k}\``).join(', ')}`);
    }
    out[key] = item === null ? null : validateOne(key, item, `.${key}`);
  }
  return out as Partial<Settings>;
}

type Nested = Record<string, unknown>;

/** Merges a nested object patch field by field; `null` fields reset to the default's field. */
function mergeNested(current: Nested, patch: Nested, defaults: Nested): Nested {
  const out: Nested = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (value === null) out[key] = structuredClone(defaults[key]);
    else if (typeof value === 'object' && !Array.isArray(value) && typeof defaults[key] === 'object' && defaults[key] !== null) {
      out[key] = mergeNested(current[key] as Nested, value as Nested, defaults[key] as Nested);
    } else out[key] = value;
  }
  return out;
}

/** Applies a validated patch; a `null` value resets that setting to its default. */
export function mergeSettings(current: Settings, patch: Partial<Settings>): Settings {
  const defaults = defaultSettings();
  const next = structuredClone(current) as unknown as Nested;
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || !isSettingName(key)) continue;
    const def = defaults[key] as unknown;
    if (value === null) next[key] = def;
    else if (key === 'typoTolerance' || key === 'faceting' || key === 'pagination') {
      next[key] = mergeNested(next[key] as Nested, value as Nested, def as Nested);
    } else if (key === 'embedders') {
      // Per embedder: a new configuration replaces the old one, null removes it.
      const embedders = { ...(next[key] as Nested), ...(value as Nested) };
      next[key] = Object.fromEntries(Object.entries(embedders).filter(([, config]) => config !== null));
    } else next[key] = structuredClone(value);
  }
  const merged = next as unknown as Settings;
  const sizes = merged.typoTolerance.minWordSizeForTypos;
  if (sizes.oneTypo > sizes.twoTypos || sizes.twoTypos > 255) {
    throw new MeiliError(
      'invalid_settings_typo_tolerance',
      `\`minWordSizeForTypos\` setting is invalid. \`oneTypo\` and \`twoTypos\` fields should be between \`0\` and \`255\`, and \`twoTypos\` should be greater or equals to \`oneTypo\` but found \`oneTypo: ${sizes.oneTypo}\` and twoTypos: ${sizes.twoTypos}\`.`,
    );
  }
  return merged;
}

/** The attribute patterns of filterableAttributes, whatever form each entry takes. */
export function filterablePatterns(settings: Settings): string[] {
  return settings.filterableAttributes.flatMap((entry) => (typeof entry === 'string' ? [entry] : entry.attributePatterns));
}

/** Meilisearch's attribute patterns: `*`, exact names, `prefix*`/`*suffix`, and parents of nested fields. */
export function matchesAttributePattern(pattern: string, field: string): boolean {
  if (pattern === '*' || pattern === field || field.startsWith(`${pattern}.`)) return true;
  if (!pattern.includes('*')) return false;
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(field);
}

export function matchesAnyPattern(patterns: string[], field: string): boolean {
  return patterns.some((p) => matchesAttributePattern(p, field));
}
