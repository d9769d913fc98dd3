import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDate, formatDateTime } from '../../src/http/dates.js';

describe('dates', () => {
  test('formatDate – the Solok visit day in WIB – "Selasa, 31 Mei 2022"', () => {
    assert.equal(formatDate(new Date('2022-05-31T02:00:00Z'), 'Asia/Jakarta'), 'Selasa, 31 Mei 2022');
  });

  test('formatDate – late evening UTC – already the next day in WIB', () => {
    assert.equal(formatDate('2022-07-17T18:30:00Z', 'Asia/Jakarta'), 'Senin, 18 Juli 2022');
  });

  test('formatDate – English – "Tuesday, 31 May 2022"', () => {
    assert.equal(formatDate(new Date('2022-05-31T02:00:00Z'), 'Asia/Jakarta', 'en'), 'Tuesday, 31 May 2022');
  });

  test('formatDate – one moment asked again in other zones and languages – each its own day and words', () => {
    const moment = '2022-05-31T16:30:00Z';
    for (let round = 0; round < 2; round++) {
      assert.equal(formatDate(moment, 'Asia/Jakarta'), 'Selasa, 31 Mei 2022');
      assert.equal(formatDate(moment, 'Asia/Jayapura'), 'Rabu, 1 Juni 2022');
      assert.equal(formatDate(moment, 'Asia/Jakarta', 'en'), 'Tuesday, 31 May 2022');
    }
  });

  test('formatDate – missing or invalid – empty text', () => {
    assert.equal(formatDate(null, 'Asia/Jakarta'), '');
    assert.equal(formatDate('bukan tanggal', 'Asia/Jakarta'), '');
  });

  test('formatDateTime – WIB and WITA – local time with the zone name', () => {
    assert.equal(formatDateTime('2022-05-31T07:05:00Z', 'Asia/Jakarta'), 'Selasa, 31 Mei 2022 14.05 WIB');
    assert.equal(formatDateTime('2022-05-31T07:05:00Z', 'Asia/Makassar'), 'Selasa, 31 Mei 2022 15.05 WITA');
  });

  test('formatDateTime – English, other zones – 24-hour time with a colon and the UTC offset', () => {
    assert.equal(formatDateTime('2022-05-31T07:05:00Z', 'Asia/Jayapura', 'en'), 'Tuesday, 31 May 2022 16:05 WIT');
    assert.equal(formatDateTime('2022-05-31T23:30:00Z', 'UTC', 'en'), 'Tuesday, 31 May 2022 23:30 UTC+00:00');
    assert.equal(formatDateTime('2022-01-10T00:15:00Z', 'America/St_Johns'), 'Minggu, 9 Januari 2022 20.45 UTC-03:30');
  });
});
