/**
 * The soft-delete convention of every knowledge model (visit, practice, lesson): a deleted record
 * keeps its data and files, carries `deletedAt`/`deletedBy`, disappears from lists and pages, and
 * only an admin can restore it. A hard delete (records and files) is a separate, explicit act.
 */
import { Schema } from 'mongoose';
import { isAdmin, type ActingUser } from '../../auth/acting-user.js';
import { ForbiddenError } from '../../http/errors.js';

/** Add to a model's schema definition: `...SOFT_DELETE_FIELDS`. */
export const SOFT_DELETE_FIELDS = {
  deletedAt: { type: Date, default: null },
  deletedBy: { type: Schema.Types.ObjectId, default: null },
} as const;

export function softDeleteFields(actor: ActingUser): { deletedAt: Date; deletedBy: string } {
  return { deletedAt: new Date(), deletedBy: actor.id };
}

export function restoreFields(): { deletedAt: null; deletedBy: null } {
  return { deletedAt: null, deletedBy: null };
}

/** Only administrators bring back deleted records (and see them). */
export function canRestore(actor: ActingUser | null): boolean {
  return actor !== null && isAdmin(actor);
}

export function assertCanRestore(actor: ActingUser | null): void {
  if (!canRestore(actor)) throw new ForbiddenError();
}
