import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Meilisearch } from 'meilisearch';
import { generateTenantToken } from 'meilisearch/token';
import { apiError, startTestEngine } from './helpers.js';
import type { TestEngine } from './helpers.js';

describe('embedded search tenant tokens', () => {
  let t: TestEngine;
  let searchKey: { key: string; uid: string };
  before(async () => {
    t = await startTestEngine();
    await t.client.index('docs').addDocuments([
      { id: 1, owner: 'a', title: 'laporan satu' },
      { id: 2, owner: 'b', title: 'laporan dua' },
    ]).waitTask();
    await t.client.index('docs').updateFilterableAttributes(['owner']).waitTask();
    await t.client.index('secret').addDocuments([{ id: 1, title: 'laporan rahasia' }]).waitTask();
    const { results } = await t.client.getKeys();
    const found = results.find((k) => k.name === 'Default Search API Key');
    assert.ok(found);
    searchKey = found;
  });
  after(async () => {
    await t.close();
  });

  const tokenClient = async (searchRules: Record<string, unknown> | string[], expiresAt?: Date): Promise<Meilisearch> => {
    const token = await generateTenantToken({ apiKey: searchKey.key, apiKeyUid: searchKey.uid, searchRules: searchRules as never, expiresAt });
    return new Meilisearch({ host: t.engine.url, apiKey: token });
  };

  test('tenant token – rule with a filter – every search on the index is narrowed by it', async () => {
    const client = await tokenClient({ docs: { filter: 'owner = a' } });
    const res = await client.index('docs').search('laporan');
    assert.deepEqual(res.hits.map((h) => h.id), [1]);
    const both = await client.index('docs').search('laporan', { filter: 'owner = b' });
    assert.equal(both.hits.length, 0);
    const multi = await client.multiSearch({ queries: [{ indexUid: 'docs', q: 'laporan' }] });
    assert.deepEqual(multi.results[0].hits.map((h) => h.id), [1]);
  });

  test('tenant token – index outside its rules or a write – refused with invalid_api_key', async () => {
    const client = await tokenClient(['docs']);
    assert.equal((await client.index('docs').search('laporan')).hits.length, 2);
    assert.equal((await apiError(client.index('secret').search('laporan'))).code, 'invalid_api_key');
    assert.equal((await apiError(client.index('docs').addDocuments([{ id: 3 }]))).code, 'invalid_api_key');
  });

  test('tenant token – expired or signed with another key – refused', async () => {
    const valid = await tokenClient(['*'], new Date(Date.now() + 60_000));
    assert.equal((await valid.index('docs').search('')).hits.length, 2);
    const expired = await tokenClient(['*'], new Date(Date.now() - 5_000));
    const err = await apiError(expired.index('docs').search(''));
    assert.equal(err.code, 'invalid_api_key');
    assert.match(err.message, /^Tenant token expired\. Was valid up to `\d+` and we're now `\d+`\.$/);
    const forged = await generateTenantToken({ apiKey: 'x'.repeat(64), apiKeyUid: searchKey.uid, searchRules: ['*'] });
    const forgedClient = new Meilisearch({ host: t.engine.url, apiKey: forged });
    assert.equal((await apiError(forgedClient.index('docs').search(''))).code, 'invalid_api_key');
  });
});
