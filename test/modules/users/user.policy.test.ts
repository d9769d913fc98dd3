import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ActingUser } from '../../../src/auth/acting-user.js';
import { canChangeActivation, canChangeRole, canManageUsers, canViewUser } from '../../../src/modules/users/user.policy.js';
import { canManageAgencies, canReadAgencies } from '../../../src/modules/agencies/agency.policy.js';

const person = (id: string, role: ActingUser['role']): ActingUser => ({ id, agencyId: 'ag', role, name: id, email: `${id}@uji.example` });
const admin = person('admin-1', 'admin');
const head = person('head-1', 'head');

describe('user and agency policies', () => {
  test('canManageUsers / canManageAgencies – admin yes, other roles and anonymous no', () => {
    assert.equal(canManageUsers(admin), true);
    assert.equal(canManageAgencies(admin), true);
    for (const role of ['staff', 'planner', 'head'] as const) {
      assert.equal(canManageUsers(person('x', role)), false, role);
      assert.equal(canManageAgencies(person('x', role)), false, role);
    }
    assert.equal(canManageUsers(null), false);
    assert.equal(canManageAgencies(null), false);
  });

  test('canViewUser – admin anyone, others only themselves', () => {
    assert.equal(canViewUser(admin, 'someone'), true);
    assert.equal(canViewUser(head, 'head-1'), true);
    assert.equal(canViewUser(head, 'someone'), false);
    assert.equal(canViewUser(null, 'someone'), false);
  });

  test('canChangeActivation / canChangeRole – admin on others yes, on own account no', () => {
    assert.equal(canChangeActivation(admin, 'someone'), true);
    assert.equal(canChangeActivation(admin, 'admin-1'), false);
    assert.equal(canChangeRole(admin, 'admin-1'), false);
    assert.equal(canChangeActivation(head, 'someone'), false);
  });

  test('canReadAgencies – any signed-in user, not anonymous', () => {
    assert.equal(canReadAgencies(person('x', 'staff')), true);
    assert.equal(canReadAgencies(null), false);
  });
});
