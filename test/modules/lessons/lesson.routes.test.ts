import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AgencyModel } from '../../../src/modules/agencies/agency.model.js';
import { listRevisions } from '../../../src/modules/history/revision.service.js';
import { LessonModel } from '../../../src/modules/lessons/lesson.model.js';
import { listLessonsByAgency, listLessonsByVisit } from '../../../src/modules/lessons/lesson.queries.js';
import { createVisit } from '../../../src/modules/visits/visit.service.js';
import { historyRow } from '../../helpers/history-rows.js';
import { createTestLesson, createTestPractice } from '../../helpers/practice-factories.js';
import { api, postForm, startKnowledgeWorld, XSS, type KnowledgeTestWorld } from '../practices/knowledge-test-kit.js';

describe('lesson pages and API', () => {
  let w: KnowledgeTestWorld;
  let practiceId: string;
  let visitId: string;
  before(async () => {
    w = await startKnowledgeWorld();
    const practice = await createTestPractice(w.other.user.acting, { name: 'Siaran Sepekan Asal Pelajaran' });
    practiceId = practice.id;
    const visit = await createVisit(w.home.staff.user.acting, {
      visitingAgencyIds: [w.homeAgencyId], hostAgencyIds: [w.otherAgencyId], startDate: '2022-05-31', endDate: '2022-05-31',
      topics: ['publikasi-konten'], practiceIds: [practiceId], status: 'published',
    });
    visitId = visit.id;
  });
  after(async () => {
    await w.t.stop();
  });

  const validForm = () => ({
    title: 'Kehumasan mengikuti program prioritas kepala daerah',
    observation: 'Tuan rumah menyusun publikasi dari program prioritas wali kota.',
    lesson: 'Publikasi yang mengikuti program prioritas lebih *tepat* dan terukur.',
    recommendation: 'Rintis siaran berita mingguan serupa.',
    appliesTo: 'Diskominfo yang menjalankan fungsi kehumasan',
    visitId,
    practiceIds: [practiceId],
    topics: ['kehumasan'],
    tags: 'prioritas, humas',
    observedOn: '2022-05-31',
    status: 'published',
  });

  test('POST /pelajaran – staff with a valid form – 303, recorded by the user and agency, page links visit and practice', async () => {
    const res = await postForm(w.home.staff, '/pelajaran', validForm());
    assert.equal(res.status, 303);
    const stored = await LessonModel.findOne({ title: validForm().title }).lean();
    assert.ok(stored);
    assert.equal(res.headers.location, `/pelajaran/${stored._id.toString()}`);
    assert.equal(stored.recorderAgencyId.toString(), w.homeAgencyId);
    assert.equal(stored.recordedById?.toString(), w.home.staff.user.acting.id);
    assert.equal(stored.visitId?.toString(), visitId);
    const page = await w.other.agent.get(res.headers.location);
    assert.equal(page.status, 200);
    assert.match(page.text, /<em>tepat<\/em>/);
    assert.match(page.text, new RegExp(`href="/kunjungan/${visitId}"`));
    assert.match(page.text, new RegExp(`href="/praktik/${practiceId}"`));
    assert.match(page.text, new RegExp(w.home.staff.user.acting.name.replace(/[.,]/g, '.')));
    const practicePage = await w.other.agent.get(`/praktik/${practiceId}`);
    assert.match(practicePage.text, new RegExp(`href="/pelajaran/${stored._id.toString()}"`));
    assert.match(practicePage.text, new RegExp(`href="/kunjungan/${visitId}"`));
  });

  test('POST /pelajaran – missing observation, unknown visit, bad date – 422, input kept, nothing stored', async () => {
    const before = await LessonModel.countDocuments();
    const res = await postForm(w.home.staff, '/pelajaran', { ...validForm(), observation: '', visitId: '000000000000000000000000', observedOn: '2022-13-01' });
    assert.equal(res.status, 422);
    assert.match(res.text, /href="#observation"/);
    assert.match(res.text, /href="#visitId"/);
    assert.match(res.text, /href="#observedOn"/);
    assert.match(res.text, /value="Kehumasan mengikuti program prioritas kepala daerah"/);
    assert.equal(await LessonModel.countDocuments(), before);
  });

  test('edit – colleague edits, other agency refused – revision with old → new', async () => {
    const lesson = await createTestLesson(w.home.staff.user.acting);
    assert.equal((await postForm(w.other, `/pelajaran/${lesson.id}`, { ...validForm(), title: 'Diambil alih' })).status, 403);
    const res = await postForm(w.home.planner, `/pelajaran/${lesson.id}`, { ...validForm(), title: `${lesson.title} (direvisi)` });
    assert.equal(res.status, 303);
    const [latest] = await listRevisions('lesson', lesson.id);
    assert.equal(latest?.actorName, w.home.planner.user.acting.name);
    assert.deepEqual(latest?.changes.find((c) => c.field === 'title'), { field: 'title', before: lesson.title, after: `${lesson.title} (direvisi)` });
    const page = await w.home.staff.agent.get(`/pelajaran/${lesson.id}`);
    assert.match(page.text, /Riwayat perubahan/);
    assert.match(page.text, /\(direvisi\)/);
    // The created revision's agency, day and status read as the page writes them, not as stored.
    const agency = (await AgencyModel.findById(w.homeAgencyId).lean())?.shortName;
    assert.deepEqual(['Instansi pencatat', 'Tanggal pengamatan', 'Status'].map((label) => historyRow(page.text, label)?.[1]), [agency, 'Selasa, 31 Mei 2022', 'Terbit']);
  });

  test('draft – other agency – hidden everywhere; recorder agency sees it', async () => {
    const draft = await createTestLesson(w.home.staff.user.acting, { status: 'draft', visitId });
    assert.equal((await w.other.agent.get(`/pelajaran/${draft.id}`)).status, 404);
    assert.equal((await api(w.other, 'get', `/lessons/${draft.id}`)).status, 404);
    assert.equal((await listLessonsByVisit(w.other.user.acting, visitId)).some((l) => l.id === draft.id), false);
    assert.equal((await listLessonsByAgency(w.other.user.acting, w.homeAgencyId)).some((l) => l.id === draft.id), false);
    assert.equal((await listLessonsByVisit(w.home.head.user.acting, visitId)).some((l) => l.id === draft.id), true);
    assert.equal((await w.home.head.agent.get(`/pelajaran/${draft.id}`)).status, 200);
  });

  test('GET /pelajaran – filters – agency, province, topic, year and text', async () => {
    const match = await createTestLesson(w.other.user.acting, { title: 'Pelajaran Saring Uji', topics: ['spbe'], observedOn: '2021-03-09' });
    await createTestLesson(w.other.user.acting, { title: 'Pelajaran Saring Uji Lain', topics: ['kim'], observedOn: '2021-03-09' });
    const res = await w.home.staff.agent.get('/pelajaran').query({ q: 'Pelajaran Saring Uji', agency: w.otherAgencyId, province: '32', topic: 'spbe', year: '2021' });
    assert.match(res.text, new RegExp(`href="/pelajaran/${match.id}"`));
    assert.doesNotMatch(res.text, /Pelajaran Saring Uji Lain/);
    const json = await api(w.home.staff, 'get', `/lessons?q=Pelajaran%20Saring%20Uji&year=2021&sort=title`);
    assert.equal(json.body.meta.total, 2);
    assert.deepEqual(json.body.data.map((l: { title: string }) => l.title), ['Pelajaran Saring Uji', 'Pelajaran Saring Uji Lain']);
  });

  test('soft delete and restore – owner deletes, admin restores – revisions delete and restore', async () => {
    const lesson = await createTestLesson(w.home.staff.user.acting);
    assert.equal((await postForm(w.home.head, `/pelajaran/${lesson.id}/hapus`)).status, 303);
    assert.equal((await w.home.head.agent.get(`/pelajaran/${lesson.id}`)).status, 404);
    assert.match((await w.admin.agent.get(`/pelajaran/${lesson.id}`)).text, /Pulihkan pelajaran/);
    assert.equal((await postForm(w.admin, `/pelajaran/${lesson.id}/pulihkan`)).status, 303);
    assert.equal((await w.home.head.agent.get(`/pelajaran/${lesson.id}`)).status, 200);
    assert.deepEqual((await listRevisions('lesson', lesson.id)).map((r) => r.action), ['restore', 'delete', 'create']);
  });

  test('API – create, patch, delete – JSON envelope; another agency as recorder refused for non-admins', async () => {
    const created = await api(w.home.head, 'post', '/lessons', { ...validForm(), tags: ['api'] });
    assert.equal(created.status, 201);
    assert.equal(created.body.data.recorderAgencyId, w.homeAgencyId);
    assert.equal(created.body.data.observedOn, '2022-05-31');
    const id = created.body.data.id as string;
    const patched = await api(w.home.staff, 'patch', `/lessons/${id}`, { recommendation: 'Tetapkan kalender publikasi.' });
    assert.equal(patched.body.data.recommendation, 'Tetapkan kalender publikasi.');
    const foreign = await api(w.home.staff, 'post', '/lessons', { ...validForm(), recorderAgencyId: w.otherAgencyId });
    assert.equal(foreign.status, 422);
    assert.equal(foreign.body.error.details.recorderAgencyId, 'Anda hanya dapat mencatat pelajaran atas nama instansi Anda sendiri.');
    assert.equal((await api(w.home.staff, 'delete', `/lessons/${id}`)).status, 204);
    assert.equal((await api(w.other, 'get', `/lessons/${id}`)).status, 404);
  });

  test('XSS – markup in every text field – escaped on the page, list and form; Markdown sanitised', async () => {
    const lesson = await createTestLesson(w.home.staff.user.acting, {
      title: `Uji ${XSS}`, observation: `Amatan ${XSS}`, lesson: `Pelajaran ${XSS} [x](javascript:alert(1))`,
      recommendation: `Saran ${XSS}`, appliesTo: XSS, tags: [XSS.slice(0, 40)],
    });
    for (const url of [`/pelajaran/${lesson.id}`, `/pelajaran?q=${encodeURIComponent('Uji <script>')}`, `/pelajaran/${lesson.id}/ubah`]) {
      const res = await w.home.staff.agent.get(url);
      assert.equal(res.status, 200, url);
      assert.doesNotMatch(res.text, /<script>alert/, url);
      assert.doesNotMatch(res.text, /<img src=x/, url);
      assert.doesNotMatch(res.text, /href="javascript:/i, url);
    }
    assert.match((await w.home.staff.agent.get(`/pelajaran/${lesson.id}`)).text, /&lt;script&gt;alert/);
  });

  test('GET /pelajaran/baru – from a visit and a practice page – form pre-filled with both', async () => {
    const res = await w.home.staff.agent.get('/pelajaran/baru').query({ visitId, practiceIds: practiceId });
    assert.equal(res.status, 200);
    assert.match(res.text, new RegExp(`<option value="${visitId}" selected>`));
    assert.match(res.text, new RegExp(`<option value="${practiceId}" selected>`));
    assert.match((await w.home.staff.agent.get(`/praktik/${practiceId}`)).text, new RegExp(`href="/pelajaran/baru\\?practiceIds=${practiceId}"`));
  });
});
