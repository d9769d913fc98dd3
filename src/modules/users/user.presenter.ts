import { submittedForm } from '../agencies/form-values.js';
import type { UserRecord } from './user.record.js';

/** View models for the user pages; labels are i18n keys the views translate. */
export interface UserView {
  id: string;
  name: string;
  email: string;
  nip: string;
  position: string;
  agencyId: string;
  agencyName: string;
  roleKey: string;
  active: boolean;
  locked: boolean;
}

export function presentUser(user: UserRecord, agencyName: string, now = new Date()): UserView {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    nip: user.nip ?? '',
    position: user.position,
    agencyId: user.agencyId,
    agencyName,
    roleKey: `common:roles.${user.role}`,
    active: user.active,
    locked: user.lockedUntil !== null && user.lockedUntil > now,
  };
}

export const USER_FORM_FIELDS = ['name', 'email', 'nip', 'position', 'agency', 'role'] as const;
export type UserFormValues = Record<(typeof USER_FORM_FIELDS)[number], string>;

export const EMPTY_USER_FORM: UserFormValues = submittedForm(undefined, USER_FORM_FIELDS);

export function userFormValues(user: UserRecord): UserFormValues {
  return {
    name: user.name,
    email: user.email,
    nip: user.nip ?? '',
    position: user.position,
    agency: user.agencyId,
    role: user.role,
  };
}

/** The JSON shape of a user in the API (no password hash, no lockout counters). */
export function userJson(user: UserRecord, agencyName: string) {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    nip: user.nip,
    position: user.position,
    agency: { id: user.agencyId, shortName: agencyName },
    role: user.role,
    active: user.active,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}
