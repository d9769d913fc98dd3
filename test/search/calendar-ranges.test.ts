import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dayRangeFilter, readMonthRange, readWeekRange } from '../../src/search/calendar-ranges.js';
import { readUpcomingDays } from '../../src/search/upcoming-days.js';
import { searchKnowledge } from '../../src/search/search.service.js';
import { createTestVisit } from '../helpers/knowledge-factories.js';
import { createTestLesson, createTestPractice } from '../helpers/practice-factories.js';
import { signIn } from '../helpers/auth.js';
import { useSearchSuite } from './search-harness.js';

describe('readWeekRange – a week named from today', () => {
  // Saturday 28 November 2026, 10:00 WIB.
  const saturday = new Date('2026-11-28T03:00:00Z');

  test('readWeekRange – minggu lalu, pekan ini, last week – Monday to Sunday in WIB, the words read off as typed', () => {
    assert.deepEqual(readWeekRange('kunjungan Minggu Lalu', saturday), { q: 'kunjungan', range: { from: '2026-11-16', to: '2026-11-22' }, phrase: 'Minggu Lalu' });
    assert.deepEqual(readWeekRange('studi tiru pekan ini', saturday)?.range, { from: '2026-11-23', to: '2026-11-29' });
    assert.deepEqual(readWeekRange('visits last week', saturday)?.range, { from: '2026-11-16', to: '2026-11-22' });
    assert.equal(readWeekRange('podcast minggu yang lalu', saturday)?.q, 'podcast');
  });

  test('readWeekRange, readMonthRange – minggu depan, bulan depan, next month – the coming week or month (a planned visit carries its date)', () => {
    assert.deepEqual(readWeekRange('kunjungan minggu depan', saturday), { q: 'kunjungan', range: { from: '2026-11-30', to: '2026-12-06' }, phrase: 'minggu depan' });
    assert.deepEqual(readWeekRange('studi tiru pekan depan', saturday)?.range, { from: '2026-11-30', to: '2026-12-06' });
    assert.deepEqual(readMonthRange('kunjungan bulan depan', saturday)?.range, { from: '2026-12-01', to: '2026-12-31' });
    assert.deepEqual(readMonthRange('visits next month', new Date('2026-12-10T03:00:00Z'))?.range, { from: '2027-01-01', to: '2027-01-31' });
    assert.equal(readMonthRange('kunjungan bulan yang akan datang', saturday)?.q, 'kunjungan');
  });

  test('readUpcomingDays – mendatang, yang akan datang, upcoming – today to a year ahead in WIB, the words read off as typed; after a period\'s word, none', () => {
    assert.deepEqual(readUpcomingDays('kunjungan mendatang', saturday), { q: 'kunjungan', range: { from: '2026-11-28', to: '2027-11-28' }, phrase: 'mendatang' });
    assert.equal(readUpcomingDays('studi tiru yang akan datang', saturday)?.phrase, 'yang akan datang');
    assert.deepEqual(readUpcomingDays('upcoming visits', saturday)?.range, { from: '2026-11-28', to: '2027-11-28' });
    for (const q of ['kunjungan tahun mendatang', 'studi tiru tahun yang akan datang', 'pekan mendatang', '"kunjungan mendatang"', 'kedatangan tamu']) assert.equal(readUpcomingDays(q, saturday), null, q);
  });

  test('readWeekRange – the first hours of a Monday in WIB, still Sunday in UTC – the new week', () => {
    assert.deepEqual(readWeekRange('minggu ini', new Date('2026-11-29T18:00:00Z'))?.range, { from: '2026-11-30', to: '2026-12-06' });
  });

  test('readWeekRange – "minggu" alone, a weekly programme, a quoted phrase – no week', () => {
    for (const q of ['hari minggu', 'siaran mingguan', '"minggu lalu"', 'minggu']) assert.equal(readWeekRange(q, saturday), null, q);
  });

  test('readMonthRange – bulan ini, bulan lalu, last month – the first day to the last in WIB, the words read off as typed', () => {
    assert.deepEqual(readMonthRange('pelajaran Bulan Lalu', saturday), { q: 'pelajaran', range: { from: '2026-10-01', to: '2026-10-31' }, phrase: 'Bulan Lalu' });
    assert.deepEqual(readMonthRange('kunjungan bulan ini', saturday)?.range, { from: '2026-11-01', to: '2026-11-30' });
    assert.deepEqual(readMonthRange('visits last month', new Date('2027-01-10T03:00:00Z'))?.range, { from: '2026-12-01', to: '2026-12-31' });
    // 1 March, 05:00 WIB: still February in UTC.
    assert.deepEqual(readMonthRange('bulan ini', new Date('2028-02-29T22:00:00Z'))?.range, { from: '2028-03-01', to: '2028-03-31' });
    for (const q of ['laporan bulanan', 'bulan', '"bulan lalu"', '3 bulan terakhir']) assert.equal(readMonthRange(q, saturday), null, q);
  });

  test('dayRangeFilter – the days – from the first day\'s midnight UTC, as record dates are kept, to the day after the last', () => {
    assert.deepEqual(dayRangeFilter({ from: '2026-11-16', to: '2026-11-22' }), [`date >= ${Date.UTC(2026, 10, 16)}`, `date < ${Date.UTC(2026, 10, 23)}`]);
    assert.deepEqual(dayRangeFilter(undefined), []);
  });
});

/** Today in WIB, as the search reads "minggu ini" and "bulan ini": year, month (1–12), day. */
const todayInWib = (): number[] => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date()).split('-').map(Number);

/** The Monday of the current week in WIB plus `days`, as YYYY-MM-DD. */
function dayOfThisWeek(days: number): string {
  const [year, month, day] = todayInWib();
  const midnight = Date.UTC(year, month - 1, day);
  const monday = midnight - ((new Date(midnight).getUTCDay() + 6) % 7) * 86_400_000;
  return new Date(monday + days * 86_400_000).toISOString().slice(0, 10);
}

/** The `day` of the month `months` from the current one in WIB, as YYYY-MM-DD. */
function dayOfMonth(months: number, day: number): string {
  const [year, month] = todayInWib();
  return new Date(Date.UTC(year, month - 1 + months, day)).toISOString().slice(0, 10);
}

describe('searchKnowledge – a week or a month named from today', () => {
  const suite = useSearchSuite();

  before(async () => {
    // Last week's Wednesday, and the week before's; a weekly programme says "mingguan" (root minggu).
    await createTestVisit(suite.staff.acting, { startDate: dayOfThisWeek(-5), endDate: dayOfThisWeek(-5), purpose: 'Belajar pengelolaan arsip foto' });
    await createTestVisit(suite.staff.acting, { startDate: dayOfThisWeek(-12), endDate: dayOfThisWeek(-12), purpose: 'Belajar siaran berita mingguan' });
    await createTestPractice(suite.staff.acting, { name: 'Siaran Mingguan Kota', shortDescription: 'Rangkuman berita mingguan', startDate: dayOfThisWeek(-12) });
    // Lessons of this month and of the month before last, none of last month.
    await createTestLesson(suite.staff.acting, { observedOn: dayOfMonth(0, 1) });
    await createTestLesson(suite.staff.acting, { observedOn: dayOfMonth(-2, 15) });
    await suite.h.syncNow();
  });

  test('searchKnowledge – "kunjungan minggu lalu" – the visit of last week only, not the weekly programmes; the days given', async () => {
    const result = await searchKnowledge(suite.staff.acting, { q: 'kunjungan minggu lalu' });
    assert.equal(result.kindNamed, 'visit');
    assert.deepEqual(result.hits.map((hit) => hit.date?.toISOString().slice(0, 10)), [dayOfThisWeek(-5)]);
    assert.deepEqual(result.dayRange, { from: dayOfThisWeek(-7), to: dayOfThisWeek(-1) });
    // The weekly programme, dated the week before, is found by its words, but not last week.
    assert.ok((await searchKnowledge(suite.staff.acting, { q: 'siaran mingguan' })).hits.some((hit) => hit.title === 'Siaran Mingguan Kota'));
    const lastWeek = await searchKnowledge(suite.staff.acting, { q: 'siaran mingguan minggu lalu' });
    assert.ok(lastWeek.hits.every((hit) => hit.title !== 'Siaran Mingguan Kota' && (hit.date?.toISOString().slice(0, 10) ?? '') >= dayOfThisWeek(-7)), JSON.stringify(lastWeek.hits.map((hit) => hit.title)));
  });

  test('searchKnowledge – "kunjungan pekan ini" in a week without visits – the visits of other weeks, newest first, the week named missing', async () => {
    const result = await searchKnowledge(suite.staff.acting, { q: 'kunjungan pekan ini' });
    assert.deepEqual(result.hits.map((hit) => hit.date?.toISOString().slice(0, 10)), [dayOfThisWeek(-5), dayOfThisWeek(-12)]);
    assert.deepEqual(result.missingWords, ['pekan ini']);
    assert.equal(result.dayRange, undefined);
  });

  test('searchKnowledge – "pelajaran bulan ini" – the lesson of this month only, its days given; "bulan lalu" without lessons – the others, newest first, the month named missing', async () => {
    const thisMonth = await searchKnowledge(suite.staff.acting, { q: 'pelajaran bulan ini' });
    assert.equal(thisMonth.kindNamed, 'lesson');
    assert.deepEqual(thisMonth.hits.map((hit) => hit.date?.toISOString().slice(0, 10)), [dayOfMonth(0, 1)]);
    assert.deepEqual(thisMonth.dayRange, { from: dayOfMonth(0, 1), to: dayOfMonth(1, 0) });
    const lastMonth = await searchKnowledge(suite.staff.acting, { q: 'pelajaran bulan lalu' });
    assert.deepEqual(lastMonth.hits.map((hit) => hit.date?.toISOString().slice(0, 10)), [dayOfMonth(0, 1), dayOfMonth(-2, 15)]);
    assert.deepEqual(lastMonth.missingWords, ['bulan lalu']);
    assert.equal(lastMonth.dayRange, undefined);
  });

  test('searchKnowledge – "kunjungan bulan depan", "kunjungan mendatang" – the visit planned for next month only; without one, the visits named missing with the month', async () => {
    const none = await searchKnowledge(suite.staff.acting, { q: 'kunjungan bulan depan' });
    assert.deepEqual([none.missingWords, none.hits.length], [['bulan depan'], 2]);
    await createTestVisit(suite.staff.acting, { startDate: dayOfMonth(1, 10), endDate: dayOfMonth(1, 11), purpose: 'Belajar pusat data bersama' });
    await suite.h.syncNow();
    const planned = await searchKnowledge(suite.staff.acting, { q: 'kunjungan bulan depan' });
    assert.deepEqual(planned.hits.map((hit) => hit.date?.toISOString().slice(0, 10)), [dayOfMonth(1, 10)]);
    assert.deepEqual([planned.missingWords, planned.dayRange], [undefined, { from: dayOfMonth(1, 1), to: dayOfMonth(2, 0) }]);
    // From today on, the planned visit alone: "mendatang" read off, not searched.
    const upcoming = await searchKnowledge(suite.staff.acting, { q: 'kunjungan mendatang' });
    assert.deepEqual([upcoming.hits.map((hit) => hit.date?.toISOString().slice(0, 10)), upcoming.missingWords], [[dayOfMonth(1, 10)], undefined]);
  });

  test('search page and API – a week named – the page says which days; the API gives meta.dayRange', async () => {
    const agent = suite.t.agent();
    await signIn(agent, suite.staff.user.email, suite.staff.password);
    const page = await agent.get('/cari').query({ q: 'kunjungan minggu lalu' });
    assert.equal(page.status, 200);
    assert.match(page.text, /<p class="search-days">Hanya catatan bertanggal Senin, \d+ \S+ \d{4} sampai Minggu, \d+ \S+ \d{4}\.<\/p>/);
    const api = await agent.get('/api/v1/search').query({ q: 'kunjungan minggu lalu' });
    assert.equal(api.status, 200);
    assert.deepEqual(api.body.meta.dayRange, { from: dayOfThisWeek(-7), to: dayOfThisWeek(-1) });
  });
});
