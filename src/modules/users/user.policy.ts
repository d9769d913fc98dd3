import { isAdmin, type ActingUser } from '../../auth/acting-user.js';

/** Who may do what with user accounts. Pure functions; services ask them before every action. */

export function canManageUsers(actor: ActingUser | null): boolean {
  return actor !== null && isAdmin(actor);
}

/** Administrators see every account; anyone sees their own. */
export function canViewUser(actor: ActingUser | null, userId: string): boolean {
  return actor !== null && (isAdmin(actor) || actor.id === userId);
}

/**
 * An administrator cannot deactivate or demote their own account: it would lock them out of the
 * pages that undo it (another administrator has to do it).
 */
export function canChangeActivation(actor: ActingUser | null, userId: string): boolean {
  return canManageUsers(actor) && actor?.id !== userId;
}

export function canChangeRole(actor: ActingUser | null, userId: string): boolean {
  return canManageUsers(actor) && actor?.id !== userId;
}

/** Profile and password pages act only on the signed-in user's own account. */
export function canEditOwnProfile(actor: ActingUser | null): boolean {
  return actor !== null;
}
