import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { searchKnowledge } from '../../src/search/search.service.js';
import { createUser, type CreatedUser } from '../helpers/factories.js';
import { createTestVisit } from '../helpers/knowledge-factories.js';
import { createTestLesson } from '../helpers/practice-factories.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { startSearchHarness, type SearchHarness } from './search-harness.js';

/** This year in Western Indonesia, as the search reads "tahun ini". */
const thisYear = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Jakarta', year: 'numeric' }).format(new Date()));

describe('searchKnowledge – a year named from today', () => {
  let t: TestApp;
  let h: SearchHarness;
  let staff: CreatedUser;

  before(async () => {
    t = await startTestApp();
    h = await startSearchHarness();
    staff = await createUser({ role: 'staff' });
    for (const year of [thisYear - 1, thisYear - 2]) {
      await createTestVisit(staff.acting, { startDate: `${year}-06-15`, endDate: `${year}-06-16`, purpose: `Belajar siaran radio ${year}` });
    }
    await createTestLesson(staff.acting, { title: 'Siaran radio perlu naskah', observedOn: `${thisYear - 2}-06-16` });
    await h.syncNow();
  });
  after(async () => {
    await h.stop();
    await t.stop();
  });

  test('searchKnowledge – "kunjungan tahun lalu" – the visits of last year, read as that year', async () => {
    const result = await searchKnowledge(staff.acting, { q: 'kunjungan tahun lalu' });
    assert.equal(result.kindNamed, 'visit');
    assert.deepEqual(result.kindYears, [String(thisYear - 1)]);
    assert.deepEqual(result.hits.map((hit) => hit.date?.getUTCFullYear()), [thisYear - 1]);
  });

  test('searchKnowledge – "pelajaran tahun ini", none of this year – the phrase named missing as typed, the lessons still listed', async () => {
    const result = await searchKnowledge(staff.acting, { q: 'pelajaran tahun ini' });
    assert.deepEqual(result.missingWords, ['tahun ini']);
    assert.deepEqual(result.hits.map((hit) => hit.title), ['Siaran radio perlu naskah']);
  });

  test('searchKnowledge – "kunjungan bulan lalu", none of that month – the phrase named missing once, though read as two words', async () => {
    const result = await searchKnowledge(staff.acting, { q: 'kunjungan bulan lalu' });
    assert.deepEqual(result.missingWords, ['bulan lalu']);
    assert.equal(result.hits.length, 2);
  });
});
