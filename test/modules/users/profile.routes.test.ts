import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { verifyPassword } from '../../../src/auth/password.js';
import { UserModel } from '../../../src/modules/users/user.model.js';
import { postFormWithCsrf, signIn } from '../../helpers/auth.js';
import { createUser, type CreatedUser } from '../../helpers/factories.js';
import { startTestApp, type TestApp } from '../../helpers/test-app.js';

describe('profile page', () => {
  let t: TestApp;
  let me: CreatedUser;
  let browser: ReturnType<TestApp['agent']>;
  before(async () => {
    t = await startTestApp();
    me = await createUser({ role: 'planner', nip: '199001312015022003' });
    browser = t.agent();
    await signIn(browser, me.user.email, me.password);
  });
  after(async () => {
    await t.stop();
  });

  function post(url: string, body: Record<string, string>) {
    return postFormWithCsrf(browser, url, body, '/profil');
  }

  test('GET /profil – signed in – own details, forms and a link to API tokens; anonymous redirected', async () => {
    const res = await browser.get('/profil');
    assert.equal(res.status, 200);
    assert.match(res.text, new RegExp(me.user.email));
    assert.match(res.text, /199001312015022003/);
    assert.match(res.text, /href="\/profil\/token-api"/);
    const anonymous = await t.agent().get('/profil');
    assert.equal(anonymous.status, 302);
  });

  test('POST /profil – new name and position – stored; empty name – 422 with input kept', async () => {
    const ok = await post('/profil', { name: 'Yuliati Desi Putri, S.I.Kom.', position: 'Pranata Humas Ahli Muda' });
    assert.equal(ok.status, 303);
    const stored = await UserModel.findById(me.user.id).orFail();
    assert.equal(stored.name, 'Yuliati Desi Putri, S.I.Kom.');
    assert.equal(stored.position, 'Pranata Humas Ahli Muda');
    const bad = await post('/profil', { name: '', position: 'Jabatan Tetap Diketik' });
    assert.equal(bad.status, 422);
    assert.match(bad.text, /value="Jabatan Tetap Diketik"/);
    assert.match(bad.text, /href="#name"/);
  });

  test('POST /profil/kata-sandi – wrong current password or weak new one – 422, hash unchanged', async () => {
    const before = (await UserModel.findById(me.user.id).orFail()).passwordHash;
    const wrong = await post('/profil/kata-sandi', { currentPassword: 'bukan-sandi-saya', newPassword: 'Videotron-Perwako-2022', confirmPassword: 'Videotron-Perwako-2022' });
    assert.equal(wrong.status, 422);
    assert.match(wrong.text, /Kata sandi saat ini tidak cocok\./);
    const weak = await post('/profil/kata-sandi', { currentPassword: me.password, newPassword: 'password1', confirmPassword: 'password1' });
    assert.equal(weak.status, 422);
    assert.match(weak.text, /href="#newPassword"/);
    assert.equal((await UserModel.findById(me.user.id).orFail()).passwordHash, before);
  });

  test('POST /profil/kata-sandi – correct current and strong new password – changed, new one signs in', async () => {
    const next = 'Videotron-Perwako-2022';
    const res = await post('/profil/kata-sandi', { currentPassword: me.password, newPassword: next, confirmPassword: next });
    assert.equal(res.status, 303);
    const stored = await UserModel.findById(me.user.id).orFail();
    assert.equal(await verifyPassword(stored.passwordHash, next), true);
    await signIn(t.agent(), me.user.email, next);
  });
});
