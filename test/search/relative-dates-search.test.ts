import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { searchKnowledge } from '../../src/search/search.service.js';
import { createTestVisit } from '../helpers/knowledge-factories.js';
import { createTestLesson, createTestPractice } from '../helpers/practice-factories.js';
import { useSearchSuite } from './search-harness.js';

/** This year in Western Indonesia, as the search reads "tahun ini". */
const thisYear = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Jakarta', year: 'numeric' }).format(new Date()));

describe('searchKnowledge – a year named from today', () => {
  const suite = useSearchSuite();

  before(async () => {
    for (const year of [thisYear - 1, thisYear - 2]) {
      await createTestVisit(suite.staff.acting, { startDate: `${year}-06-15`, endDate: `${year}-06-16`, purpose: `Belajar siaran radio ${year}` });
    }
    await createTestLesson(suite.staff.acting, { title: 'Siaran radio perlu naskah', observedOn: `${thisYear - 2}-06-16` });
    // This year's only record, of another subject: the year is held, but not with "siaran radio".
    await createTestPractice(suite.staff.acting, { name: 'Mading Digital Kelurahan', shortDescription: 'Papan pengumuman digital di kantor kelurahan.', channel: 'Papan informasi kelurahan', evidence: [], startDate: `${thisYear}-01-15` });
    await suite.h.syncNow();
  });

  test('searchKnowledge – "kunjungan tahun lalu" – the visits of last year, read as that year', async () => {
    const result = await searchKnowledge(suite.staff.acting, { q: 'kunjungan tahun lalu' });
    assert.equal(result.kindNamed, 'visit');
    assert.deepEqual(result.kindYears, [String(thisYear - 1)]);
    assert.deepEqual(result.hits.map((hit) => hit.date?.getUTCFullYear()), [thisYear - 1]);
  });

  test('searchKnowledge – "pelajaran tahun ini", no lesson of this year but a practice – the phrase named missing as typed, the lessons still listed', async () => {
    const result = await searchKnowledge(suite.staff.acting, { q: 'pelajaran tahun ini' });
    assert.deepEqual(result.missingWords, ['tahun ini']);
    assert.deepEqual(result.hits.map((hit) => hit.title), ['Siaran radio perlu naskah']);
  });

  test('searchKnowledge – "siaran radio tahun lalu" – the record of last year first, nothing named missing on any page', async () => {
    const first = await searchKnowledge(suite.staff.acting, { q: 'siaran radio tahun lalu' });
    assert.equal(first.hits[0].date?.getUTCFullYear(), thisYear - 1);
    assert.equal(first.hits.length, 3, 'the other years follow');
    assert.equal(first.missingWords, undefined);
    // The second page's best lacks the year, which the first page's holds.
    const second = await searchKnowledge(suite.staff.acting, { q: 'siaran radio tahun lalu', page: 2, perPage: 1 });
    assert.notEqual(second.hits[0].date?.getUTCFullYear(), thisYear - 1);
    assert.equal(second.missingWords, undefined);
  });

  test('searchKnowledge – "siaran radio tahun ini", "siaran radio <this year>", held only by another subject – the date named missing as typed on every page, the other years listed', async () => {
    for (const [q, named] of [['siaran radio tahun ini', 'tahun ini'], [`siaran radio ${thisYear}`, String(thisYear)]]) {
      const result = await searchKnowledge(suite.staff.acting, { q });
      assert.deepEqual(result.missingWords, [named], q);
      assert.equal(result.hits.length, 3, q);
      const second = await searchKnowledge(suite.staff.acting, { q, page: 2, perPage: 1 });
      assert.deepEqual(second.missingWords, [named], `${q}, page 2`);
    }
  });

  test('searchKnowledge – "kunjungan bulan lalu", none of that month – the phrase named missing once, though read as two words', async () => {
    const result = await searchKnowledge(suite.staff.acting, { q: 'kunjungan bulan lalu' });
    assert.deepEqual(result.missingWords, ['bulan lalu']);
    assert.equal(result.hits.length, 2);
  });
});
