import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestVisit } from '../../helpers/knowledge-factories.js';
import { startTestApp, type TestApp } from '../../helpers/test-app.js';
import { createVisitWorld, type VisitWorld } from './visit-test-world.js';

describe('agency page (both sides)', () => {
  let t: TestApp;
  let w: VisitWorld;
  before(async () => {
    t = await startTestApp();
    w = await createVisitWorld(t);
    await createTestVisit(w.solokStaff.acting, { hostAgencyIds: [w.padangPanjang.id], startDate: '2022-07-18', endDate: '2022-07-18', topics: ['media-sosial', 'kim'] });
    await createTestVisit(w.solokStaff.acting, { hostAgencyIds: [w.padangPanjang.id], startDate: '2022-05-31', endDate: '2022-05-31' });
    await createTestVisit(w.solokStaff.acting, { hostAgencyIds: [w.bukittinggi.id], startDate: '2021-02-01', endDate: '2021-02-01' });
    await createTestVisit(w.solokStaff.acting, { hostAgencyIds: [w.padangPanjang.id], startDate: '2023-01-10', endDate: '2023-01-10', status: 'draft', place: 'Draf' });
  });
  after(async () => {
    await t.stop();
  });

  /** The visit dates listed under one counterpart's heading, in page order. */
  function datesUnder(html: string, counterpart: string): string[] {
    const start = html.indexOf(`>${counterpart}</a>`);
    assert.ok(start >= 0, `no group for ${counterpart}`);
    const group = html.slice(start, html.indexOf('</ul>', start));
    return [...group.matchAll(/<time datetime="([\d-]+)">/g)].map((m) => m[1]!);
  }

  test('GET /instansi/:id – Solok – the two visits to Padang Panjang grouped in date order, Bukittinggi apart', async () => {
    const res = await w.otherStaff.agent.get(`/instansi/${w.solok.id}`);
    assert.equal(res.status, 200);
    assert.match(res.text, /Kunjungan yang dilakukan/);
    assert.deepEqual(datesUnder(res.text, 'Diskominfo Kota Padang Panjang'), ['2022-05-31', '2022-07-18']);
    assert.match(res.text, /\(2 kunjungan\)/);
    assert.deepEqual(datesUnder(res.text, 'Diskominfo Kota Bukittinggi'), ['2021-02-01']);
    assert.match(res.text, /Belum ada kunjungan yang diterima\./);
  });

  test('GET /instansi/:id – Padang Panjang – received side groups Solok; its own users also see the draft', async () => {
    const other = await w.otherStaff.agent.get(`/instansi/${w.padangPanjang.id}`);
    assert.match(other.text, /Kunjungan yang diterima/);
    assert.deepEqual(datesUnder(other.text, 'Diskominfo Kota Solok'), ['2022-05-31', '2022-07-18']);
    const own = await w.hostStaff.agent.get(`/instansi/${w.padangPanjang.id}`);
    assert.deepEqual(datesUnder(own.text, 'Diskominfo Kota Solok'), ['2022-05-31', '2022-07-18', '2023-01-10']);
  });

  test('GET /instansi/:id – unknown id – 404', async () => {
    assert.equal((await w.otherStaff.agent.get('/instansi/000000000000000000000000')).status, 404);
    assert.equal((await w.otherStaff.agent.get('/instansi/bukan-id')).status, 404);
  });
});
