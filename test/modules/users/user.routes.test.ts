import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { UserModel } from '../../../src/modules/users/user.model.js';
import { postFormWithCsrf, postSignIn, signIn } from '../../helpers/auth.js';
import { createAgency, createUser, type CreatedUser } from '../../helpers/factories.js';
import { startTestApp, type TestApp } from '../../helpers/test-app.js';

type Agent = ReturnType<TestApp['agent']>;

describe('user admin pages and API', () => {
  let t: TestApp;
  let admin: Agent;
  let staff: Agent;
  let adminUser: CreatedUser;
  let staffUser: CreatedUser;
  let agencyId: string;
  const form = () => ({
    name: 'Alwa Dudi, S.T., M.M.',
    email: 'alwa.dudi@solokkota.example',
    nip: '198503152010011001',
    position: 'Kepala Bidang IKP',
    agency: agencyId,
    role: 'planner',
    password: 'Padang-Panjang-Sepekan-68',
  });

  before(async () => {
    t = await startTestApp();
    agencyId = (await createAgency({ shortName: 'Diskominfo Kota Solok Uji' })).id;
    adminUser = await createUser({ role: 'admin', agency: agencyId });
    staffUser = await createUser({ role: 'staff', agency: agencyId });
    admin = t.agent();
    staff = t.agent();
    await signIn(admin, adminUser.user.email, adminUser.password);
    await signIn(staff, staffUser.user.email, staffUser.password);
  });
  after(async () => {
    await t.stop();
  });

  test('POST /admin/pengguna – admin with valid form – 303, stored, listed with agency and role', async () => {
    const res = await postFormWithCsrf(admin, '/admin/pengguna', form());
    assert.equal(res.status, 303);
    const stored = await UserModel.findOne({ email: 'alwa.dudi@solokkota.example' }).orFail();
    assert.equal(stored.role, 'planner');
    assert.equal(stored.nip, '198503152010011001');
    const list = await admin.get('/admin/pengguna').query({ q: 'alwa', role: 'planner', agency: agencyId, active: 'true' });
    assert.equal(list.status, 200);
    assert.match(list.text, /Alwa Dudi, S\.T\., M\.M\./);
    assert.match(list.text, /Diskominfo Kota Solok Uji/);
    assert.match(list.text, /Perencana/);
  });

  test('POST /admin/pengguna – duplicate email, bad NIP, weak password – 422, input kept, messages per field', async () => {
    const res = await postFormWithCsrf(admin, '/admin/pengguna', { ...form(), name: 'Budiono Kedua', nip: '198503152010013001', password: 'password123' });
    assert.equal(res.status, 422);
    assert.match(res.text, /value="Budiono Kedua"/);
    assert.match(res.text, /Email ini sudah dipakai akun lain\./);
    assert.match(res.text, /Angka ke-15 NIP harus 1 \(laki-laki\) atau 2 \(perempuan\)\./);
    assert.match(res.text, /href="#password"/);
    assert.doesNotMatch(res.text, /password123/, 'the password is never echoed back');
    assert.equal(await UserModel.countDocuments({ name: 'Budiono Kedua' }), 0);
  });

  test('edit and deactivate – admin – stored, deactivated user cannot sign in', async () => {
    const target = await createUser({ agency: agencyId });
    const edit = await admin.get(`/admin/pengguna/${target.user.id}/ubah`);
    assert.equal(edit.status, 200);
    assert.match(edit.text, new RegExp(`value="${target.user.email}"`));
    const update = await postFormWithCsrf(admin, `/admin/pengguna/${target.user.id}`, { ...form(), email: target.user.email, nip: '', role: 'head' });
    assert.equal(update.status, 303);
    assert.equal((await UserModel.findById(target.user.id).orFail()).role, 'head');
    assert.equal((await postFormWithCsrf(admin, `/admin/pengguna/${target.user.id}/nonaktifkan`, {})).status, 303);
    assert.equal((await UserModel.findById(target.user.id).orFail()).active, false);
    const signInAttempt = await postSignIn(t.agent(), target.user.email, target.password);
    assert.notEqual(signInAttempt.status, 303);
    assert.equal((await postFormWithCsrf(admin, `/admin/pengguna/${target.user.id}/aktifkan`, {})).status, 303);
    assert.equal((await postSignIn(t.agent(), target.user.email, target.password)).status, 303);
  });

  test('deactivate – signed-in user deactivated by an admin – their next request is anonymous', async () => {
    const target = await createUser({ agency: agencyId });
    const browser = t.agent();
    await signIn(browser, target.user.email, target.password);
    assert.equal((await browser.get('/api/v1/me')).status, 200);
    await postFormWithCsrf(admin, `/admin/pengguna/${target.user.id}/nonaktifkan`, {});
    assert.equal((await browser.get('/api/v1/me')).status, 401);
  });

  test('admin user pages – staff – 403, nothing stored; admin cannot deactivate themself', async () => {
    assert.equal((await staff.get('/admin/pengguna')).status, 403);
    const res = await postFormWithCsrf(staff, '/admin/pengguna', { ...form(), email: 'oleh.staf@uji.example', nip: '' });
    assert.equal(res.status, 403);
    assert.equal(await UserModel.countDocuments({ email: 'oleh.staf@uji.example' }), 0);
    assert.equal((await postFormWithCsrf(admin, `/admin/pengguna/${adminUser.user.id}/nonaktifkan`, {})).status, 403);
    assert.equal((await UserModel.findById(adminUser.user.id).orFail()).active, true);
  });

  test('GET /api/v1/users – admin lists, staff 403; /users/:id – self or admin only', async () => {
    const list = await admin.get('/api/v1/users').query({ role: 'admin' });
    assert.equal(list.status, 200);
    assert.ok(list.body.data.some((u: { id: string }) => u.id === adminUser.user.id));
    assert.ok(list.body.data.every((u: Record<string, unknown>) => !('passwordHash' in u)));
    assert.equal((await staff.get('/api/v1/users')).status, 403);
    const self = await staff.get(`/api/v1/users/${staffUser.user.id}`);
    assert.equal(self.status, 200);
    assert.equal(self.body.data.agency.shortName, 'Diskominfo Kota Solok Uji');
    assert.equal((await staff.get(`/api/v1/users/${adminUser.user.id}`)).status, 403);
    assert.equal((await admin.get(`/api/v1/users/${staffUser.user.id}`)).status, 200);
  });
});
