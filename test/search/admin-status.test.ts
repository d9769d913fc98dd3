import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createUser, type CreatedUser } from '../helpers/factories.js';
import { createTestPractice } from '../helpers/practice-factories.js';
import { signIn } from '../helpers/auth.js';
import { recordSyncError } from '../../src/search/sync-status.js';
import { useSearchSuite } from './search-harness.js';

describe('GET /admin/pencarian', () => {
  const suite = useSearchSuite();
  let admin: CreatedUser;

  before(async () => {
    admin = await createUser({ role: 'admin' });
  });

  test('search status page – admin, two changes pending and an error recorded – shows count, error, then the success', async () => {
    await createTestPractice(suite.staff.acting);
    await createTestPractice(suite.staff.acting);
    await recordSyncError(new Error('connect ECONNREFUSED 127.0.0.1:7700'));
    const agent = suite.t.agent();
    await signIn(agent, admin.user.email, admin.password);
    const waiting = await agent.get('/admin/pencarian');
    assert.equal(waiting.status, 200);
    assert.match(waiting.text, /data-testid="pending">2</);
    assert.match(waiting.text, /ECONNREFUSED/);
    await suite.h.syncNow();
    const synced = await agent.get('/admin/pencarian');
    assert.match(synced.text, /data-testid="pending">0</);
    assert.match(synced.text, /2 dokumen/);
  });

  test('search status page – staff member – refused', async () => {
    const agent = suite.t.agent();
    await signIn(agent, suite.staff.user.email, suite.staff.password);
    const res = await agent.get('/admin/pencarian');
    assert.equal(res.status, 403);
  });

  test('search status page – anonymous – redirected to sign-in', async () => {
    const res = await suite.t.agent().get('/admin/pencarian');
    assert.equal(res.status, 302);
    assert.match(res.headers.location ?? '', /^\/masuk/);
  });
});
