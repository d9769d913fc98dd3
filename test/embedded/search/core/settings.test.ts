import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultSettings, mergeSettings, validateSettingsPatch } from '../../../../src/embedded/search/core/index.js';
import { codeOf } from './meili-error-code.js';

describe('settings', () => {
  test('defaultSettings – fresh index – equals the snapshot of the Meilisearch version meilisearch-js 0.62 targets', () => {
    assert.deepEqual(defaultSettings(), {
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
    });
  });

  test('defaultSettings – two calls – return independent objects', () => {
    const a = defaultSettings();
    a.stopWords.push('dan');
    assert.deepEqual(defaultSettings().stopWords, []);
  });

  const invalid: [string, string, unknown, string][] = [
    ['searchableAttributes', 'a string', 'title', 'invalid_settings_searchable_attributes'],
    ['filterableAttributes', 'a number', 3, 'invalid_settings_filterable_attributes'],
    ['rankingRules', 'an unknown rule', ['words', 'nope'], 'invalid_settings_ranking_rules'],
    ['synonyms', 'a list', ['a'], 'invalid_settings_synonyms'],
    ['stopWords', 'numbers in the list', [1], 'invalid_settings_stop_words'],
    ['typoTolerance', 'a boolean enabled as string', { enabled: 'yes' }, 'invalid_settings_typo_tolerance'],
    ['typoTolerance', 'an unknown field', { enabledd: true }, 'invalid_settings_typo_tolerance'],
    ['pagination', 'a negative maxTotalHits', { maxTotalHits: -1 }, 'invalid_settings_pagination'],
    ['faceting', 'an unknown sort order', { sortFacetValuesBy: { '*': 'random' } }, 'invalid_settings_faceting'],
    ['distinctAttribute', 'a number', 12, 'invalid_settings_distinct_attribute'],
    ['proximityPrecision', 'an unknown value', 'byLetter', 'invalid_settings_proximity_precision'],
  ];
  for (const [name, what, value, code] of invalid) {
    test(`validateSettingsPatch – ${name} given ${what} – throws ${code}`, () => {
      assert.equal(codeOf(() => validateSettingsPatch(name as never, value)), code);
      assert.equal(codeOf(() => validateSettingsPatch('all', { [name]: value })), code);
    });
  }

  test('validateSettingsPatch – whole object with an unknown setting – throws bad_request', () => {
    assert.equal(codeOf(() => validateSettingsPatch('all', { searchableAttribute: ['a'] })), 'bad_request');
  });

  test('validateSettingsPatch – error message – names the path and the found type', () => {
    try {
      validateSettingsPatch('all', { searchableAttributes: 'title' });
      assert.fail('expected an error');
    } catch (error) {
      assert.match((error as Error).message, /`\.searchableAttributes`: expected an array, but found a string/);
    }
  });

  test('validateSettingsPatch – custom and split attribute rules – accepted', () => {
    const rules = ['words', 'attribute', 'attributeRank', 'wordPosition', 'year:desc'];
    assert.deepEqual(validateSettingsPatch('rankingRules', rules), { rankingRules: rules });
  });

  test('mergeSettings – partial typoTolerance – keeps the other fields', () => {
    const next = mergeSettings(defaultSettings(), validateSettingsPatch('typoTolerance', { minWordSizeForTypos: { oneTypo: 4 } }));
    assert.deepEqual(next.typoTolerance, {
      enabled: true,
      minWordSizeForTypos: { oneTypo: 4, twoTypos: 9 },
      disableOnWords: [],
      disableOnAttributes: [],
      disableOnNumbers: false,
    });
  });

  test('mergeSettings – null value – resets that setting to its default', () => {
    const custom = mergeSettings(defaultSettings(), { stopWords: ['dan'], searchableAttributes: ['title'] });
    const reset = mergeSettings(custom, validateSettingsPatch('all', { stopWords: null }));
    assert.deepEqual(reset.stopWords, []);
    assert.deepEqual(reset.searchableAttributes, ['title']);
  });

  test('embedders – templated and user-provided sources – stored as Meilisearch reports them', () => {
    const patch = validateSettingsPatch('embedders', {
      hf: { source: 'huggingFace', model: 'm' },
      own: { source: 'userProvided', dimensions: 3 },
      ai: { source: 'openAi', apiKey: '<your-key>', documentTemplate: 'x', documentTemplateMaxBytes: 500 },
    });
    const merged = mergeSettings(defaultSettings(), patch);
    assert.equal((merged.embedders.hf as Record<string, unknown>).pooling, 'useModel');
    assert.equal((merged.embedders.hf as Record<string, unknown>).documentTemplateMaxBytes, 400);
    assert.deepEqual(merged.embedders.own, { source: 'userProvided', dimensions: 3 });
    assert.deepEqual(merged.embedders.ai, { source: 'openAi', apiKey: '<yoXXXXX...', documentTemplate: 'x', documentTemplateMaxBytes: 500 });
    const removed = mergeSettings(merged, validateSettingsPatch('embedders', { hf: null }));
    assert.deepEqual(Object.keys(removed.embedders).sort(), ['ai', 'own']);
  });

  test('mergeSettings – sortFacetValuesBy – merged value by value', () => {
    const next = mergeSettings(defaultSettings(), validateSettingsPatch('faceting', { sortFacetValuesBy: { genre: 'count' } }));
    assert.deepEqual(next.faceting.sortFacetValuesBy, { '*': 'alpha', genre: 'count' });
  });

  test('mergeSettings – oneTypo above twoTypos – throws invalid_settings_typo_tolerance', () => {
    const patch = validateSettingsPatch('typoTolerance', { minWordSizeForTypos: { oneTypo: 10 } });
    assert.equal(codeOf(() => mergeSettings(defaultSettings(), patch)), 'invalid_settings_typo_tolerance');
  });
});
