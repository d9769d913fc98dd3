import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { verifyPassword } from '../../../src/auth/password.js';
import { UnauthorizedError } from '../../../src/http/errors.js';
import { UserModel } from '../../../src/modules/users/user.model.js';
import { changeOwnPassword, updateOwnProfile } from '../../../src/modules/users/profile.service.js';
import { createUser, type CreatedUser } from '../../helpers/factories.js';
import { validationDetails } from '../../helpers/rejections.js';
import { startTestDatabase, type TestDatabase } from '../test-database.js';

describe('profile service', () => {
  let db: TestDatabase;
  let me: CreatedUser;
  before(async () => {
    db = await startTestDatabase();
    me = await createUser({ role: 'staff' });
  });
  after(async () => {
    await db.stop();
  });

  test('updateOwnProfile – new name and position – stored; role and email untouched', async () => {
    await updateOwnProfile(me.acting, { name: 'Yuliati Desi Putri, S.I.Kom.', position: 'Pranata Humas', role: 'admin', email: 'x@y.example' });
    const stored = await UserModel.findById(me.user.id).orFail();
    assert.equal(stored.name, 'Yuliati Desi Putri, S.I.Kom.');
    assert.equal(stored.position, 'Pranata Humas');
    assert.equal(stored.role, 'staff');
    assert.equal(stored.email, me.user.email);
  });

  test('updateOwnProfile – empty name – name field error; anonymous refused', async () => {
    assert.ok((await validationDetails(updateOwnProfile(me.acting, { name: ' ', position: '' }))).name);
    await assert.rejects(updateOwnProfile(null, { name: 'X Y', position: '' }), UnauthorizedError);
  });

  test('changeOwnPassword – wrong current password – error, hash unchanged', async () => {
    const before = (await UserModel.findById(me.user.id).orFail()).passwordHash;
    const details = await validationDetails(
      changeOwnPassword(me.acting, { currentPassword: 'salah-sekali', newPassword: 'rendang-Payakumbuh-77x', confirmPassword: 'rendang-Payakumbuh-77x' }),
    );
    assert.equal(details.currentPassword, 'profile:errors.current_password_wrong');
    assert.equal((await UserModel.findById(me.user.id).orFail()).passwordHash, before);
  });

  test('changeOwnPassword – weak or mismatched new password – field errors', async () => {
    const weak = await validationDetails(changeOwnPassword(me.acting, { currentPassword: me.password, newPassword: 'qwerty123', confirmPassword: 'qwerty123' }));
    assert.match(weak.newPassword, /^auth:password\./);
    const mismatch = await validationDetails(
      changeOwnPassword(me.acting, { currentPassword: me.password, newPassword: 'rendang-Payakumbuh-77x', confirmPassword: 'rendang-payakumbuh-77x' }),
    );
    assert.equal(mismatch.confirmPassword, 'profile:errors.password_mismatch');
  });

  test('changeOwnPassword – correct current and strong new password – new one verifies, old one not', async () => {
    const next = 'rendang-Payakumbuh-77x';
    await changeOwnPassword(me.acting, { currentPassword: me.password, newPassword: next, confirmPassword: next });
    const stored = await UserModel.findById(me.user.id).orFail();
    assert.equal(await verifyPassword(stored.passwordHash, next), true);
    assert.equal(await verifyPassword(stored.passwordHash, me.password), false);
  });
});
