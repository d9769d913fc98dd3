import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { MASTER_KEY, apiError, bearer, rawRequest, startTestEngine } from './helpers.js';
import type { TestEngine } from './helpers.js';

/** Every per-setting route, with a non-default value to write through the client's own method. */
const CASES: [name: string, value: unknown, stored?: unknown][] = [
  ['searchableAttributes', ['title', 'body']],
  ['displayedAttributes', ['title', 'year']],
  ['filterableAttributes', ['genre', 'year']],
  ['sortableAttributes', ['year']],
  ['rankingRules', ['words', 'sort', 'typo', 'proximity', 'attribute', 'exactness', 'year:desc']],
  ['synonyms', { pemkot: ['pemko', 'pemerintah kota'] }],
  ['stopWords', ['yang', 'dan']],
  ['distinctAttribute', 'genre'],
  ['separatorTokens', ['|']],
  ['nonSeparatorTokens', ['@']],
  ['dictionary', ['e-gov']],
  ['proximityPrecision', 'byAttribute'],
  ['searchCutoffMs', 150],
  ['facetSearch', false],
  ['prefixSearch', 'disabled'],
  ['typoTolerance', { minWordSizeForTypos: { oneTypo: 4 } }, { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 9 }, disableOnWords: [], disableOnAttributes: [], disableOnNumbers: false }],
  ['pagination', { maxTotalHits: 50 }],
  ['faceting', { maxValuesPerFacet: 10 }, { maxValuesPerFacet: 10, sortFacetValuesBy: { '*': 'alpha' } }],
];

type TaskPromise = Promise<unknown> & { waitTask(): Promise<{ status: string; type: string; error: { code: string } | null }> };
type SettingMethods = Record<string, (value?: unknown) => TaskPromise | Promise<unknown>>;

describe('embedded search settings routes', () => {
  let t: TestEngine;
  let defaults: Record<string, unknown>;
  before(async () => {
    t = await startTestEngine();
    await t.client.createIndex('s').waitTask();
    defaults = (await t.client.index('s').getSettings()) as Record<string, unknown>;
  });
  after(async () => {
    await t.close();
  });

  test('settings – new index – defaults exactly as Meilisearch reports them', () => {
    assert.deepEqual(defaults.rankingRules, ['words', 'typo', 'proximity', 'attributeRank', 'sort', 'wordPosition', 'exactness']);
    assert.deepEqual(defaults.searchableAttributes, ['*']);
    assert.deepEqual(defaults.displayedAttributes, ['*']);
    assert.deepEqual(defaults.typoTolerance, { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 }, disableOnWords: [], disableOnAttributes: [], disableOnNumbers: false });
    assert.deepEqual(defaults.pagination, { maxTotalHits: 1000 });
    assert.deepEqual(defaults.faceting, { maxValuesPerFacet: 100, sortFacetValuesBy: { '*': 'alpha' } });
    assert.equal(defaults.distinctAttribute, null);
  });

  for (const [name, value, stored] of CASES) {
    const method = name[0].toUpperCase() + name.slice(1);
    test(`setting ${name} – update, read back, reset – per-setting route round-trips`, async () => {
      const index = t.client.index('s') as unknown as SettingMethods;
      const task = await (index[`update${method}`](value) as TaskPromise).waitTask();
      assert.equal(task.status, 'succeeded', JSON.stringify(task.error));
      assert.equal(task.type, 'settingsUpdate');
      assert.deepEqual(await index[`get${method}`](), stored ?? value);
      await (index[`reset${method}`]() as TaskPromise).waitTask();
      assert.deepEqual(await index[`get${method}`](), defaults[name]);
    });
  }

  test('settings – whole PATCH then DELETE – applies several settings and resets them all', async () => {
    const index = t.client.index('s');
    await index.updateSettings({ filterableAttributes: ['genre'], stopWords: ['di'], synonyms: { a: ['b'] } }).waitTask();
    const settings = await index.getSettings();
    assert.deepEqual(settings.filterableAttributes, ['genre']);
    assert.deepEqual(settings.stopWords, ['di']);
    await index.resetSettings().waitTask();
    assert.deepEqual(await index.getSettings(), defaults);
  });

  test('settings – unknown index – PATCH creates it while GET is 404 index_not_found', async () => {
    assert.equal((await apiError(t.client.index('later').getSettings())).code, 'index_not_found');
    const task = await t.client.index('later').updateSortableAttributes(['year']).waitTask();
    assert.equal(task.status, 'succeeded');
    assert.deepEqual(await t.client.index('later').getSortableAttributes(), ['year']);
  });

  test('settings – invalid values – synchronous 400 with invalid_settings_* and bad_request codes', async () => {
    const rules = await apiError(t.client.index('s').updateRankingRules(['nonsense']));
    assert.equal(rules.code, 'invalid_settings_ranking_rules');
    const unknown = await rawRequest(t.engine.url, { method: 'PATCH', path: '/indexes/s/settings', headers: bearer(MASTER_KEY), body: '{"notASetting": 1}' });
    assert.equal(unknown.status, 400);
    assert.equal((unknown.body as { code: string }).code, 'bad_request');
    const typed = await apiError(t.client.index('s').updateSearchableAttributes('title' as never));
    assert.equal(typed.code, 'invalid_settings_searchable_attributes');
  });

  test('chat setting – patch, read back, reset – kept apart from GET /settings', async () => {
    const index = t.client.index('s');
    const defaultsChat = await index.getChat();
    assert.equal(defaultsChat.documentTemplateMaxBytes, 400);
    const task = await index.updateChat({ description: 'Praktik baik daerah', searchParameters: { limit: 5 } }).waitTask();
    assert.equal(task.status, 'succeeded');
    const chat = await index.getChat();
    assert.equal(chat.description, 'Praktik baik daerah');
    assert.deepEqual(chat.searchParameters, { limit: 5 });
    assert.equal('chat' in (await index.getSettings()), false);
    await index.updateChat({ description: null } as never).waitTask();
    assert.equal((await index.getChat()).description, '');
  });
});
