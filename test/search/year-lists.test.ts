import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readYearList } from '../../src/search/year-lists.js';

test('readYearList – several years named together (2021 dan 2022, tahun 2022, 2023 atau 2024) – read off with the words joining them, the rest as typed', () => {
  assert.deepEqual(readYearList('podcast 2021 dan 2022'), { q: 'podcast', years: [2021, 2022], phrase: '2021 dan 2022' });
  assert.deepEqual(readYearList('kunjungan tahun 2022, 2023 atau 2024 ke Solok'), { q: 'kunjungan ke Solok', years: [2022, 2023, 2024], phrase: 'tahun 2022, 2023 atau 2024' });
});

test('readYearList – one year, years apart, a quoted phrase – nothing read', () => {
  for (const q of ['podcast 2022', 'podcast 2021 radio 2022', '"2021 dan 2022"', 'podcast 2022 dan radio']) assert.equal(readYearList(q), null, q);
});
