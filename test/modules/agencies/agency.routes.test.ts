import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AgencyModel } from '../../../src/modules/agencies/agency.model.js';
import { csrfToken, signIn } from '../../helpers/auth.js';
import { createAgency, createUser } from '../../helpers/factories.js';
import { startTestApp, type TestApp } from '../../helpers/test-app.js';

type Agent = ReturnType<TestApp['agent']>;

const validForm = {
  name: 'Dinas Komunikasi dan Informatika Kota Bukittinggi',
  shortName: 'Diskominfo Kota Bukittinggi',
  aliases: 'Kominfo Bukittinggi\nKominfo Kota Bukittinggi',
  level: 'kota',
  regionCode: '13.75',
  address: 'Jl. Istana No. 1, Bukittinggi',
  website: 'https://diskominfo.bukittinggikota.example',
};

describe('agency admin pages and API', () => {
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
    const token = await csrfToken(agent, '/admin/instansi/baru').catch(() => csrfToken(agent, '/'));
    return agent.post(url).type('form').send({ ...form, _csrf: token });
  }

  test('POST /admin/instansi – admin with valid form – 303 to the list, stored with reference names, flash shown', async () => {
    const res = await postForm(admin, '/admin/instansi', validForm);
    assert.equal(res.status, 303);
    assert.equal(res.headers.location, '/admin/instansi');
    const stored = await AgencyModel.findOne({ shortName: validForm.shortName }).lean();
    assert.equal(stored?.regencyName, 'Kota Bukittinggi');
    assert.equal(stored?.provinceName, 'Sumatera Barat');
    const list = await admin.get('/admin/instansi');
    assert.match(list.text, /Instansi sudah ditambahkan\./);
    assert.match(list.text, /Diskominfo Kota Bukittinggi/);
  });

  test('POST /admin/instansi – unknown region code and bad website – 422, input kept, per-field messages', async () => {
    const res = await postForm(admin, '/admin/instansi', { ...validForm, name: 'Dinas Kominfo Kota Antah Berantah', regionCode: '99.99', website: 'bukan alamat' });
    assert.equal(res.status, 422);
    assert.match(res.text, /value="Dinas Kominfo Kota Antah Berantah"/);
    assert.match(res.text, /<option value="99.99" selected>/);
    assert.match(res.text, /href="#regionCode"/);
    assert.match(res.text, /Kode wilayah ini tidak ada dalam data wilayah Kemendagri\./);
    assert.match(res.text, /href="#website"/);
    assert.equal(await AgencyModel.countDocuments({ name: 'Dinas Kominfo Kota Antah Berantah' }), 0);
  });

  test('POST /admin/instansi – official name already used – 422 with the name error, not 500', async () => {
    const res = await postForm(admin, '/admin/instansi', { ...validForm, name: validForm.name.toLowerCase() });
    assert.equal(res.status, 422);
    assert.match(res.text, /Instansi dengan nama resmi ini sudah terdaftar\./);
  });

  test('GET /admin/instansi – search and filters – only matching rows', async () => {
    const res = await admin.get('/admin/instansi').query({ q: 'kominfo bukittinggi', level: 'kota', province: '13' });
    assert.equal(res.status, 200);
    assert.match(res.text, /Diskominfo Kota Bukittinggi/);
    assert.doesNotMatch(res.text, /Dinas Uji Coba/);
  });

  test('edit and deactivate – admin – stored changes, list shows inactive', async () => {
    const agency = await createAgency();
    const edit = await admin.get(`/admin/instansi/${agency.id}/ubah`);
    assert.equal(edit.status, 200);
    assert.match(edit.text, new RegExp(`value="${agency.name}"`));
    const update = await postForm(admin, `/admin/instansi/${agency.id}`, { ...validForm, name: agency.name, shortName: 'Nama Singkat Baru', aliases: '', regionCode: '13.72' });
    assert.equal(update.status, 303);
    assert.equal((await AgencyModel.findById(agency.id).lean())?.shortName, 'Nama Singkat Baru');
    const off = await postForm(admin, `/admin/instansi/${agency.id}/nonaktifkan`, {});
    assert.equal(off.status, 303);
    assert.equal((await AgencyModel.findById(agency.id).lean())?.active, false);
    const on = await postForm(admin, `/admin/instansi/${agency.id}/aktifkan`, {});
    assert.equal(on.status, 303);
    assert.equal((await AgencyModel.findById(agency.id).lean())?.active, true);
  });

  test('GET /admin/instansi/baru?lang=en – English switch – labels and level names in English', async () => {
    const res = await admin.get('/admin/instansi/baru').query({ lang: 'en' });
    assert.equal(res.status, 200);
    assert.match(res.text, /<h1>Add agency<\/h1>/);
    assert.match(res.text, />Level of government/);
    assert.match(res.text, />City</);
    await admin.get('/admin/instansi').query({ lang: 'id' });
  });

  test('admin pages – staff user – 403 and nothing stored; anonymous – redirect to sign-in', async () => {
    assert.equal((await staff.get('/admin/instansi')).status, 403);
    const res = await postForm(staff, '/admin/instansi', { ...validForm, name: 'Dinas Oleh Staf' });
    assert.equal(res.status, 403);
    assert.equal(await AgencyModel.countDocuments({ name: 'Dinas Oleh Staf' }), 0);
    const anonymous = await t.agent().get('/admin/instansi');
    assert.equal(anonymous.status, 302);
    assert.match(anonymous.headers.location, /^\/masuk\?next=/);
  });

  test('GET /api/v1/agencies – staff – list with meta; one agency by id; anonymous 401', async () => {
    const list = await staff.get('/api/v1/agencies').query({ q: 'bukittinggi' });
    assert.equal(list.status, 200);
    assert.equal(list.body.meta.total, 1);
    const [agency] = list.body.data;
    assert.equal(agency.region.regencyName, 'Kota Bukittinggi');
    const one = await staff.get(`/api/v1/agencies/${agency.id}`);
    assert.equal(one.body.data.shortName, 'Diskominfo Kota Bukittinggi');
    assert.equal((await staff.get('/api/v1/agencies/000000000000000000000000')).status, 404);
    assert.equal((await t.agent().get('/api/v1/agencies')).status, 401);
  });

  test('POST/PATCH /api/v1/agencies – admin creates and patches; staff gets 403; bad input 422 JSON', async () => {
    const token = await csrfToken(admin, '/');
    const created = await admin.post('/api/v1/agencies').set('X-CSRF-Token', token).send({ name: 'Dinas Kominfo Kota Sawahlunto Uji', shortName: 'Kominfo Sawahlunto Uji', level: 'kota', regionCode: '13.73' });
    assert.equal(created.status, 201);
    assert.equal(created.body.data.region.regencyName, 'Kota Sawahlunto');
    const patched = await admin.patch(`/api/v1/agencies/${created.body.data.id}`).set('X-CSRF-Token', token).send({ active: false, aliases: ['Kominfo Swl'] });
    assert.equal(patched.status, 200);
    assert.equal(patched.body.data.active, false);
    assert.deepEqual(patched.body.data.aliases, ['Kominfo Swl']);
    const bad = await admin.patch(`/api/v1/agencies/${created.body.data.id}`).set('X-CSRF-Token', token).send({ regionCode: '13.01' });
    assert.equal(bad.status, 422);
    assert.equal(bad.body.error.code, 'validation_failed');
    assert.equal(bad.body.error.details.regionCode, 'Instansi tingkat kota harus memilih sebuah kota.');
    const staffToken = await csrfToken(staff, '/');
    const refused = await staff.post('/api/v1/agencies').set('X-CSRF-Token', staffToken).send({ name: 'Dinas Oleh Staf API', shortName: 'X', level: 'kota', regionCode: '13.73' });
    assert.equal(refused.status, 403);
    assert.equal(await AgencyModel.countDocuments({ name: 'Dinas Oleh Staf API' }), 0);
  });
});
