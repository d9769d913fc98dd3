import { SearchIndex, defaultSettings, mergeSettings, validateSettingsPatch } from '../../../../src/embedded/search/core/index.js';

/** An index with primary key `id`, the given settings patch and documents. */
export function indexWith(patch: Record<string, unknown>, docs: Record<string, unknown>[]): SearchIndex {
  const index = new SearchIndex(mergeSettings(defaultSettings(), validateSettingsPatch('all', patch)), 'id');
  index.addDocuments(docs, 'replace');
  return index;
}
