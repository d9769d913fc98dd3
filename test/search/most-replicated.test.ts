import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readMostReplicated } from '../../src/search/most-replicated.js';
import { searchKnowledge } from '../../src/search/search.service.js';
import { createAgency, createUser, type CreatedUser } from '../helpers/factories.js';
import { createTestLesson, createTestPractice } from '../helpers/practice-factories.js';
import { signIn } from '../helpers/auth.js';
import { useSearchSuite } from './search-harness.js';

test('readMostReplicated – a count said of a replication word, either order, Indonesian or English – read off whole; the rest of the query as typed', () => {
  const cases: [string, string, string][] = [
    ['inovasi yang paling banyak ditiru', 'inovasi yang', 'paling banyak ditiru'],
    ['praktik terbanyak direplikasi di Sumbar', 'praktik di Sumbar', 'terbanyak direplikasi'],
    ['podcast yang diadopsi paling sering', 'podcast yang', 'diadopsi paling sering'],
    ['videotron paling ditiru', 'videotron', 'paling ditiru'],
    ['most replicated innovations', 'innovations', 'most replicated'],
    ['Most Adopted podcast', 'podcast', 'Most Adopted'],
    // The most popular: the records measure it by adoptions only.
    ['praktik baik terpopuler', 'praktik baik', 'terpopuler'],
    ['inovasi paling populer di Sumbar', 'inovasi di Sumbar', 'paling populer'],
    ['most popular podcast', 'podcast', 'most popular'],
  ];
  for (const [q, rest, phrase] of cases) assert.deepEqual(readMostReplicated(q), { q: rest, phrase }, q);
});

test('readMostReplicated – a count of something else, a replication word alone, a quoted phrase – nothing read', () => {
  for (const q of ['kegiatan paling banyak peserta', 'videotron yang sudah diadopsi', 'paling efektif', 'terbanyak', '"paling banyak ditiru"', 'wisata populer']) assert.equal(readMostReplicated(q), null, q);
});

describe('searchKnowledge – the most replicated practices asked for', () => {
  const suite = useSearchSuite();
  let planner: CreatedUser;

  before(async () => {
    const owner = await createUser({ role: 'staff', agency: (await createAgency({ regionCode: '13.74' })).id });
    const adopter = await createUser({ role: 'staff', agency: (await createAgency({ regionCode: '13.75' })).id });
    planner = await createUser({ role: 'planner' });
    // Written first and newest, so that neither insertion nor date alone would list them in the order asked.
    const once = await createTestPractice(owner.acting, { name: 'Podcast Balai Kota', shortDescription: 'Obrolan mingguan wali kota', startDate: '2024-01-01' });
    await createTestPractice(owner.acting, { name: 'Podcast Kampus', shortDescription: 'Podcast mahasiswa magang', startDate: '2023-01-01' });
    const twice = await createTestPractice(owner.acting, { name: 'Podcast Dinas', shortDescription: 'Podcast kehumasan dinas', startDate: '2019-01-01' });
    // A replica says it copied: as words, "ditiru" would put it first.
    await createTestPractice(adopter.acting, { name: 'Podcast Nagari', shortDescription: 'Podcast yang ditiru dari Podcast Dinas', adoptedFromId: twice.id, startDate: '2020-01-01' });
    await createTestPractice(adopter.acting, { name: 'Podcast Pasar', shortDescription: 'Podcast pedagang pasar', adoptedFromId: twice.id, startDate: '2021-01-01' });
    await createTestPractice(adopter.acting, { name: 'Podcast Sekolah', shortDescription: 'Podcast guru dan murid', adoptedFromId: once.id, startDate: '2021-06-01' });
    // A draft adopting it counts for nothing.
    await createTestPractice(adopter.acting, { name: 'Podcast Draf', shortDescription: 'Podcast uji', adoptedFromId: once.id, status: 'draft' });
    await createTestLesson(adopter.acting, { title: 'Podcast perlu jadwal tetap', observedOn: '2025-01-01' });
    await suite.h.syncNow();
  });

  test('searchKnowledge – "podcast yang paling banyak ditiru", in English too – the practices adopted by the most published ones first, then the others newest first, other kinds last; sort replicated', async () => {
    for (const q of ['podcast yang paling banyak ditiru', 'most replicated podcast']) {
      const result = await searchKnowledge(planner.acting, { q });
      assert.equal(result.sort, 'replicated', q);
      assert.deepEqual(
        result.hits.map((hit) => [hit.title, hit.replications]),
        [['Podcast Dinas', 2], ['Podcast Balai Kota', 1], ['Podcast Kampus', undefined], ['Podcast Sekolah', undefined], ['Podcast Pasar', undefined], ['Podcast Nagari', undefined], ['Podcast perlu jadwal tetap', undefined]],
        q,
      );
      assert.equal(result.missingWords, undefined, q);
      assert.equal(result.partial, undefined, q);
    }
  });

  test('searchKnowledge – the sort asked for without such words (sort replicated) – the same order', async () => {
    const result = await searchKnowledge(planner.acting, { q: 'podcast', sort: 'replicated' });
    assert.deepEqual(result.hits.slice(0, 2).map((hit) => hit.title), ['Podcast Dinas', 'Podcast Balai Kota']);
  });

  test('search page and API – sort replicated – offered in the sort list and selected; the tag says how many adopted it; the API gives the count', async () => {
    const agent = suite.t.agent();
    await signIn(agent, planner.user.email, planner.password);
    const page = await agent.get('/cari').query({ q: 'podcast paling banyak diadopsi' });
    assert.equal(page.status, 200);
    assert.match(page.text, /<option value="replicated" selected>Paling banyak direplikasi<\/option>/);
    assert.match(page.text.replace(/<\/?mark>/g, ''), /<span class="search-hit__tag">Direplikasi 2 kali<\/span>[\s\S]*?>Podcast Dinas<\/a>/);
    const api = await agent.get('/api/v1/search').query({ q: 'podcast', sort: 'replicated' });
    assert.equal(api.status, 200);
    assert.equal(api.body.meta.sort, 'replicated');
    assert.deepEqual(api.body.data.slice(0, 2).map((hit: { title: string; replications?: number }) => [hit.title, hit.replications]), [['Podcast Dinas', 2], ['Podcast Balai Kota', 1]]);
    assert.equal((await agent.get('/api/v1/search').query({ q: 'podcast', sort: 'popular' })).status, 422);
  });
});
