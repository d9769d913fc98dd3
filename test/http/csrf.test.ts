import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { csrfToken, csrfTokenFrom, signIn } from '../helpers/auth.js';
import { createUser } from '../helpers/factories.js';

describe('csrf', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(async () => {
    await t.stop();
  });

  test('csrf – sign-in form without a token – 403 and nobody signed in', async () => {
    const { user, password } = await createUser();
    const agent = t.agent();
    await agent.get('/masuk');
    const res = await agent.post('/masuk').type('form').send({ email: user.email, password });
    assert.equal(res.status, 403);
    assert.match(res.text, /Akses ditolak/);
    assert.equal((await agent.get('/api/v1/me')).status, 401);
  });

  test('csrf – token from another session – 403', async () => {
    const { user, password } = await createUser();
    const foreignToken = await csrfToken(t.agent());
    const agent = t.agent();
    await agent.get('/masuk');
    const res = await agent.post('/masuk').type('form').send({ _csrf: foreignToken, email: user.email, password });
    assert.equal(res.status, 403);
  });

  test('csrf – tampered token – 403', async () => {
    const { user, password } = await createUser();
    const agent = t.agent();
    const token = await csrfToken(agent);
    const tampered = `${token.slice(0, -4)}${token.endsWith('aaaa') ? 'bbbb' : 'aaaa'}`;
    const res = await agent.post('/masuk').type('form').send({ _csrf: tampered, email: user.email, password });
    assert.equal(res.status, 403);
  });

  test('csrf – signed-in sign-out without token – 403 and still signed in', async () => {
    const { user, password } = await createUser();
    const agent = t.agent();
    await signIn(agent, user.email, password);
    const res = await agent.post('/keluar').type('form').send({});
    assert.equal(res.status, 403);
    assert.equal((await agent.get('/api/v1/me')).status, 200);
  });

  test('csrf – token issued before sign-in – refused after sign-in (bound to the old session)', async () => {
    const { user, password } = await createUser();
    const agent = t.agent();
    const oldToken = await csrfToken(agent);
    await agent.post('/masuk').type('form').send({ _csrf: oldToken, email: user.email, password }).expect(303);
    const res = await agent.post('/keluar').type('form').send({ _csrf: oldToken });
    assert.equal(res.status, 403);
    const fresh = csrfTokenFrom((await agent.get('/')).text);
    assert.equal((await agent.post('/keluar').type('form').send({ _csrf: fresh })).status, 303);
  });

  test('csrf – token in the URL – accepted only for multipart (upload) forms', async () => {
    const { user, password } = await createUser();
    const agent = t.agent();
    await signIn(agent, user.email, password);
    const token = csrfTokenFrom((await agent.get('/')).text);
    const plain = await agent.post(`/keluar?_csrf=${encodeURIComponent(token)}`).type('form').send({});
    assert.equal(plain.status, 403);
    const multipart = await agent.post(`/keluar?_csrf=${encodeURIComponent(token)}`).field('x', '1');
    assert.equal(multipart.status, 303);
    assert.equal((await agent.get('/api/v1/me')).status, 401);
  });

  test('csrf – API call with the session cookie but no X-CSRF-Token – 403 JSON error', async () => {
    const { user, password } = await createUser();
    const agent = t.agent();
    await signIn(agent, user.email, password);
    const res = await agent.post('/api/v1/agencies').send({ name: 'x' });
    assert.equal(res.status, 403);
    assert.equal(res.body.error.code, 'forbidden');
    assert.equal(typeof res.body.error.message, 'string');
  });
});
