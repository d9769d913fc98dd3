import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { daysBack, readRecentDays } from '../../src/search/recent-days.js';
import { searchKnowledge } from '../../src/search/search.service.js';
import { createTestVisit } from '../helpers/knowledge-factories.js';
import { signIn } from '../helpers/auth.js';
import { useSearchSuite } from './search-harness.js';

describe('readRecentDays – the days up to today, counted', () => {
  // Saturday 28 November 2026, 10:00 WIB.
  const saturday = new Date('2026-11-28T03:00:00Z');

  test('readRecentDays – 3 bulan terakhir, sebulan terakhir, dua minggu terakhir, the last 30 days – today the last day, the words read off as typed', () => {
    assert.deepEqual(readRecentDays('kunjungan 3 Bulan Terakhir', saturday), { q: 'kunjungan', range: { from: '2026-08-29', to: '2026-11-28' }, phrase: '3 Bulan Terakhir' });
    assert.deepEqual(readRecentDays('pelajaran sebulan terakhir', saturday)?.range, { from: '2026-10-29', to: '2026-11-28' });
    assert.deepEqual(readRecentDays('podcast dua minggu terakhir', saturday)?.range, { from: '2026-11-15', to: '2026-11-28' });
    assert.deepEqual(readRecentDays('kunjungan seminggu belakangan ini', saturday)?.range, { from: '2026-11-22', to: '2026-11-28' });
    assert.deepEqual(readRecentDays('visits in the last 30 days', saturday), { q: 'visits in the', range: { from: '2026-10-30', to: '2026-11-28' }, phrase: 'last 30 days' });
  });

  test('daysBack – months from a day the month back lacks (31 March, one month) – from the day after that month\'s last', () => {
    assert.deepEqual(daysBack(new Date('2026-03-31T03:00:00Z'), 1, 'month'), { from: '2026-03-01', to: '2026-03-31' });
  });

  test('readRecentDays – a count without "terakhir", a span of a year or more, a quoted phrase – nothing read', () => {
    for (const q of ['kunjungan 3 bulan', 'jawab dalam 3 hari kerja', 'kunjungan 20 bulan terakhir', '"3 bulan terakhir"', 'inovasi 2 tahun terakhir']) assert.equal(readRecentDays(q, saturday), null, q);
  });
});

/** Today in WIB minus `days`, as YYYY-MM-DD. */
function daysAgo(days: number): string {
  const [year, month, day] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date()).split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day) - days * 86_400_000).toISOString().slice(0, 10);
}

describe('searchKnowledge – the days up to today, counted', () => {
  const suite = useSearchSuite();

  before(async () => {
    await createTestVisit(suite.staff.acting, { startDate: daysAgo(10), endDate: daysAgo(10), purpose: 'Belajar pengelolaan arsip foto' });
    // More than three months back from any day (92 days at most).
    await createTestVisit(suite.staff.acting, { startDate: daysAgo(100), endDate: daysAgo(100), purpose: 'Belajar siaran berita 3 hari terakhir' });
    await suite.h.syncNow();
  });

  test('searchKnowledge – "kunjungan 3 bulan terakhir" – the visit of these months only, not one saying "3 hari terakhir"; the days given', async () => {
    const result = await searchKnowledge(suite.staff.acting, { q: 'kunjungan 3 bulan terakhir' });
    assert.deepEqual(result.hits.map((hit) => hit.date?.toISOString().slice(0, 10)), [daysAgo(10)]);
    assert.equal(result.dayRange?.to, daysAgo(0));
    assert.equal((await searchKnowledge(suite.staff.acting, { q: 'kunjungan 4 bulan terakhir' })).hits.length, 2);
  });

  test('search page – the days up to today named – the page says which days', async () => {
    const agent = suite.t.agent();
    await signIn(agent, suite.staff.user.email, suite.staff.password);
    const page = await agent.get('/cari').query({ q: 'kunjungan sebulan terakhir' });
    assert.match(page.text, /<p class="search-days">Hanya catatan bertanggal \S+, \d+ \S+ \d{4} sampai \S+, \d+ \S+ \d{4}\.<\/p>/);
  });
});
