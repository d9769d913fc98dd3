import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { searchKnowledge } from '../../src/search/search.service.js';
import { createTestPractice } from '../helpers/practice-factories.js';
import { useSearchSuite } from './search-harness.js';

describe('searchKnowledge – a word mistyped after the first ones', () => {
  const suite = useSearchSuite();

  before(async () => {
    // No record holds "layanan pengaduan" and "masyarakat" together.
    await createTestPractice(suite.staff.acting, { name: 'Layanan Pengaduan Pasar', shortDescription: 'Pedagang menyampaikan keluhan lewat loket' });
    await createTestPractice(suite.staff.acting, { name: 'Forum Warga Peduli', shortDescription: 'Pertemuan masyarakat tiap bulan di balai' });
    await suite.h.syncNow();
  });

  test('searchKnowledge – "layanan pengaduan masyrakat" – the hits of the first words, and the spelling the typo was read as suggested', async () => {
    const result = await searchKnowledge(suite.staff.acting, { q: 'layanan pengaduan masyrakat' });
    assert.equal(result.hits[0]?.title, 'Layanan Pengaduan Pasar');
    assert.equal(result.partial, true);
    assert.equal(result.suggestion, 'layanan pengaduan masyarakat');
  });

  test('searchKnowledge – every word spelled right, no record holding them together – nothing suggested', async () => {
    const result = await searchKnowledge(suite.staff.acting, { q: 'layanan pengaduan masyarakat' });
    assert.equal(result.partial, true);
    assert.equal(result.suggestion, undefined);
  });
});
