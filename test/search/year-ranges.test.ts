import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readYearRange, yearRangeFilter } from '../../src/search/year-ranges.js';

const NOW = new Date('2026-11-26T10:00:00Z');

test('readYearRange – a span of years named – read off the query into its ends, the other words left as typed', () => {
  assert.deepEqual(readYearRange('Kunjungan sejak 2023', NOW), { q: 'Kunjungan', range: { from: 2023 }, phrase: 'sejak 2023' });
  assert.deepEqual(readYearRange('pelajaran sebelum tahun 2022 tentang PPID', NOW), { q: 'pelajaran tentang PPID', range: { to: 2021 }, phrase: 'sebelum tahun 2022' });
  assert.deepEqual(readYearRange('podcast setelah 2020', NOW)?.range, { from: 2021 });
  assert.deepEqual(readYearRange('podcast hingga 2022', NOW)?.range, { to: 2022 });
  // A year before "sampai" opens the span.
  assert.deepEqual(readYearRange('podcast 2020 sampai 2022', NOW), { q: 'podcast', range: { from: 2020, to: 2022 }, phrase: '2020 sampai 2022' });
  assert.deepEqual(readYearRange('sejak 2020 sampai 2023', NOW)?.range, { from: 2020, to: 2023 });
  // As reports write it: s/d (s.d.), or a dash between the years.
  assert.deepEqual(readYearRange('podcast 2020 s/d 2023', NOW), { q: 'podcast', range: { from: 2020, to: 2023 }, phrase: '2020 s/d 2023' });
  assert.deepEqual(readYearRange('podcast 2020 s.d. 2023', NOW)?.range, { from: 2020, to: 2023 });
  assert.deepEqual(readYearRange('podcast (2020–2023)', NOW), { q: 'podcast', range: { from: 2020, to: 2023 }, phrase: '(2020–2023)' });
  // Counted back from the current year (in WIB), the current one included.
  assert.deepEqual(readYearRange('inovasi dua tahun terakhir', NOW), { q: 'inovasi', range: { from: 2025, to: 2026 }, phrase: 'dua tahun terakhir' });
  assert.deepEqual(readYearRange('inovasi 3 tahun terakhir', NOW)?.range, { from: 2024, to: 2026 });
  assert.deepEqual(readYearRange('setahun terakhir', NOW), { q: '', range: { from: 2026, to: 2026 }, phrase: 'setahun terakhir' });
  assert.deepEqual(readYearRange('since 2024', NOW)?.range, { from: 2024 });
  // A year named from today (relative-dates.ts).
  assert.deepEqual(readYearRange('studi tiru sejak tahun lalu', NOW), { q: 'studi tiru', range: { from: 2025 }, phrase: 'sejak tahun lalu' });
  assert.deepEqual(readYearRange('podcast sebelum dua tahun lalu', NOW)?.range, { to: 2023 });
  // Punctuation around the year is no part of it.
  assert.deepEqual(readYearRange('studi tiru (sejak 2023),', NOW)?.range, { from: 2023 });
});

test('readYearRange – no span – null: a bound word without a year, a year alone, a relative year, a quoted phrase', () => {
  for (const q of ['mulai podcast', 'podcast 2023', 'kunjungan tahun lalu', 'sebelum tahun', '"sejak 2023"', 'dua tahun', 'terakhir 2023', '100 tahun terakhir']) {
    assert.equal(readYearRange(q, NOW), null, q);
  }
});

test('yearRangeFilter – the ends given – one clause each on the year; none without a span', () => {
  assert.deepEqual(yearRangeFilter({ from: 2020, to: 2022 }), ['year >= 2020', 'year <= 2022']);
  assert.deepEqual(yearRangeFilter({ to: 2021 }), ['year <= 2021']);
  assert.deepEqual(yearRangeFilter(undefined), []);
});
