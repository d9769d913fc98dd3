import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { RevisionModel } from '../../../src/modules/history/revision.model.js';
import { VisitModel } from '../../../src/modules/visits/visit.model.js';
import { createAgency } from '../../helpers/factories.js';
import { createTestVisit, visitInput } from '../../helpers/knowledge-factories.js';
import { startTestApp, type TestApp } from '../../helpers/test-app.js';
import { createVisitWorld, type Member, type VisitWorld } from './visit-test-world.js';

describe('visit API', () => {
  let t: TestApp;
  let w: VisitWorld;
  const api = (m: Member) => ({
    get: (url: string) => t.agent().get(`/api/v1${url}`).set('Authorization', `Bearer ${m.token}`),
    post: (url: string, body: object) => t.agent().post(`/api/v1${url}`).set('Authorization', `Bearer ${m.token}`).send(body),
    patch: (url: string, body: object) => t.agent().patch(`/api/v1${url}`).set('Authorization', `Bearer ${m.token}`).send(body),
    delete: (url: string) => t.agent().delete(`/api/v1${url}`).set('Authorization', `Bearer ${m.token}`),
  });
  before(async () => {
    t = await startTestApp();
    w = await createVisitWorld(t);
  });
  after(async () => {
    await t.stop();
  });

  test('CRUD – create, get, patch, delete with a Bearer token – stored state and revisions follow', async () => {
    const input = await visitInput(w.solokStaff.acting, { hostAgencyIds: [w.padangPanjang.id], status: 'draft' });
    const created = await api(w.solokStaff).post('/visits', input);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = created.body.data.id as string;
    assert.equal(created.body.data.startDate, '2022-05-31');
    assert.deepEqual(created.body.data.hostAgencyIds, [w.padangPanjang.id]);

    const got = await api(w.hostStaff).get(`/visits/${id}`);
    assert.equal(got.status, 200);
    assert.equal(got.body.data.place, 'Kantor Diskominfo');

    const patched = await api(w.hostStaff).patch(`/visits/${id}`, { endDate: '2022-06-01', status: 'published' });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
    assert.equal(patched.body.data.endDate, '2022-06-01');
    assert.equal(patched.body.data.place, 'Kantor Diskominfo', 'fields not sent stay as they were');
    const update = await RevisionModel.findOne({ entityId: id, action: 'update' }).lean();
    assert.deepEqual(update?.changes.map((c) => c.field), ['endDate', 'status']);
    const history = await api(w.otherStaff).get(`/visits/${id}/revisions`);
    assert.deepEqual(history.body.data.map((r: { action: string }) => r.action), ['update', 'create']);
    assert.deepEqual(history.body.data[0].changes[1], { field: 'status', before: 'draft', after: 'published' });
    assert.deepEqual((await api(w.otherStaff).get(`/visits/${id}`)).body.data.attachments, []);

    const deleted = await api(w.solokStaff).delete(`/visits/${id}`);
    assert.equal(deleted.status, 204);
    assert.ok((await VisitModel.findById(id).lean())?.deletedAt);
    assert.equal((await api(w.solokStaff).get(`/visits/${id}`)).status, 404);
    const restored = await api(w.admin).post(`/visits/${id}/restore`, {});
    assert.equal(restored.status, 200);
    assert.equal(restored.body.data.deletedAt, null);
  });

  test('validation – no host, end before start, unknown topic – 422 with field details, nothing stored', async () => {
    const before = await VisitModel.countDocuments();
    const input = await visitInput(w.solokStaff.acting, { hostAgencyIds: [], endDate: '2022-05-01', topics: ['bukan-topik'] });
    const res = await api(w.solokStaff).post('/visits', { ...input, hostAgencyIds: [] });
    assert.equal(res.status, 422);
    assert.equal(res.body.error.code, 'validation_failed');
    assert.deepEqual(Object.keys(res.body.error.details).sort(), ['endDate', 'hostAgencyIds']);
    const topic = await api(w.solokStaff).post('/visits', { ...(await visitInput(w.solokStaff.acting, { hostAgencyIds: [w.padangPanjang.id] })), topics: ['bukan-topik'] });
    assert.equal(topic.status, 422);
    assert.equal(topic.body.error.details.topics, 'Pilih topik dari daftar topik yang tersedia.');
    assert.equal(await VisitModel.countDocuments(), before);
  });

  test('permissions – other agency cannot patch or delete; anonymous 401; drafts invisible to others', async () => {
    const visit = await createTestVisit(w.solokStaff.acting, { hostAgencyIds: [w.padangPanjang.id], status: 'draft' });
    assert.equal((await api(w.otherStaff).get(`/visits/${visit.id}`)).status, 404);
    assert.equal((await api(w.otherStaff).patch(`/visits/${visit.id}`, { place: 'x' })).status, 404);
    await VisitModel.updateOne({ _id: visit.id }, { $set: { status: 'published' } });
    assert.equal((await api(w.otherStaff).patch(`/visits/${visit.id}`, { place: 'x' })).status, 403);
    assert.equal((await api(w.otherStaff).delete(`/visits/${visit.id}`)).status, 403);
    assert.equal((await api(w.otherStaff).post(`/visits/${visit.id}/restore`, {})).status, 403);
    assert.equal((await api(w.solokStaff).delete(`/visits/${visit.id}?permanent=true`)).status, 403);
    const anonymous = await t.agent().get('/api/v1/visits');
    assert.equal(anonymous.status, 401);
    assert.equal((await t.agent().get(`/api/v1/visits/${visit.id}`)).status, 401);
    assert.equal((await VisitModel.findById(visit.id).lean())?.place, 'Kantor Diskominfo');
  });

  test('list – filters by agency, province, topic, year, status; date desc; pages with meta; drafts filtered server-side', async () => {
    const riau = await createAgency({ name: `Dinas Kominfo Kota Pekanbaru ${Date.now()}`, shortName: 'Diskominfo Kota Pekanbaru', regionCode: '14.71' });
    const a = await createTestVisit(w.solokStaff.acting, { hostAgencyIds: [riau.id], startDate: '2023-03-01', endDate: '2023-03-02', topics: ['spbe'] });
    const b = await createTestVisit(w.solokStaff.acting, { hostAgencyIds: [riau.id], startDate: '2023-08-10', endDate: '2023-08-10', topics: ['kim'] });
    const draft = await createTestVisit(w.solokStaff.acting, { hostAgencyIds: [riau.id], startDate: '2023-09-10', endDate: '2023-09-10', status: 'draft' });
    const ids = (res: { body: { data: { id: string }[] } }) => res.body.data.map((v) => v.id);

    const byAgency = await api(w.otherStaff).get(`/visits?agency=${riau.id}`);
    assert.deepEqual(ids(byAgency), [b.id, a.id], 'newest first, draft of another agency left out');
    assert.equal(byAgency.body.meta.total, 2);
    assert.deepEqual(ids(await api(w.solokStaff).get(`/visits?agency=${riau.id}`)), [draft.id, b.id, a.id]);
    assert.deepEqual(ids(await api(w.otherStaff).get(`/visits?agency=${riau.id}&sort=date_asc`)), [a.id, b.id]);
    assert.deepEqual(ids(await api(w.otherStaff).get('/visits?province=14&topic=spbe')), [a.id]);
    assert.deepEqual(ids(await api(w.otherStaff).get(`/visits?agency=${riau.id}&year=2023&topic=kim`)), [b.id]);
    assert.deepEqual(ids(await api(w.otherStaff).get(`/visits?agency=${riau.id}&status=draft`)), []);
    const page2 = await api(w.solokStaff).get(`/visits?agency=${riau.id}&perPage=2&page=2`);
    assert.deepEqual(ids(page2), [a.id]);
    assert.deepEqual(page2.body.meta, { page: 2, perPage: 2, total: 3, totalPages: 2 });
    assert.equal((await api(w.otherStaff).get('/visits?year=abc')).status, 422);
  });

  test('OpenAPI – the visit routes – described', async () => {
    const doc = (await t.agent().get('/api/v1/openapi.json')).body;
    assert.ok(doc.paths['/visits'].get && doc.paths['/visits'].post);
    assert.ok(doc.paths['/visits/{id}'].get && doc.paths['/visits/{id}'].patch && doc.paths['/visits/{id}'].delete);
    assert.ok(doc.paths['/visits/{id}/attachments'].post);
  });
});
