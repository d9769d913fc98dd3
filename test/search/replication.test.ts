import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { searchKnowledge } from '../../src/search/search.service.js';
import { createAgency, createUser, type CreatedUser } from '../helpers/factories.js';
import { createTestLesson, createTestPractice } from '../helpers/practice-factories.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { startSearchHarness, type SearchHarness } from './search-harness.js';

describe('searchKnowledge – practices already replicated', () => {
  let t: TestApp;
  let h: SearchHarness;
  let planner: CreatedUser;

  before(async () => {
    t = await startTestApp();
    h = await startSearchHarness();
    const padangPanjang = await createUser({ role: 'staff', agency: (await createAgency({ regionCode: '13.74' })).id });
    const bukittinggi = await createUser({ role: 'staff', agency: (await createAgency({ regionCode: '13.75' })).id });
    planner = await createUser({ role: 'planner' });
    // Written first, so that insertion order alone would list them first; none says "videotron" less often.
    await createTestPractice(bukittinggi.acting, { name: 'Videotron Alun-alun', shortDescription: 'Videotron di pusat kota untuk agenda daerah' });
    await createTestPractice(padangPanjang.acting, { name: 'Videotron Pasar Raya', shortDescription: 'Videotron di pasar untuk pengumuman harga' });
    const original = await createTestPractice(padangPanjang.acting, { name: 'Videotron Informasi Publik', shortDescription: 'Videotron dengan jadwal tayang yang diatur peraturan wali kota' });
    await createTestPractice(bukittinggi.acting, { name: 'Videotron Kota Wisata', shortDescription: 'Videotron dengan jadwal tayang yang diatur peraturan wali kota', adoptedFromId: original.id });
    await createTestLesson(bukittinggi.acting, { title: 'Videotron perlu jadwal tayang tetap' });
    await h.syncNow();
  });
  after(async () => {
    await h.stop();
    await t.stop();
  });

  for (const q of ['videotron yang sudah diadopsi daerah lain', 'videotron yang ditiru', 'videotron yang pernah direplikasi']) {
    test(`searchKnowledge – "${q}" – the practice adopted and the one adopted from it first, though neither says so; the word not named missing`, async () => {
      const result = await searchKnowledge(planner.acting, { q });
      assert.deepEqual(result.hits.slice(0, 2).map((hit) => hit.title).sort(), ['Videotron Informasi Publik', 'Videotron Kota Wisata'], result.hits.map((hit) => hit.title).join(' | '));
      assert.equal(result.missingWords, undefined);
    });
  }

  test('searchKnowledge – "videotron yang ditiru" among lessons, where no record is a replica – the word not named missing either', async () => {
    const result = await searchKnowledge(planner.acting, { q: 'videotron yang ditiru', type: ['lesson'] });
    assert.deepEqual(result.hits.map((hit) => hit.title), ['Videotron perlu jadwal tayang tetap']);
    assert.equal(result.missingWords, undefined);
  });
});
