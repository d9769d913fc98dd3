import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import supertest from 'supertest';
import { buildTestApp, startTestApp, type TestApp } from '../helpers/test-app.js';
import { postSignIn, signIn } from '../helpers/auth.js';
import { createUser } from '../helpers/factories.js';
import { UserModel } from '../../src/modules/users/user.model.js';
import mongoose from 'mongoose';
import { SESSION_COOKIE } from '../../src/auth/session.js';

function sessionIdOf(agent: ReturnType<TestApp['agent']>): string | undefined {
  const cookie = agent.jar.getCookie(SESSION_COOKIE, { domain: '127.0.0.1', path: '/', secure: false, script: false });
  return cookie?.value;
}

describe('sign-in', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(async () => {
    await t.stop();
  });

  test('sign-in – correct email and password – redirects home and the session knows the user', async () => {
    const { user, password } = await createUser({ email: 'alwa.dudi@solokkota.go.id' });
    const agent = t.agent();
    const res = await postSignIn(agent, '  Alwa.Dudi@SolokKota.go.id ', password);
    assert.equal(res.status, 303);
    assert.equal(res.headers.location, '/');
    const me = await agent.get('/api/v1/me');
    assert.equal(me.status, 200);
    assert.equal(me.body.data.id, user.id);
    assert.equal(me.body.data.email, 'alwa.dudi@solokkota.go.id');
  });

  test('sign-in – next parameter – goes back to the page asked for, never to another site', async () => {
    const { user, password } = await createUser();
    const agent = t.agent();
    const ok = await postSignIn(agent, user.email, password, '/profil/token-api');
    assert.equal(ok.headers.location, '/profil/token-api');
    const other = t.agent();
    const evil = await postSignIn(other, user.email, password, '//evil.example/x');
    assert.equal(evil.headers.location, '/');
  });

  test('sign-in – wrong password and unknown email – same 401 page, same message', async () => {
    const { user } = await createUser();
    const wrong = await postSignIn(t.agent(), user.email, 'salah-kata-sandi-123');
    const unknown = await postSignIn(t.agent(), 'tidak.ada@contoh.go.id', 'salah-kata-sandi-123');
    assert.equal(wrong.status, 401);
    assert.equal(unknown.status, 401);
    const message = (html: string) => html.match(/id="sign-in-message"><p>([^<]+)<\/p>/)?.[1];
    assert.equal(message(wrong.text), 'Email atau kata sandi salah.');
    assert.equal(message(unknown.text), message(wrong.text));
    const stored = await UserModel.findById(user.id).orFail();
    assert.equal(stored.failedLogins, 1);
  });

  test('sign-in – empty fields – 422 with an error summary linking to each field', async () => {
    const res = await postSignIn(t.agent(), '', '');
    assert.equal(res.status, 422);
    assert.match(res.text, /class="error-summary"/);
    assert.match(res.text, /href="#email"/);
    assert.match(res.text, /href="#password"/);
  });

  test('sign-in – five wrong passwords – account locked for 15 minutes, even with the right password', async () => {
    const { user, password } = await createUser();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await postSignIn(t.agent(), user.email, 'bukan-sandinya-123')).status);
    assert.deepEqual(statuses, [401, 401, 401, 401, 429]);
    const stored = await UserModel.findById(user.id).orFail();
    assert.ok(stored.lockedUntil, 'lockedUntil is stored');
    const minutes = (stored.lockedUntil.getTime() - Date.now()) / 60_000;
    assert.ok(minutes > 14 && minutes <= 15, `locked for ${minutes} minutes`);
    const right = await postSignIn(t.agent(), user.email, password);
    assert.equal(right.status, 429);
    assert.match(right.text, /dikunci sementara\. Coba lagi setelah 15 menit\./);
  });

  test('sign-in – failures spread over two app instances – still locked after five (lock lives in MongoDB)', async () => {
    const { user } = await createUser();
    const otherInstance = buildTestApp();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const agent = i % 2 === 0 ? t.agent() : supertest.agent(otherInstance.app);
      statuses.push((await postSignIn(agent, user.email, 'bukan-sandinya-123')).status);
    }
    assert.deepEqual(statuses, [401, 401, 401, 401, 429]);
  });

  test('sign-in – five failures with an unknown email – locked the same way (nothing reveals the address)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await postSignIn(t.agent(), 'siapa@contoh.go.id', 'bukan-sandinya-123')).status);
    assert.deepEqual(statuses, [401, 401, 401, 401, 429, 429]);
  });

  test('sign-in – too many attempts from one IP across accounts – 429 with the network message', async () => {
    const limited = buildTestApp({ env: { LOGIN_IP_MAX_ATTEMPTS: '3' } });
    const statuses: number[] = [];
    let last = '';
    for (let i = 0; i < 4; i++) {
      const res = await postSignIn(supertest.agent(limited.app), `orang${i}@contoh.go.id`, 'bukan-sandinya-123');
      statuses.push(res.status);
      last = res.text;
    }
    assert.deepEqual(statuses, [401, 401, 401, 429]);
    assert.match(last, /Terlalu banyak percobaan masuk dari jaringan Anda/);
    const otherApp = await postSignIn(t.agent(), 'orang9@contoh.go.id', 'bukan-sandinya-123');
    assert.equal(otherApp.status, 401, 'the counter belongs to that app instance only');
  });

  test('sign-in – one process of a cluster of two – allowed its half of the per-IP attempts', async () => {
    const half = buildTestApp({ env: { LOGIN_IP_MAX_ATTEMPTS: '4', WEB_CONCURRENCY: '2' } });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await postSignIn(supertest.agent(half.app), `bagi${i}@contoh.go.id`, 'bukan-sandinya-123')).status);
    assert.deepEqual(statuses, [401, 401, 429]);
  });

  test('sign-in – lock expired – the right password works again and resets the counter', async () => {
    const { user, password } = await createUser();
    await UserModel.updateOne({ _id: user.id }, { $set: { failedLogins: 0, lockedUntil: new Date(Date.now() - 1000) } });
    const res = await postSignIn(t.agent(), user.email, password);
    assert.equal(res.status, 303);
    const stored = await UserModel.findById(user.id).orFail();
    assert.equal(stored.lockedUntil, null);
  });

  test('sign-in – deactivated user with the right password – refused, no session', async () => {
    const { user, password } = await createUser({ active: false });
    const agent = t.agent();
    const res = await postSignIn(agent, user.email, password);
    assert.equal(res.status, 403);
    assert.match(res.text, /dinonaktifkan/);
    assert.equal((await agent.get('/api/v1/me')).status, 401);
  });

  test('session – user deactivated while signed in – the existing session stops working', async () => {
    const { user, password } = await createUser();
    const agent = t.agent();
    await signIn(agent, user.email, password);
    assert.equal((await agent.get('/api/v1/me')).status, 200);
    await UserModel.updateOne({ _id: user.id }, { $set: { active: false } });
    assert.equal((await agent.get('/api/v1/me')).status, 401);
    const page = await agent.get('/');
    assert.equal(page.status, 302);
  });

  test('session – signing in – the session id changes (no fixation)', async () => {
    const { user, password } = await createUser();
    const agent = t.agent();
    await agent.get('/masuk');
    const before = sessionIdOf(agent);
    assert.ok(before, 'the sign-in page starts a session for its CSRF token');
    await signIn(agent, user.email, password);
    const afterSignIn = sessionIdOf(agent);
    assert.ok(afterSignIn);
    assert.notEqual(afterSignIn, before);
  });

  test('session – stored in MongoDB – holds only the user id and expires by a TTL index', async () => {
    const { user, password } = await createUser();
    const agent = t.agent();
    await signIn(agent, user.email, password);
    const signed = decodeURIComponent(sessionIdOf(agent) ?? '');
    const sid = signed.slice(2, signed.lastIndexOf('.'));
    const sessions = mongoose.connection.db!.collection('sessions');
    const stored = await sessions.findOne({ _id: sid as unknown as mongoose.Types.ObjectId });
    assert.ok(stored, 'session document exists');
    assert.deepEqual(stored.session.passport, { user: user.id });
    assert.ok(stored.expires instanceof Date && stored.expires > new Date());
    const indexes = await sessions.listIndexes().toArray();
    assert.ok(indexes.some((ix) => ix.key.expires === 1 && ix.expireAfterSeconds === 0), 'TTL index on expires');
  });

  test('sign-out – POST /keluar – the old session cookie no longer signs anyone in', async () => {
    const { user, password } = await createUser();
    const agent = t.agent();
    await signIn(agent, user.email, password);
    const stolenCookie = `${SESSION_COOKIE}=${sessionIdOf(agent)}`;
    assert.equal((await t.agent().get('/api/v1/me').set('Cookie', stolenCookie)).status, 200, 'the copied cookie works before sign-out');
    const home = await agent.get('/');
    const token = home.text.match(/name="_csrf" value="([^"]+)"/)?.[1];
    const out = await agent.post('/keluar').type('form').send({ _csrf: token });
    assert.equal(out.status, 303);
    assert.equal(out.headers.location, '/masuk');
    assert.equal((await agent.get('/api/v1/me')).status, 401);
    const replay = await t.agent().get('/api/v1/me').set('Cookie', stolenCookie);
    assert.equal(replay.status, 401);
  });
});
