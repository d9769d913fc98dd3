import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import mongoose from 'mongoose';
import type { CommandStartedEvent } from 'mongodb';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { signIn } from '../helpers/auth.js';
import { createUser } from '../helpers/factories.js';
import { UserModel } from '../../src/modules/users/user.model.js';
import { SessionUserStore, userJoinedToSession } from '../../src/auth/session-store.js';
import type { Request } from 'express';
import type { SessionData } from 'express-session';

/** The session store reads a session with its user in one aggregate (src/auth/session-store.ts). */
describe('session store', () => {
  let t: TestApp;
  let commands: CommandStartedEvent[] = [];
  const record = (event: CommandStartedEvent) => commands.push(event);
  before(async () => {
    t = await startTestApp({ monitorCommands: true });
    mongoose.connection.getClient().on('commandStarted', record);
  });
  after(async () => {
    mongoose.connection.getClient().off('commandStarted', record);
    await t.stop();
  });

  async function signedIn() {
    const { user, password } = await createUser();
    const agent = t.agent();
    await signIn(agent, user.email, password);
    return { user, agent };
  }

  const sessions = () => mongoose.connection.db!.collection<{ _id: string; session: Record<string, unknown> }>('sessions');

  test('signed-in request – the session and its user in one MongoDB command – no lookup of the user after it', async () => {
    const { user, agent } = await signedIn();
    commands = [];
    const me = await agent.get('/api/v1/me');
    assert.equal(me.status, 200);
    assert.equal(me.body.data.id, user.id);
    assert.deepEqual(commands.map((c) => `${c.commandName} ${String(c.command[c.commandName])}`), ['aggregate sessions']);
  });

  test('stored session – after requests that save it – holds no field of the user read with it', async () => {
    const { user, agent } = await signedIn();
    await agent.get('/api/v1/me');
    await agent.get('/');
    const stored = await sessions().find({ 'session.passport.user': user.id }).toArray();
    assert.equal(stored.length, 1);
    assert.deepEqual(Object.keys(stored[0]).sort(), ['_id', 'expires', 'lastModified', 'session']);
    assert.deepEqual(stored[0].session.passport, { user: user.id });
    const text = JSON.stringify(stored[0]);
    for (const field of [user.email, user.name, user.role]) assert.ok(!text.includes(field), `the stored session holds ${field}`);
  });

  test('session naming a user who was deleted – the request is anonymous, not an error', async () => {
    const { user, agent } = await signedIn();
    await UserModel.deleteOne({ _id: user.id });
    assert.equal((await agent.get('/api/v1/me')).status, 401);
  });

  test('session whose user id is not an ObjectId – the request is anonymous, not an error', async () => {
    const { user, agent } = await signedIn();
    await sessions().updateOne({ 'session.passport.user': user.id }, { $set: { 'session.passport.user': 'bukan-id' } });
    assert.equal((await agent.get('/api/v1/me')).status, 401);
  });

  test('joined user – handed only to a deserializer asking for the user the session names', async () => {
    const { user } = await signedIn();
    const [{ _id: sid }] = await sessions().find({ 'session.passport.user': user.id }).toArray();
    const store = new SessionUserStore({ client: mongoose.connection.getClient(), collectionName: 'sessions', usersCollection: 'users', ttl: 60, touchAfter: 0 });
    await store.collectionP; // its TTL index is made meanwhile
    const data = await new Promise<SessionData>((resolve, reject) => store.get(sid, (err, found) => (err ? reject(err) : resolve(found as SessionData))));
    const req = {} as Request;
    store.createSession(req, data);
    assert.equal(userJoinedToSession(req, user.id)?.email, user.email);
    assert.equal(userJoinedToSession(req, new mongoose.Types.ObjectId().toHexString()), undefined);
    assert.equal(userJoinedToSession({} as Request, user.id), undefined);
  });
});
