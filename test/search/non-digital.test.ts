import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { nonDigitalFilter, readNonDigital } from '../../src/search/non-digital.js';
import { searchKnowledge } from '../../src/search/search.service.js';
import { createTestLesson, createTestPractice } from '../helpers/practice-factories.js';
import { signIn } from '../helpers/auth.js';
import { useSearchSuite } from './search-harness.js';

test('readNonDigital – non digital, non-digital, nondigital, tidak berbasis digital, not digital – read off as typed, the rest searched', () => {
  assert.deepEqual(readNonDigital('inovasi Non Digital pelayanan'), { q: 'inovasi pelayanan', phrase: 'Non Digital' });
  assert.deepEqual(readNonDigital('praktik non-digital'), { q: 'praktik', phrase: 'non-digital' });
  assert.deepEqual(readNonDigital('inovasi nondigital'), { q: 'inovasi', phrase: 'nondigital' });
  assert.deepEqual(readNonDigital('inovasi yang tidak berbasis digital'), { q: 'inovasi yang', phrase: 'tidak berbasis digital' });
  assert.equal(readNonDigital('innovations that are not digital')?.q, 'innovations that are');
});

test('readNonDigital – digital alone, a denial of another word, a quoted phrase – nothing read', () => {
  for (const q of ['inovasi digital', 'literasi digital', 'tidak ada aplikasi digital', '"non digital"', 'bukan aplikasi']) assert.equal(readNonDigital(q), null, q);
});

test('nonDigitalFilter – asked – the practices not digital; not asked – nothing', () => {
  assert.deepEqual(nonDigitalFilter(true), ['type = "practice"', 'digital = false']);
  assert.deepEqual(nonDigitalFilter(undefined), []);
});

describe('searchKnowledge – non-digital innovations asked for', () => {
  const suite = useSearchSuite();

  before(async () => {
    // The digital one says "digital" in its own words, as digital practices often do.
    await createTestPractice(suite.staff.acting, { name: 'Kelas Menulis Digital', shortDescription: 'Kelas menulis berita lewat aplikasi digital', digital: true });
    await createTestPractice(suite.staff.acting, { name: 'Kelas Menulis Balai Warga', shortDescription: 'Kelas menulis berita tatap muka di balai warga', digital: false });
    await createTestLesson(suite.staff.acting, { title: 'Kelas menulis perlu pendamping', lesson: 'Kelas menulis non digital butuh pendamping tetap.' });
    await suite.h.syncNow();
  });

  test('searchKnowledge – "kelas menulis non digital", "inovasi yang tidak berbasis digital", "non-digital innovations" – the practice that is not digital only; nothing named missing', async () => {
    for (const q of ['kelas menulis non digital', 'inovasi yang tidak berbasis digital', 'non-digital innovations']) {
      const result = await searchKnowledge(suite.staff.acting, { q });
      assert.deepEqual(result.hits.map((hit) => hit.title), ['Kelas Menulis Balai Warga'], q);
      assert.equal(result.nonDigital, true, q);
      assert.equal(result.missingWords, undefined, q);
    }
    assert.equal((await searchKnowledge(suite.staff.acting, { q: 'kelas menulis digital' })).hits[0]?.title, 'Kelas Menulis Digital');
  });

  test('search page and API – non-digital asked for – the page says so; the API gives meta.nonDigital', async () => {
    const agent = suite.t.agent();
    await signIn(agent, suite.staff.user.email, suite.staff.password);
    const page = await agent.get('/cari').query({ q: 'kelas menulis non digital' });
    assert.equal(page.status, 200);
    assert.match(page.text, /<p class="search-non-digital">Hanya praktik baik non digital\.<\/p>/);
    const api = await agent.get('/api/v1/search').query({ q: 'kelas menulis non digital' });
    assert.equal(api.body.meta.nonDigital, true);
    assert.equal((await agent.get('/api/v1/search').query({ q: 'kelas menulis' })).body.meta.nonDigital, undefined);
  });
});
