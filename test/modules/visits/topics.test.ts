import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../helpers/test-app.js';
import { createVisitWorld, type Member, type VisitWorld } from './visit-test-world.js';
import { visitInput } from '../../helpers/knowledge-factories.js';

describe('managed topics', () => {
  let t: TestApp;
  let w: VisitWorld;
  const call = (m: Member) => ({
    get: (url: string) => t.agent().get(`/api/v1${url}`).set('Authorization', `Bearer ${m.token}`),
    post: (url: string, body: object) => t.agent().post(`/api/v1${url}`).set('Authorization', `Bearer ${m.token}`).send(body),
    patch: (url: string, body: object) => t.agent().patch(`/api/v1${url}`).set('Authorization', `Bearer ${m.token}`).send(body),
  });
  before(async () => {
    t = await startTestApp();
    w = await createVisitWorld(t);
  });
  after(async () => {
    await t.stop();
  });

  test('GET /api/v1/topics – fresh database – the default list, loaded without a seed', async () => {
    const res = await call(w.otherStaff).get('/topics');
    assert.equal(res.status, 200);
    const codes = res.body.data.map((t: { code: string }) => t.code);
    for (const code of ['publikasi-konten', 'ppid', 'media-sosial', 'penyiaran', 'spbe', 'keamanan-informasi', 'kim', 'pelayanan-publik']) assert.ok(codes.includes(code), code);
  });

  test('admin adds and retires a topic – offered, then refused on new visits; staff may not manage', async () => {
    assert.equal((await call(w.solokStaff).post('/topics', { code: 'videotron', name: 'Videotron', nameEn: 'Video billboard' })).status, 403);
    const created = await call(w.admin).post('/topics', { code: 'videotron', name: 'Videotron', nameEn: 'Video billboard' });
    assert.equal(created.status, 201);
    assert.equal((await call(w.admin).post('/topics', { code: 'videotron', name: 'Lagi', nameEn: 'Again' })).status, 422);
    const ok = await call(w.solokStaff).post('/visits', await visitInput(w.solokStaff.acting, { hostAgencyIds: [w.padangPanjang.id], topics: ['videotron'] }));
    assert.equal(ok.status, 201);
    assert.equal((await call(w.admin).patch('/topics/videotron', { active: false })).status, 200);
    assert.ok(!(await call(w.otherStaff).get('/topics')).body.data.some((t: { code: string }) => t.code === 'videotron'));
    const refused = await call(w.solokStaff).post('/visits', await visitInput(w.solokStaff.acting, { hostAgencyIds: [w.padangPanjang.id], topics: ['videotron'] }));
    assert.equal(refused.status, 422);
    const keep = await call(w.solokStaff).patch(`/visits/${ok.body.data.id}`, { place: 'Tempat baru' });
    assert.equal(keep.status, 200, 'a retired topic already on the visit does not block an edit');
  });
});
