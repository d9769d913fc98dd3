import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { searchKnowledge } from '../../src/search/search.service.js';
import { createUser, type CreatedUser } from '../helpers/factories.js';
import { createTestPractice } from '../helpers/practice-factories.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { startSearchHarness, type SearchHarness } from './search-harness.js';

describe('searchKnowledge – a word mistyped after the first ones', () => {
  let t: TestApp;
  let h: SearchHarness;
  let staff: CreatedUser;

  before(async () => {
    t = await startTestApp();
    h = await startSearchHarness();
    staff = await createUser({ role: 'staff' });
    // No record holds "layanan pengaduan" and "masyarakat" together.
    await createTestPractice(staff.acting, { name: 'Layanan Pengaduan Pasar', shortDescription: 'Pedagang menyampaikan keluhan lewat loket' });
    await createTestPractice(staff.acting, { name: 'Forum Warga Peduli', shortDescription: 'Pertemuan masyarakat tiap bulan di balai' });
    await h.syncNow();
  });
  after(async () => {
    await h.stop();
    await t.stop();
  });

  test('searchKnowledge – "layanan pengaduan masyrakat" – the hits of the first words, and the spelling the typo was read as suggested', async () => {
    const result = await searchKnowledge(staff.acting, { q: 'layanan pengaduan masyrakat' });
    assert.equal(result.hits[0]?.title, 'Layanan Pengaduan Pasar');
    assert.equal(result.partial, true);
    assert.equal(result.suggestion, 'layanan pengaduan masyarakat');
  });

  test('searchKnowledge – every word spelled right, no record holding them together – nothing suggested', async () => {
    const result = await searchKnowledge(staff.acting, { q: 'layanan pengaduan masyarakat' });
    assert.equal(result.partial, true);
    assert.equal(result.suggestion, undefined);
  });
});
