import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { searchKnowledge } from '../../src/search/search.service.js';
import { createAgency, createUser, type CreatedUser } from '../helpers/factories.js';
import { createTestLesson, createTestPractice } from '../helpers/practice-factories.js';
import { signIn } from '../helpers/auth.js';
import { useSearchSuite } from './search-harness.js';

describe('searchKnowledge – practices already replicated', () => {
  const suite = useSearchSuite();
  let planner: CreatedUser;

  before(async () => {
    const padangPanjang = await createUser({ role: 'staff', agency: (await createAgency({ regionCode: '13.74' })).id });
    const bukittinggi = await createUser({ role: 'staff', agency: (await createAgency({ regionCode: '13.75' })).id });
    planner = await createUser({ role: 'planner' });
    // Written first, so that insertion order alone would list them first; none says "videotron" less often.
    await createTestPractice(bukittinggi.acting, { name: 'Videotron Alun-alun', shortDescription: 'Videotron di pusat kota untuk agenda daerah' });
    await createTestPractice(padangPanjang.acting, { name: 'Videotron Pasar Raya', shortDescription: 'Videotron di pasar untuk pengumuman harga' });
    const original = await createTestPractice(padangPanjang.acting, { name: 'Videotron Informasi Publik', shortDescription: 'Videotron dengan jadwal tayang yang diatur peraturan wali kota' });
    await createTestPractice(bukittinggi.acting, { name: 'Videotron Kota Wisata', shortDescription: 'Videotron dengan jadwal tayang yang diatur peraturan wali kota', adoptedFromId: original.id });
    await createTestLesson(bukittinggi.acting, { title: 'Videotron perlu jadwal tayang tetap' });
    await suite.h.syncNow();
  });

  // "Daerah lain" names no record (a practice saying "agenda daerah" is no more asked for); English
  // "which regions adopted" frames the question as "daerah mana yang mengadopsi" does.
  const asked = ['praktik yang ditiru daerah lain', 'videotron practices adopted by other regions', 'which regions adopted the videotron'];
  // Asked actively, in a question's opening or after the subject: who copied it.
  const copied = ['daerah mana yang sudah mengadopsi videotron', 'siapa yang meniru videotron', 'videotron mana yang direplikasi atau ditiru'];
  for (const q of ['videotron yang sudah diadopsi daerah lain', 'videotron yang ditiru', 'videotron yang pernah direplikasi', 'replicated videotron practices', 'who adopted the videotron', ...asked, ...copied]) {
    test(`searchKnowledge – "${q}" – the practice adopted and the one adopted from it first, though neither says so; the word not named missing, nor the result partial`, async () => {
      const result = await searchKnowledge(planner.acting, { q });
      assert.deepEqual(result.hits.slice(0, 2).map((hit) => hit.title).sort(), ['Videotron Informasi Publik', 'Videotron Kota Wisata'], result.hits.map((hit) => hit.title).join(' | '));
      assert.equal(result.missingWords, undefined);
      assert.equal(result.partial, undefined);
    });
  }

  test('searchKnowledge – the word denied (videotron yang belum diadopsi, belum pernah ditiru) – the practices nobody adopted, a replica among them; not the original, nor the lesson', async () => {
    const unadopted = ['Videotron Alun-alun', 'Videotron Kota Wisata', 'Videotron Pasar Raya'];
    for (const q of ['videotron yang belum diadopsi', 'videotron yang belum pernah ditiru daerah lain', 'videotron practices not yet replicated']) {
      const result = await searchKnowledge(planner.acting, { q });
      assert.deepEqual(result.hits.map((hit) => hit.title).sort(), unadopted, q);
      assert.equal(result.unreplicated, true, q);
      assert.equal(result.missingWords, undefined, q);
    }
    // A kind named alone: every practice nobody adopted, newest first; in English too, once read as Indonesian (tidak diadopsi).
    for (const q of ['praktik yang tidak direplikasi', 'practices not yet adopted']) {
      const result = await searchKnowledge(planner.acting, { q });
      assert.equal(result.kindNamed, 'practice', q);
      assert.deepEqual(result.hits.map((hit) => hit.title).sort(), unadopted, q);
    }
    // Asked for without denial, nothing is narrowed.
    assert.equal((await searchKnowledge(planner.acting, { q: 'videotron yang sudah diadopsi' })).unreplicated, undefined);
  });

  test('search page and API – practices nobody adopted asked for – the page says so; the API gives meta.unreplicated', async () => {
    const agent = suite.t.agent();
    await signIn(agent, planner.user.email, planner.password);
    const page = await agent.get('/cari').query({ q: 'videotron yang belum diadopsi' });
    assert.equal(page.status, 200);
    assert.match(page.text, /<p class="search-unreplicated">Hanya praktik yang belum diadopsi instansi lain\.<\/p>/);
    assert.doesNotMatch(page.text.replace(/<\/?mark>/g, ''), />Videotron Informasi Publik</);
    const api = await agent.get('/api/v1/search').query({ q: 'videotron yang belum diadopsi' });
    assert.equal(api.status, 200);
    assert.equal(api.body.meta.unreplicated, true);
    assert.equal((await agent.get('/api/v1/search').query({ q: 'videotron' })).body.meta.unreplicated, undefined);
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
    const agent = suite.t.agent();
    await signIn(agent, planner.user.email, planner.password);
    const res = await agent.get('/cari').query({ q: 'videotron yang ditiru' });
    assert.equal(res.status, 200);
    // Each hit's markup, found by its title (highlights taken out).
    const hits = res.text.replace(/<\/?mark>/g, '').split('<li class="search-hit">');
    const hitOf = (title: string) => hits.find((hit) => hit.includes(`>${title}</a>`)) ?? '';
    assert.match(hitOf('Videotron Informasi Publik'), /<span class="search-hit__tag">Direplikasi 1 kali<\/span>/);
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
