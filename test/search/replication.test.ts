import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { searchKnowledge } from '../../src/search/search.service.js';
import { createAgency, createUser, type CreatedUser } from '../helpers/factories.js';
import { createTestLesson, createTestPractice } from '../helpers/practice-factories.js';
import { signIn } from '../helpers/auth.js';
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

  // "Daerah lain" names no record (a practice saying "agenda daerah" is no more asked for); English
  // "which regions adopted" frames the question as "daerah mana yang mengadopsi" does.
  const asked = ['praktik yang ditiru daerah lain', 'videotron practices adopted by other regions', 'which regions adopted the videotron'];
  for (const q of ['videotron yang sudah diadopsi daerah lain', 'videotron yang ditiru', 'videotron yang pernah direplikasi', 'replicated videotron practices', 'who adopted the videotron', ...asked]) {
    test(`searchKnowledge – "${q}" – the practice adopted and the one adopted from it first, though neither says so; the word not named missing`, async () => {
      const result = await searchKnowledge(planner.acting, { q });
      assert.deepEqual(result.hits.slice(0, 2).map((hit) => hit.title).sort(), ['Videotron Informasi Publik', 'Videotron Kota Wisata'], result.hits.map((hit) => hit.title).join(' | '));
      assert.equal(result.missingWords, undefined);
    });
  }

  test('searchKnowledge – the word denied (videotron yang belum diadopsi, belum pernah ditiru) – no lineage first: listed as the subject alone', async () => {
    const titles = async (q: string): Promise<string[]> => (await searchKnowledge(planner.acting, { q })).hits.map((hit) => hit.title);
    const subject = await titles('videotron');
    assert.deepEqual(await titles('videotron yang belum diadopsi'), subject);
    assert.deepEqual(await titles('videotron yang belum pernah ditiru daerah lain'), await titles('videotron daerah lain'));
    assert.equal((await searchKnowledge(planner.acting, { q: 'praktik yang tidak direplikasi' })).kindNamed, 'practice');
    // In English too, once read as Indonesian (tidak diadopsi).
    assert.equal((await searchKnowledge(planner.acting, { q: 'practices not yet adopted' })).kindNamed, 'practice');
  });

  test('searchKnowledge – replication and a place asked together – the place first, as a qualifier of the subject weighs less than a place', async () => {
    const result = await searchKnowledge(planner.acting, { q: 'videotron yang sudah diadopsi di kota bukittinggi' });
    assert.deepEqual(result.hits.slice(0, 2).map((hit) => hit.title), ['Videotron Kota Wisata', 'Videotron Alun-alun'], result.hits.map((hit) => hit.title).join(' | '));
  });

  test('searchKnowledge – hits of a lineage – each says its place in it (replicated, replica); other hits say nothing', async () => {
    const result = await searchKnowledge(planner.acting, { q: 'videotron' });
    const lineage = Object.fromEntries(result.hits.map((hit) => [hit.title, hit.lineage]));
    assert.deepEqual(lineage, {
      'Videotron Alun-alun': undefined,
      'Videotron Pasar Raya': undefined,
      'Videotron Informasi Publik': ['replicated'],
      'Videotron Kota Wisata': ['replica'],
      'Videotron perlu jadwal tayang tetap': undefined,
    });
  });

  test('search page – hits of a lineage – tagged "Sudah direplikasi" and "Replikasi"', async () => {
    const agent = t.agent();
    await signIn(agent, planner.user.email, planner.password);
    const res = await agent.get('/cari').query({ q: 'videotron yang ditiru' });
    assert.equal(res.status, 200);
    // Each hit's markup, found by its title (highlights taken out).
    const hits = res.text.replace(/<\/?mark>/g, '').split('<li class="search-hit">');
    const hitOf = (title: string) => hits.find((hit) => hit.includes(`>${title}</a>`)) ?? '';
    assert.match(hitOf('Videotron Informasi Publik'), /<span class="search-hit__tag">Sudah direplikasi<\/span>/);
    assert.match(hitOf('Videotron Kota Wisata'), /<span class="search-hit__tag">Replikasi<\/span>/);
    const unrelated = hitOf('Videotron Pasar Raya');
    assert.ok(unrelated, 'the unrelated practice is listed');
    assert.doesNotMatch(unrelated, /Sudah direplikasi|>Replikasi</);
  });

  test('searchKnowledge – "videotron yang ditiru" among lessons, where no record is a replica – the word not named missing either', async () => {
    const result = await searchKnowledge(planner.acting, { q: 'videotron yang ditiru', type: ['lesson'] });
    assert.deepEqual(result.hits.map((hit) => hit.title), ['Videotron perlu jadwal tayang tetap']);
    assert.equal(result.missingWords, undefined);
  });
});
