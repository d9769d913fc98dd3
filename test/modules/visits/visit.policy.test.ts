import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ActingUser, Role } from '../../../src/auth/acting-user.js';
import { canCreateVisit, canEditVisit, canReadVisit, canRestoreVisit, visibleVisitsFilter } from '../../../src/modules/visits/visit.policy.js';

const user = (role: Role, agencyId = 'solok'): ActingUser => ({ id: `u-${role}`, agencyId, role, name: role, email: `${role}@uji.example` });
const visit = (status: string, deleted = false) => ({ agencyIds: ['solok', 'padang-panjang'], status, deleted });

describe('visit policy', () => {
  test('canCreateVisit – staff, planner, head of an agency involved; admin for any – allowed; others refused', () => {
    for (const role of ['staff', 'planner', 'head'] as const) {
      assert.equal(canCreateVisit(user(role), ['solok', 'padang-panjang']), true, role);
      assert.equal(canCreateVisit(user(role, 'bukittinggi'), ['solok', 'padang-panjang']), false, role);
    }
    assert.equal(canCreateVisit(user('admin', 'kemendagri'), ['solok']), true);
    assert.equal(canCreateVisit(null, ['solok']), false);
  });

  test('canReadVisit – drafts – only agencies involved and admins; published – everyone signed in', () => {
    assert.equal(canReadVisit(user('staff', 'bukittinggi'), visit('draft')), false);
    assert.equal(canReadVisit(user('planner', 'padang-panjang'), visit('draft')), true);
    assert.equal(canReadVisit(user('admin', 'kemendagri'), visit('draft')), true);
    assert.equal(canReadVisit(user('staff', 'bukittinggi'), visit('published')), true);
    assert.equal(canReadVisit(null, visit('published')), false);
  });

  test('canEditVisit – visiting or host agency users and admins; deleted visits nobody', () => {
    assert.equal(canEditVisit(user('staff', 'padang-panjang'), visit('published')), true);
    assert.equal(canEditVisit(user('head', 'bukittinggi'), visit('published')), false);
    assert.equal(canEditVisit(user('admin', 'kemendagri'), visit('published')), true);
    assert.equal(canEditVisit(user('staff'), visit('published', true)), false);
    assert.equal(canReadVisit(user('staff'), visit('published', true)), false);
  });

  test('canRestoreVisit and visibleVisitsFilter – admin only restores; non-admin lists published or own drafts', () => {
    assert.equal(canRestoreVisit(user('admin')), true);
    assert.equal(canRestoreVisit(user('head')), false);
    assert.deepEqual(visibleVisitsFilter(user('staff')), { deletedAt: null, $or: [{ status: 'published' }, { agencyIds: 'solok' }] });
    assert.deepEqual(visibleVisitsFilter(user('admin')), { deletedAt: null });
  });
});
