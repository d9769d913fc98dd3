/**
 * The knowledge index's facets beyond 200 values: the engine keeps the values with the most
 * records, the ones the page and the API list first, not the alphabetically first ids.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { knowledgeIndexSettings } from '../../src/search/knowledge-index.js';
import { indexWith } from '../embedded/search/core/index-with.js';

describe('knowledge index – facet with more values than it lists', () => {
  test('250 agencies – the agency with the most records is listed though its id sorts last', () => {
    const { faceting } = knowledgeIndexSettings();
    const docs = Array.from({ length: 250 }, (_, i) => ({ id: i, title: 'siaran', agencyIds: [`a${String(i).padStart(3, '0')}`] }));
    docs.push(...[250, 251, 252].map((id) => ({ id, title: 'siaran', agencyIds: ['zz-terbanyak'] })));
    const index = indexWith({ filterableAttributes: ['agencyIds'], faceting }, docs);
    const agencies = index.search({ q: 'siaran', facets: ['agencyIds'] }).facetDistribution?.agencyIds ?? {};
    assert.equal(Object.keys(agencies).length, 200);
    assert.equal(agencies['zz-terbanyak'], 3);
  });
});
