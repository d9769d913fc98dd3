import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withDayDatesRead } from '../../src/search/day-dates.js';
import { words } from '../../src/search/stemmer.js';

const read = (q: string): string => withDayDatesRead(words(q)).join(' ');

test('withDayDatesRead – a date typed to the day, in words or numbers, day first or the ISO way – its month and year, "tanggal" dropped', () => {
  const cases: [typed: string, readAs: string][] = [
    ['kunjungan 31 mei 2022', 'kunjungan mei 2022'],
    ['kunjungan tanggal 31 Mei 2022', 'kunjungan mei 2022'],
    ['studi tiru 31/5/2022', 'studi tiru mei 2022'],
    ['tgl 31-05-2022 padang panjang', 'mei 2022 padang panjang'],
    ['kunjungan 2022-05-31', 'kunjungan mei 2022'],
    ['rapat 7 agustus', 'rapat agustus'],
  ];
  for (const [typed, readAs] of cases) assert.equal(read(typed), readAs, typed);
});

test('withDayDatesRead – numbers that name no date (a day past 31, a month past 12, no year), a year alone – as typed', () => {
  for (const q of ['layanan 112 2022', 'kunjungan 32 mei', 'laporan 31 13 2022', 'pekan ke 68', 'podcast 2022', 'tanggal merah', '24 jam']) assert.equal(read(q), words(q).join(' '), q);
});
