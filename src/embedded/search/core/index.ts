/** The search engine core: what the HTTP layer, task queue and persistence use. */
export {
  defaultSettings,
  validateSettingsPatch,
  mergeSettings,
  isSettingName,
  settingErrorCode,
  filterablePatterns,
  type Settings,
  type SettingName,
  type TypoToleranceSettings,
  type FacetingSettings,
  type FilterableAttribute,
} from './settings.js';
export { validateDocumentId, inferPrimaryKey, documentIdOf } from './document-id.js';
export { parseFilter, filterAttributes, evaluateFilter, type FilterNode } from './filter/index.js';
export { SearchIndex, type DocumentsQuery, type IndexState } from './search-index.js';
export type { SearchResponse } from './search.js';
export { validateSearchParams, type SearchParams, type MatchingStrategy } from './search-params.js';
export type { Doc } from './fields.js';
