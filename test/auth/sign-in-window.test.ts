import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { postSignIn } from '../helpers/auth.js';
import { createUser } from '../helpers/factories.js';
import { UserModel } from '../../src/modules/users/user.model.js';
import { UnknownEmailAttemptModel } from '../../src/auth/unknown-email-attempt.model.js';

const WRONG = 'bukan-sandinya-123';
/** Beyond the default 15-minute window (LOGIN_LOCK_MINUTES). */
const LONG_AGO = () => new Date(Date.now() - 16 * 60_000);

async function failures(t: TestApp, email: string, count: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) statuses.push((await postSignIn(t.agent(), email, WRONG)).status);
  return statuses;
}

describe('sign-in failure window', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(async () => {
    await t.stop();
  });

  test('sign-in – four failures, window passes, one more – not locked, the count starts again', async () => {
    const { user } = await createUser();
    assert.deepEqual(await failures(t, user.email, 4), [401, 401, 401, 401]);
    const counted = await UserModel.findById(user.id).orFail();
    assert.equal(counted.failedLogins, 4);
    assert.ok(counted.firstFailedLoginAt, 'the window start is stored');
    await UserModel.updateOne({ _id: user.id }, { $set: { firstFailedLoginAt: LONG_AGO() } });

    assert.deepEqual(await failures(t, user.email, 1), [401]);
    const restarted = await UserModel.findById(user.id).orFail();
    assert.equal(restarted.failedLogins, 1);
    assert.equal(restarted.lockedUntil, null);
    assert.ok(restarted.firstFailedLoginAt && restarted.firstFailedLoginAt.getTime() > Date.now() - 60_000, 'a new window starts now');
  });

  test('sign-in – five failures within the window after an old one – locked on the fifth', async () => {
    const { user } = await createUser();
    await failures(t, user.email, 4);
    await UserModel.updateOne({ _id: user.id }, { $set: { firstFailedLoginAt: LONG_AGO() } });
    assert.deepEqual(await failures(t, user.email, 5), [401, 401, 401, 401, 429]);
    const stored = await UserModel.findById(user.id).orFail();
    assert.ok(stored.lockedUntil && stored.lockedUntil > new Date(), 'lockedUntil is in the future');
  });

  test('sign-in – unknown email, four failures, window passes, one more – not locked', async () => {
    const email = 'lama.sekali@contoh.go.id';
    assert.deepEqual(await failures(t, email, 4), [401, 401, 401, 401]);
    await UnknownEmailAttemptModel.updateOne({ email }, { $set: { firstFailedLoginAt: LONG_AGO() } });
    assert.deepEqual(await failures(t, email, 1), [401]);
    const stored = await UnknownEmailAttemptModel.findOne({ email }).orFail();
    assert.equal(stored.failedLogins, 1);
    assert.deepEqual(await failures(t, email, 4), [401, 401, 401, 429], 'five within the new window still lock');
  });

  test('sign-in – concurrent wrong passwords within the window – each one counted', async () => {
    const { user } = await createUser();
    const statuses = await Promise.all([1, 2, 3].map(() => postSignIn(t.agent(), user.email, WRONG).then((r) => r.status)));
    assert.deepEqual(statuses, [401, 401, 401]);
    const stored = await UserModel.findById(user.id).orFail();
    assert.equal(stored.failedLogins, 3);
  });
});
