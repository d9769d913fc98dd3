import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { searchKnowledge } from '../../src/search/search.service.js';
import { createTestVisit } from '../helpers/knowledge-factories.js';
import { useSearchSuite } from './search-harness.js';

describe('searchKnowledge – a month and a year named', () => {
  const suite = useSearchSuite();

  before(async () => {
    for (const [date, purpose] of [['2024-07-10', 'Belajar podcast Juli 2024'], ['2022-03-10', 'Belajar podcast Maret 2022'], ['2022-07-10', 'Belajar podcast Juli 2022']]) {
      await createTestVisit(suite.staff.acting, { startDate: date, endDate: date, purpose });
    }
    await suite.h.syncNow();
  });

  test('searchKnowledge – "kunjungan podcast juli 2022" – that month\'s visit first, then the other visits of the year, then that month of other years', async () => {
    const result = await searchKnowledge(suite.staff.acting, { q: 'kunjungan podcast juli 2022' });
    assert.deepEqual(result.hits.map((hit) => hit.date?.toISOString().slice(0, 7)), ['2022-07', '2022-03', '2024-07']);
  });

  test('searchKnowledge – a date typed to the day (kunjungan podcast 10 juli 2022, 10/7/2022) – read as its month and year: that month\'s visit first, nothing named missing', async () => {
    for (const q of ['kunjungan podcast 10 juli 2022', 'kunjungan podcast 10/7/2022', 'kunjungan podcast tanggal 2022-07-10']) {
      const result = await searchKnowledge(suite.staff.acting, { q });
      assert.deepEqual([result.hits[0]?.date?.toISOString().slice(0, 10), result.missingWords], ['2022-07-10', undefined], q);
    }
  });
});
