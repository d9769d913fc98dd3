import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Types } from 'mongoose';
import { LessonModel } from '../../../src/modules/lessons/lesson.model.js';
import { TopicModel } from '../../../src/modules/topics/topic.model.js';
import { csrfToken, signIn } from '../../helpers/auth.js';
import { createAgency, createUser } from '../../helpers/factories.js';
import { startTestApp, type TestApp } from '../../helpers/test-app.js';

type Agent = ReturnType<TestApp['agent']>;

const newTopic = { code: 'literasi-digital', name: 'Literasi digital', nameEn: 'Digital literacy' };

describe('topic admin pages', () => {
  let t: TestApp;
  let admin: Agent;
  let staff: Agent;
  before(async () => {
    t = await startTestApp();
    const agency = await createAgency();
    const a = await createUser({ role: 'admin', agency: agency.id });
    const s = await createUser({ role: 'staff', agency: agency.id });
    admin = t.agent();
    staff = t.agent();
    await signIn(admin, a.user.email, a.password);
    await signIn(staff, s.user.email, s.password);
  });
  after(async () => {
    await t.stop();
  });

  async function postForm(agent: Agent, url: string, form: Record<string, string>) {
    const token = await csrfToken(agent, '/');
    return agent.post(url).type('form').send({ ...form, _csrf: token });
  }

  /** The usage cell of one topic's row in the list page. */
  function usageCell(html: string, code: string): string | undefined {
    return html.match(new RegExp(`data-usage="${code}">(\\d+)<`))?.[1];
  }

  test('GET /admin/topik – admin – every default topic with code, names, status and record counts; nav link current', async () => {
    const base = { observation: 'O', lesson: 'L', recorderAgencyId: new Types.ObjectId() };
    await LessonModel.create([
      { ...base, title: 'Satu', topics: ['media-sosial', 'media-sosial', 'ppid'] },
      { ...base, title: 'Dua', topics: ['media-sosial'] },
      { ...base, title: 'Terhapus', topics: ['media-sosial'], deletedAt: new Date() },
    ]);
    const res = await admin.get('/admin/topik');
    assert.equal(res.status, 200);
    assert.match(res.text, /<h1>Topik<\/h1>/);
    assert.match(res.text, /<code>publikasi-konten<\/code>/);
    assert.match(res.text, /Pelayanan PPID/);
    assert.match(res.text, /Public information service \(PPID\)/);
    assert.equal(usageCell(res.text, 'media-sosial'), '2');
    assert.equal(usageCell(res.text, 'ppid'), '1');
    assert.equal(usageCell(res.text, 'spbe'), '0');
    assert.match(res.text, /href="\/admin\/topik" aria-current="page">Topik</);
  });

  test('POST /admin/topik – admin with a valid form – 303 to the list, stored active, flash shown', async () => {
    const res = await postForm(admin, '/admin/topik', newTopic);
    assert.equal(res.status, 303);
    assert.equal(res.headers.location, '/admin/topik');
    const stored = await TopicModel.findOne({ code: newTopic.code }).lean();
    assert.equal(stored?.nameEn, 'Digital literacy');
    assert.equal(stored?.active, true);
    const list = await admin.get('/admin/topik');
    assert.match(list.text, /Topik sudah ditambahkan\./);
    assert.match(list.text, /Literasi digital/);
  });

  test('POST /admin/topik – code already used – 422 with the code error, input kept, nothing stored', async () => {
    const res = await postForm(admin, '/admin/topik', { code: 'ppid', name: 'PPID kedua', nameEn: 'Second PPID' });
    assert.equal(res.status, 422);
    assert.match(res.text, /href="#code"/);
    assert.match(res.text, /Kode topik ini sudah dipakai\./);
    assert.match(res.text, /value="PPID kedua"/);
    assert.match(res.text, /value="Second PPID"/);
    assert.equal(await TopicModel.countDocuments({ name: 'PPID kedua' }), 0);
  });

  test('POST /admin/topik – empty name – 422 with the name error, other input kept', async () => {
    const res = await postForm(admin, '/admin/topik', { code: 'kearsipan', name: '', nameEn: 'Archives' });
    assert.equal(res.status, 422);
    assert.match(res.text, /href="#name"/);
    assert.match(res.text, /Masukkan nama topik\./);
    assert.match(res.text, /value="kearsipan"/);
    assert.match(res.text, /value="Archives"/);
    assert.equal(await TopicModel.countDocuments({ code: 'kearsipan' }), 0);
  });

  test('rename – admin – form shows the names; a valid post stores them; an empty name is 422 and keeps the code', async () => {
    const form = await admin.get('/admin/topik/penyiaran/ubah');
    assert.equal(form.status, 200);
    assert.match(form.text, /value="Penyiaran"/);
    assert.match(form.text, /<code>penyiaran<\/code>/);
    const bad = await postForm(admin, '/admin/topik/penyiaran', { name: ' ', nameEn: 'Radio and TV' });
    assert.equal(bad.status, 422);
    assert.match(bad.text, /Masukkan nama topik\./);
    assert.match(bad.text, /value="Radio and TV"/);
    assert.match(bad.text, /action="\/admin\/topik\/penyiaran"/);
    const ok = await postForm(admin, '/admin/topik/penyiaran', { name: 'Penyiaran dan radio', nameEn: 'Broadcasting and radio' });
    assert.equal(ok.status, 303);
    const stored = await TopicModel.findOne({ code: 'penyiaran' }).lean();
    assert.equal(stored?.name, 'Penyiaran dan radio');
    assert.equal(stored?.nameEn, 'Broadcasting and radio');
    assert.match((await admin.get('/admin/topik')).text, /Nama topik sudah diubah\./);
    assert.equal((await admin.get('/admin/topik/tidak-ada/ubah')).status, 404);
  });

  test('retire and reactivate – admin – stored flag, list shows the status, API list hides the retired topic', async () => {
    const off = await postForm(admin, '/admin/topik/kim/pensiunkan', {});
    assert.equal(off.status, 303);
    assert.equal((await TopicModel.findOne({ code: 'kim' }).lean())?.active, false);
    const list = await admin.get('/admin/topik');
    assert.match(list.text, /Topik sudah dipensiunkan/);
    assert.match(list.text, /action="\/admin\/topik\/kim\/aktifkan"/);
    const api = await admin.get('/api/v1/topics');
    assert.ok(!api.body.data.some((topic: { code: string }) => topic.code === 'kim'));
    const on = await postForm(admin, '/admin/topik/kim/aktifkan', {});
    assert.equal(on.status, 303);
    assert.equal((await TopicModel.findOne({ code: 'kim' }).lean())?.active, true);
    assert.equal((await postForm(admin, '/admin/topik/tidak-ada/pensiunkan', {})).status, 404);
  });

  test('GET /admin/topik/baru?lang=en – English switch – labels in English', async () => {
    const res = await admin.get('/admin/topik/baru').query({ lang: 'en' });
    assert.equal(res.status, 200);
    assert.match(res.text, /<h1>Add topic<\/h1>/);
    assert.match(res.text, />Name \(English\)/);
    await admin.get('/admin/topik').query({ lang: 'id' });
  });

  test('topic pages – staff user – 403, nothing stored, no nav link; anonymous – redirect to sign-in', async () => {
    assert.equal((await staff.get('/admin/topik')).status, 403);
    const res = await postForm(staff, '/admin/topik', { code: 'oleh-staf', name: 'Oleh staf', nameEn: 'By staff' });
    assert.equal(res.status, 403);
    assert.equal(await TopicModel.countDocuments({ code: 'oleh-staf' }), 0);
    assert.equal((await postForm(staff, '/admin/topik/spbe/pensiunkan', {})).status, 403);
    assert.equal((await TopicModel.findOne({ code: 'spbe' }).lean())?.active, true);
    assert.doesNotMatch((await staff.get('/')).text, /href="\/admin\/topik"/);
    const anonymous = await t.agent().get('/admin/topik');
    assert.equal(anonymous.status, 302);
    assert.match(anonymous.headers.location, /^\/masuk\?next=/);
  });
});
