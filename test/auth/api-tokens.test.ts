import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { csrfTokenFrom, signIn } from '../helpers/auth.js';
import { createUser } from '../helpers/factories.js';
import { ApiTokenModel } from '../../src/auth/api-tokens/api-token.model.js';
import { UserModel } from '../../src/modules/users/user.model.js';

type Agent = ReturnType<TestApp['agent']>;

async function createToken(agent: Agent, name: string) {
  const page = await agent.get('/profil/token-api');
  const res = await agent.post('/profil/token-api').type('form').send({ _csrf: csrfTokenFrom(page.text), name });
  const token = res.text.match(/id="new-token" type="text" readonly value="([^"]+)"/)?.[1] ?? '';
  return { res, token };
}

describe('personal API tokens', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(async () => {
    await t.stop();
  });

  test('api token – created on the profile page – shown once, stored only as its sha256', async () => {
    const { user, password } = await createUser();
    const agent = t.agent();
    await signIn(agent, user.email, password);
    const { res, token } = await createToken(agent, 'Dasbor Bappeda');
    assert.equal(res.status, 201);
    assert.ok(token?.startsWith('st_'), 'the new token is shown');
    const stored = await ApiTokenModel.findOne({ user: user.id }).orFail();
    assert.equal(stored.tokenHash, createHash('sha256').update(token).digest('hex'));
    assert.equal(JSON.stringify(stored.toObject()).includes(token), false);
    const again = await agent.get('/profil/token-api');
    assert.match(again.text, /Dasbor Bappeda/);
    assert.equal(again.text.includes(token), false);
  });

  test('api token – Bearer on /api/v1/me – acts as the owner without a session or CSRF', async () => {
    const { user, password } = await createUser();
    const agent = t.agent();
    await signIn(agent, user.email, password);
    const { token } = await createToken(agent, 'Skrip');
    const res = await t.agent().get('/api/v1/me').set('Authorization', `Bearer ${token}`);
    assert.equal(res.status, 200);
    assert.equal(res.body.data.id, user.id);
    assert.equal(res.headers['set-cookie'], undefined);
    const stored = await ApiTokenModel.findOne({ user: user.id }).orFail();
    assert.ok(stored.lastUsedAt);
  });

  test('api token – wrong token, or a token on an HTML page – 401', async () => {
    const wrong = await t.agent().get('/api/v1/me').set('Authorization', 'Bearer st_tidak-ada');
    assert.equal(wrong.status, 401);
    assert.equal(wrong.body.error.code, 'unauthorized');
    const { user, password } = await createUser();
    const agent = t.agent();
    await signIn(agent, user.email, password);
    const { token } = await createToken(agent, 'HTML');
    const html = await t.agent().get('/').set('Authorization', `Bearer ${token}`);
    assert.equal(html.status, 401);
  });

  test('api token – revoked, or owner deactivated – no longer accepted', async () => {
    const { user, password } = await createUser();
    const agent = t.agent();
    await signIn(agent, user.email, password);
    const first = await createToken(agent, 'Satu');
    const second = await createToken(agent, 'Dua');
    const doc = await ApiTokenModel.findOne({ user: user.id, name: 'Satu' }).orFail();
    const page = await agent.get('/profil/token-api');
    const revoke = await agent.post(`/profil/token-api/${doc.id}/cabut`).type('form').send({ _csrf: csrfTokenFrom(page.text) });
    assert.equal(revoke.status, 303);
    assert.equal(await ApiTokenModel.countDocuments({ _id: doc._id }), 0);
    assert.equal((await t.agent().get('/api/v1/me').set('Authorization', `Bearer ${first.token}`)).status, 401);
    assert.equal((await t.agent().get('/api/v1/me').set('Authorization', `Bearer ${second.token}`)).status, 200);
    await UserModel.updateOne({ _id: user.id }, { $set: { active: false } });
    assert.equal((await t.agent().get('/api/v1/me').set('Authorization', `Bearer ${second.token}`)).status, 401);
  });

  test('api token – revoking someone else’s token – 404 and the token survives', async () => {
    const owner = await createUser();
    const ownerAgent = t.agent();
    await signIn(ownerAgent, owner.user.email, owner.password);
    await createToken(ownerAgent, 'Milik orang lain');
    const doc = await ApiTokenModel.findOne({ user: owner.user.id }).orFail();
    const other = await createUser();
    const agent = t.agent();
    await signIn(agent, other.user.email, other.password);
    const page = await agent.get('/profil/token-api');
    const res = await agent.post(`/profil/token-api/${doc.id}/cabut`).type('form').send({ _csrf: csrfTokenFrom(page.text) });
    assert.equal(res.status, 404);
    assert.equal(await ApiTokenModel.countDocuments({ _id: doc._id }), 1);
  });

  test('api token – empty name – 422 with the error summary', async () => {
    const { user, password } = await createUser();
    const agent = t.agent();
    await signIn(agent, user.email, password);
    const { res } = await createToken(agent, '   ');
    assert.equal(res.status, 422);
    assert.match(res.text, /href="#name"/);
    assert.equal(await ApiTokenModel.countDocuments({ user: user.id }), 0);
  });
});
