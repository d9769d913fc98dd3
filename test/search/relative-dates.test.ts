import { test } from 'node:test';
import assert from 'node:assert/strict';
import { datePhraseReadAs, withRelativeDatesRead } from '../../src/search/relative-dates.js';
import { words } from '../../src/search/stemmer.js';

const NOW = new Date('2026-11-26T10:00:00Z');
const read = (q: string, now = NOW) => withRelativeDatesRead(words(q), now).join(' ');

test('withRelativeDatesRead – a year or month named from today – read as the year, or month and year, it names', () => {
  assert.equal(read('kunjungan tahun lalu'), 'kunjungan 2025');
  assert.equal(read('pelajaran tahun ini tentang podcast'), 'pelajaran 2026 tentang podcast');
  // The longest phrase first.
  assert.equal(read('studi tiru dua tahun lalu'), 'studi tiru 2024');
  assert.equal(read('studi tiru bulan lalu'), 'studi tiru oktober 2026');
  assert.equal(read('visits last year'), 'visits 2025');
  // Ahead: a visit planned is recorded with its date.
  assert.equal(read('rencana studi tiru tahun depan'), 'rencana studi tiru 2027');
  assert.equal(read('visits next year'), 'visits 2027');
  assert.equal(read('studi tiru tahun mendatang'), 'studi tiru 2027');
  assert.equal(read('laporan tahunan dinas'), 'laporan tahunan dinas');
});

test('withRelativeDatesRead – today in Western Indonesia – the new year there, though not yet in UTC; last month of January is December of the year before', () => {
  assert.equal(read('tahun ini', new Date('2026-12-31T18:00:00Z')), '2027');
  assert.equal(read('bulan lalu', new Date('2027-01-10T00:00:00Z')), 'desember 2026');
});

test('datePhraseReadAs – a word read from a phrase – where the phrase is typed; null for a word typed as it is', () => {
  assert.deepEqual(datePhraseReadAs('2026', words('pelajaran tahun ini'), NOW), { at: 1, length: 2 });
  assert.deepEqual(datePhraseReadAs('oktober', words('studi tiru bulan lalu'), NOW), { at: 2, length: 2 });
  assert.equal(datePhraseReadAs('2026', words('pelajaran 2026'), NOW), null);
});
