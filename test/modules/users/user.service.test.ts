import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { verifyPassword } from '../../../src/auth/password.js';
import { ForbiddenError } from '../../../src/http/errors.js';
import { UserModel } from '../../../src/modules/users/user.model.js';
import { findActingUserById } from '../../../src/modules/users/user.lookup.js';
import { createUser, getUser, listUsers, setUserActive, updateUser } from '../../../src/modules/users/user.service.js';
import { createAgency, createUser as makeUser, type CreatedUser } from '../../helpers/factories.js';
import { validationDetails } from '../../helpers/rejections.js';
import { startTestDatabase, type TestDatabase } from '../test-database.js';

describe('user service', () => {
  let db: TestDatabase;
  let admin: CreatedUser;
  let staff: CreatedUser;
  let agencyId: string;
  const form = () => ({
    name: 'Alwa Dudi, S.T., M.M.',
    email: '  Alwa.Dudi@SolokKota.example ',
    nip: '19850315 201001 1 001',
    position: 'Kepala Bidang IKP',
    agency: agencyId,
    role: 'planner',
    password: 'kerupuk-sanjai-Bukittinggi-2024',
  });

  before(async () => {
    db = await startTestDatabase();
    agencyId = (await createAgency()).id;
    admin = await makeUser({ role: 'admin', agency: agencyId });
    staff = await makeUser({ role: 'staff', agency: agencyId });
  });
  after(async () => {
    await db.stop();
  });

  test('createUser – admin with valid input – stored lower-cased with a hash, titles kept', async () => {
    const user = await createUser(admin.acting, form());
    assert.equal(user.email, 'alwa.dudi@solokkota.example');
    assert.equal(user.name, 'Alwa Dudi, S.T., M.M.');
    assert.equal(user.nip, '198503152010011001');
    const stored = await UserModel.findById(user.id).orFail();
    assert.notEqual(stored.passwordHash, form().password);
    assert.equal(await verifyPassword(stored.passwordHash, form().password), true);
    assert.equal(stored.failedLogins, 0);
    assert.equal(stored.lockedUntil, null);
  });

  test('createUser – duplicate email in other case – email field error, not a crash', async () => {
    const details = await validationDetails(createUser(admin.acting, { ...form(), email: 'ALWA.DUDI@solokkota.example', nip: '', name: '' }));
    assert.equal(details.email, 'users:errors.email_taken');
    assert.ok(details.name, 'schema errors and database checks are reported together');
    assert.equal(await UserModel.countDocuments({ email: 'alwa.dudi@solokkota.example' }), 1);
  });

  test('createUser – bad NIP, weak password, bad role – one error per field', async () => {
    const details = await validationDetails(
      createUser(admin.acting, { ...form(), email: 'baru@uji.example', nip: '198513152010011001', role: 'raja', password: 'password123' }),
    );
    assert.equal(details.nip, 'users:errors.nip_birth_date');
    assert.equal(details.role, 'users:errors.role_invalid');
    assert.match(details.password, /^auth:password\./, 'the strength check runs even when other fields fail');
    const weak = await validationDetails(createUser(admin.acting, { ...form(), email: 'baru@uji.example', nip: '', password: 'password123' }));
    assert.match(weak.password, /^auth:password\./);
    assert.equal(await UserModel.countDocuments({ email: 'baru@uji.example' }), 0);
  });

  test('createUser – inactive agency – agency field error', async () => {
    const closed = await createAgency({ active: false });
    const details = await validationDetails(createUser(admin.acting, { ...form(), email: 'tutup@uji.example', nip: '', agency: closed.id }));
    assert.equal(details.agency, 'users:errors.agency_inactive');
  });

  test('createUser – staff acting user, even calling the service directly – refused', async () => {
    await assert.rejects(createUser(staff.acting, { ...form(), email: 'staf@uji.example', nip: '' }), ForbiddenError);
    assert.equal(await UserModel.countDocuments({ email: 'staf@uji.example' }), 0);
  });

  test('listUsers – search, role and active filters; staff refused', async () => {
    const found = await listUsers(admin.acting, { q: 'alwa' });
    assert.deepEqual(found.items.map((u) => u.email), ['alwa.dudi@solokkota.example']);
    const admins = await listUsers(admin.acting, { role: 'admin', agency: agencyId });
    assert.deepEqual(admins.items.map((u) => u.id), [admin.user.id]);
    await assert.rejects(listUsers(staff.acting, {}), ForbiddenError);
  });

  test('getUser – self allowed, another user refused for non-admins', async () => {
    assert.equal((await getUser(staff.acting, staff.user.id)).email, staff.user.email);
    await assert.rejects(getUser(staff.acting, admin.user.id), ForbiddenError);
    assert.equal((await getUser(admin.acting, staff.user.id)).id, staff.user.id);
  });

  test('updateUser – admin changes another user; own role change refused', async () => {
    const target = await makeUser({ agency: agencyId });
    const updated = await updateUser(admin.acting, target.user.id, {
      name: 'Budiono, S.Sos.',
      email: target.user.email,
      nip: '',
      position: 'Pranata Humas Ahli Muda',
      agency: agencyId,
      role: 'head',
    });
    assert.equal(updated.role, 'head');
    assert.equal((await UserModel.findById(target.user.id).orFail()).position, 'Pranata Humas Ahli Muda');
    const own = { name: admin.user.name, email: admin.user.email, agency: agencyId, role: 'staff' };
    assert.equal((await validationDetails(updateUser(admin.acting, admin.user.id, own))).role, 'users:errors.own_role');
  });

  test('setUserActive – deactivated user loses the session user; admin cannot deactivate self', async () => {
    const target = await makeUser({ agency: agencyId });
    assert.ok(await findActingUserById(target.user.id));
    await setUserActive(admin.acting, target.user.id, false);
    assert.equal(await findActingUserById(target.user.id), null);
    await assert.rejects(setUserActive(admin.acting, admin.user.id, false), ForbiddenError);
    await assert.rejects(setUserActive(staff.acting, target.user.id, true), ForbiddenError);
    await setUserActive(admin.acting, target.user.id, true);
    assert.equal((await findActingUserById(target.user.id))?.email, target.user.email);
  });
});
