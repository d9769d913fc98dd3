/**
 * Who may do what with practices and lessons. Pure functions over plain data; services ask them
 * on every call, routes never decide. A record "belongs" to one agency: a practice to its owner,
 * a lesson to the agency of whoever recorded it.
 */
import { isAdmin, type ActingUser } from '../../auth/acting-user.js';
import type { KnowledgeStatus } from './practice.model.js';

export interface OwnedRecord {
  agencyId: string;
  status: KnowledgeStatus;
  deletedAt: Date | null;
}

/** Staff, planners and heads record knowledge; admins do everything. */
export function canCreateKnowledge(actor: ActingUser | null): actor is ActingUser {
  return actor !== null && ['staff', 'planner', 'head', 'admin'].includes(actor.role);
}

/** Published records are read by every signed-in user; drafts only by their agency; deleted ones by admins. */
export function canReadKnowledge(actor: ActingUser | null, record: OwnedRecord): boolean {
  if (actor === null) return false;
  if (isAdmin(actor)) return true;
  if (record.deletedAt !== null) return false;
  return record.status === 'published' || actor.agencyId === record.agencyId;
}

/** Users of the owning agency edit (and soft-delete) it; nobody edits a deleted record before it is restored. */
export function canEditKnowledge(actor: ActingUser | null, record: OwnedRecord): boolean {
  if (!canCreateKnowledge(actor) || record.deletedAt !== null) return false;
  return isAdmin(actor) || actor.agencyId === record.agencyId;
}

/** The condition a list query adds so an actor sees only what canReadKnowledge allows. */
export function visibleFilter(actor: ActingUser, agencyField: string): Record<string, unknown> {
  if (isAdmin(actor)) return {};
  return { deletedAt: null, $or: [{ status: 'published' }, { [agencyField]: { $eq: actor.agencyId } }] };
}
