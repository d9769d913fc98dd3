import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { searchKnowledge } from '../../src/search/search.service.js';
import { createTestLesson, createTestPractice } from '../helpers/practice-factories.js';
import { signIn } from '../helpers/auth.js';
import { useSearchSuite } from './search-harness.js';

describe('searchKnowledge – alternatives joined (podcast atau radio)', () => {
  const suite = useSearchSuite();
  const radioOrPodcast = ['Podcast Balai Kota', 'Podcast dan Radio Bersama', 'Radio Publik Daerah', 'Radio menjangkau dusun'];

  before(async () => {
    // Texts of their own: the factory's default speaks of "siaran" and "video".
    const plain = { description: 'Dikelola bidang IKP.', channel: 'Kanal daerah', tags: ['daerah'] };
    await createTestPractice(suite.staff.acting, { ...plain, name: 'Podcast Balai Kota', shortDescription: 'Obrolan wali kota bersama warga' });
    await createTestPractice(suite.staff.acting, { ...plain, name: 'Radio Publik Daerah', shortDescription: 'Dialog interaktif milik pemerintah daerah' });
    await createTestPractice(suite.staff.acting, { ...plain, name: 'Podcast dan Radio Bersama', shortDescription: 'Rekaman diputar ulang tiap pekan' });
    await createTestPractice(suite.staff.acting, { ...plain, name: 'Videotron Alun-alun', shortDescription: 'Layar informasi di pusat kota' });
    await createTestLesson(suite.staff.acting, { title: 'Radio menjangkau dusun', lesson: 'Jangkauan sampai dusun terpencil.' });
    await suite.h.syncNow();
  });

  test('searchKnowledge – "podcast atau radio" – the records holding either, each once; the total and the facet counts of all of them', async () => {
    const result = await searchKnowledge(suite.staff.acting, { q: 'podcast atau radio' });
    assert.deepEqual(result.hits.map((hit) => hit.title).sort(), radioOrPodcast);
    assert.equal(result.totalHits, 4);
    assert.deepEqual(result.either, ['podcast', 'radio']);
    assert.deepEqual(result.facets.type.map(({ value, count }) => [value, count]), [['practice', 3], ['lesson', 1]]);
    assert.equal(result.missingWords, undefined);
    assert.equal(result.partial, undefined);
  });

  test('searchKnowledge – alternatives a page at a time – the pages hold, in turn, the hits of one long page', async () => {
    const whole = (await searchKnowledge(suite.staff.acting, { q: 'radio atau podcast', perPage: 4 })).hits.map((hit) => hit.title);
    const pages = [];
    for (let page = 1; page <= 4; page++) {
      const result = await searchKnowledge(suite.staff.acting, { q: 'radio atau podcast', perPage: 1, page });
      assert.equal(result.totalPages, 4);
      pages.push(...result.hits.map((hit) => hit.title));
    }
    assert.deepEqual(pages, whole);
  });

  test('searchKnowledge – alternatives with a kind selected – its records only; the kinds counted as if none were selected', async () => {
    const result = await searchKnowledge(suite.staff.acting, { q: 'podcast atau radio', type: ['lesson'] });
    assert.deepEqual(result.hits.map((hit) => hit.title), ['Radio menjangkau dusun']);
    assert.equal(result.totalHits, 1);
    assert.deepEqual(result.facets.type.map(({ value, count }) => [value, count]), [['practice', 3], ['lesson', 1]]);
  });

  test('searchKnowledge – an alternative no record holds – named missing; one held only by the records of one before it – not', async () => {
    const absent = await searchKnowledge(suite.staff.acting, { q: 'podcast atau baliho' });
    assert.deepEqual(absent.missingWords, ['baliho']);
    assert.deepEqual(absent.hits.map((hit) => hit.title).sort(), ['Podcast Balai Kota', 'Podcast dan Radio Bersama']);
    const within = await searchKnowledge(suite.staff.acting, { q: 'podcast atau obrolan' });
    assert.equal(within.missingWords, undefined);
    assert.equal(within.totalHits, 2);
  });

  test('searchKnowledge – alternatives beside a word no record holds – the word named missing, the alternatives still joined', async () => {
    const result = await searchKnowledge(suite.staff.acting, { q: 'podcast atau radio xqzvw' });
    assert.deepEqual(result.missingWords, ['xqzvw']);
    assert.deepEqual(result.hits.map((hit) => hit.title).sort(), radioOrPodcast);
  });

  test('search page and API – OR in capitals, atau – the API gives meta.either, suggestions as typed hold either; the page says the hits hold any of them, and names one not found', async () => {
    const agent = suite.t.agent();
    await signIn(agent, suite.staff.user.email, suite.staff.password);
    const api = await agent.get('/api/v1/search').query({ q: 'podcast OR radio' });
    assert.equal(api.status, 200);
    assert.deepEqual(api.body.meta.either, ['podcast', 'radio']);
    assert.equal(api.body.meta.total, 4);
    // As it is typed, the last alternative a prefix: the suggestions hold both kinds of record.
    const typed = await agent.get('/api/v1/search/suggest').query({ q: 'podcast atau rad' });
    assert.equal(typed.status, 200);
    const suggested = (typed.body.data as { title: string }[]).map((hit) => hit.title);
    for (const title of ['Podcast Balai Kota', 'Radio Publik Daerah']) assert.ok(suggested.includes(title), JSON.stringify(suggested));
    const page = await agent.get('/cari').query({ q: 'Podcast atau Radio' });
    assert.equal(page.status, 200);
    assert.match(page.text, /<p class="search-either">Catatan yang memuat salah satu dari: Podcast, Radio\.<\/p>/);
    // An alternative not found is named without saying that no record holds every word: any of them was asked for.
    const absent = await agent.get('/cari').query({ q: 'podcast atau baliho' });
    assert.match(absent.text, /<p class="search-missing">Tidak ditemukan: <s>baliho<\/s>\./);
  });
});
