/**
 * The permission matrix of every visit route, for each kind of user: the visiting agency's staff,
 * planner and head, the host agency's staff, another agency's staff, and an admin — on a
 * published visit and on a draft.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { VisitModel } from '../../../src/modules/visits/visit.model.js';
import { csrfTokenFrom } from '../../helpers/auth.js';
import { createTestVisit, pdfBytes } from '../../helpers/knowledge-factories.js';
import { startTestApp, type TestApp } from '../../helpers/test-app.js';
import { createVisitWorld, postForm, sampleVisitForm, type Member, type VisitWorld } from './visit-test-world.js';

type Who = 'solokStaff' | 'solokPlanner' | 'solokHead' | 'hostStaff' | 'otherStaff' | 'admin';
const EVERYONE: Who[] = ['solokStaff', 'solokPlanner', 'solokHead', 'hostStaff', 'otherStaff', 'admin'];

describe('visit permission matrix', () => {
  let t: TestApp;
  let w: VisitWorld;
  before(async () => {
    t = await startTestApp();
    w = await createVisitWorld(t);
  });
  after(async () => {
    await t.stop();
  });

  function expectAll(results: Record<Who, number>, expected: Record<Who, number>, route: string) {
    assert.deepEqual(results, expected, route);
  }

  async function forEach(fn: (m: Member, who: Who) => Promise<number>): Promise<Record<Who, number>> {
    const out = {} as Record<Who, number>;
    for (const who of EVERYONE) out[who] = await fn(w[who], who);
    return out;
  }

  test('reading – list, new form, published page, draft page, edit form – by role and agency', async () => {
    const published = await createTestVisit(w.solokStaff.acting, { hostAgencyIds: [w.padangPanjang.id] });
    const draft = await createTestVisit(w.solokStaff.acting, { hostAgencyIds: [w.padangPanjang.id], status: 'draft' });
    const ok = { solokStaff: 200, solokPlanner: 200, solokHead: 200, hostStaff: 200, otherStaff: 200, admin: 200 };
    expectAll(await forEach(async (m) => (await m.agent.get('/kunjungan')).status), ok, 'GET /kunjungan');
    expectAll(await forEach(async (m) => (await m.agent.get('/kunjungan/baru')).status), ok, 'GET /kunjungan/baru');
    expectAll(await forEach(async (m) => (await m.agent.get(`/kunjungan/${published.id}`)).status), ok, 'GET published');
    expectAll(await forEach(async (m) => (await m.agent.get(`/kunjungan/${draft.id}`)).status), { ...ok, otherStaff: 404 }, 'GET draft');
    expectAll(await forEach(async (m) => (await m.agent.get(`/kunjungan/${published.id}/ubah`)).status), { ...ok, otherStaff: 403 }, 'GET edit published');
    expectAll(await forEach(async (m) => (await m.agent.get(`/kunjungan/${draft.id}/ubah`)).status), { ...ok, otherStaff: 404 }, 'GET edit draft');
    expectAll(await forEach(async (m) => (await t.agent().get(`/api/v1/visits/${draft.id}`).set('Authorization', `Bearer ${m.token}`)).status), { ...ok, otherStaff: 404 }, 'API GET draft');
  });

  test('writing – update, upload, delete, restore, permanent delete – by role and agency', async () => {
    const visits = new Map<Who, string>();
    for (const who of EVERYONE) visits.set(who, (await createTestVisit(w.solokStaff.acting, { hostAgencyIds: [w.padangPanjang.id] })).id);
    const id = (who: Who) => visits.get(who)!;
    const editors = { solokStaff: 303, solokPlanner: 303, solokHead: 303, hostStaff: 303, otherStaff: 403, admin: 303 };
    expectAll(await forEach(async (m, who) => (await postForm(m.agent, `/kunjungan/${id(who)}`, { ...sampleVisitForm(w), place: `Diubah ${who}` })).status), editors, 'POST update');
    expectAll(
      await forEach(async (m, who) => {
        const token = csrfTokenFrom((await m.agent.get('/kunjungan')).text);
        return (await m.agent.post(`/kunjungan/${id(who)}/lampiran`).set('X-CSRF-Token', token).attach('attachments', pdfBytes(), 'laporan.pdf')).status;
      }),
      editors,
      'POST upload',
    );
    const adminOnly = { solokStaff: 403, solokPlanner: 403, solokHead: 403, hostStaff: 403, otherStaff: 403, admin: 303 };
    expectAll(await forEach(async (m, who) => (await postForm(m.agent, `/kunjungan/${id(who)}/pulihkan`)).status), adminOnly, 'POST restore');
    expectAll(await forEach(async (m, who) => (await postForm(m.agent, `/kunjungan/${id(who)}/hapus`)).status), editors, 'POST delete');
    expectAll(await forEach(async (m, who) => (await postForm(m.agent, `/kunjungan/${id(who)}/hapus-permanen`)).status), adminOnly, 'POST permanent delete');
    const stored = await VisitModel.find({ _id: { $in: [...visits.values()] } }).lean();
    const byId = new Map(stored.map((v) => [String(v._id), v]));
    assert.equal(byId.get(id('otherStaff'))?.place, 'Kantor Diskominfo', 'refused update changed nothing');
    assert.equal(byId.get(id('otherStaff'))?.deletedAt, null, 'refused delete changed nothing');
    assert.equal(byId.get(id('hostStaff'))?.place, 'Diubah hostStaff');
    assert.ok(byId.get(id('solokHead'))?.deletedAt, 'soft-deleted by the head');
    assert.equal(byId.has(id('admin')), false, 'permanently deleted by the admin');
  });
});
