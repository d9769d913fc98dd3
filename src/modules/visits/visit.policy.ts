import { isAdmin, type ActingUser, type Role } from '../../auth/acting-user.js';

/**
 * Who may do what with visits. Pure functions over plain data: the service asks them for every
 * record it reads or writes, and builds list queries from visibleVisitsFilter().
 */
export interface VisitAccessFacts {
  /** visiting ∪ host agency ids. */
  agencyIds: readonly string[];
  status: string;
  deleted: boolean;
}

const CREATOR_ROLES: readonly Role[] = ['staff', 'planner', 'head', 'admin'];

function involves(actor: ActingUser, agencyIds: readonly string[]): boolean {
  return agencyIds.includes(actor.agencyId);
}

/** Staff, planners and heads record visits their own agency took part in; admins any visit. */
export function canCreateVisit(actor: ActingUser | null, agencyIds: readonly string[]): boolean {
  if (!actor || !CREATOR_ROLES.includes(actor.role)) return false;
  return isAdmin(actor) || involves(actor, agencyIds);
}

/** May the actor open the create form at all (before choosing agencies)? */
export function canStartVisit(actor: ActingUser | null): boolean {
  return actor !== null && CREATOR_ROLES.includes(actor.role);
}

/** Published visits are read by everyone signed in; drafts by the agencies involved; deleted ones by admins. */
export function canReadVisit(actor: ActingUser | null, visit: VisitAccessFacts): boolean {
  if (!actor) return false;
  if (isAdmin(actor)) return true;
  if (visit.deleted) return false;
  return visit.status === 'published' || involves(actor, visit.agencyIds);
}

/** Users of any visiting or host agency edit (and soft-delete) a visit; admins every visit. */
export function canEditVisit(actor: ActingUser | null, visit: VisitAccessFacts): boolean {
  if (!actor || visit.deleted) return false;
  return isAdmin(actor) || involves(actor, visit.agencyIds);
}

/** Restoring a soft-deleted visit and deleting one for good (with its files) are admin acts. */
export function canRestoreVisit(actor: ActingUser | null): boolean {
  return actor !== null && isAdmin(actor);
}

/** The list condition matching canReadVisit (deleted ones only when an admin asks for them). */
export function visibleVisitsFilter(actor: ActingUser, includeDeleted = false): Record<string, unknown> {
  if (isAdmin(actor)) return includeDeleted ? {} : { deletedAt: null };
  return { deletedAt: null, $or: [{ status: 'published' }, { agencyIds: actor.agencyId }] };
}
