/**
 * Attachments belong to a visit, practice or lesson; whether someone may see or change them is
 * that record's policy. Each owning module registers how to ask it (at import of its routes), so
 * this module stays ignorant of visits, practices and lessons.
 */
import type { ActingUser } from '../../auth/acting-user.js';
import { ForbiddenError, NotFoundError } from '../../http/errors.js';
import type { OwnerType } from './attachment.model.js';

export interface AttachmentOwnerAccess {
  /** false also when the record does not exist, or is a draft the actor may not see. */
  canRead(actor: ActingUser, ownerId: string): Promise<boolean>;
  canEdit(actor: ActingUser, ownerId: string): Promise<boolean>;
  /** The record's page, where upload and delete forms send the browser back to. */
  pageUrl(ownerId: string): string;
}

const owners = new Map<OwnerType, AttachmentOwnerAccess>();

export function registerAttachmentOwner(type: OwnerType, access: AttachmentOwnerAccess): void {
  owners.set(type, access);
}

export function ownerAccess(type: OwnerType): AttachmentOwnerAccess | undefined {
  return owners.get(type);
}

/**
 * The owner's access, once the actor is known to hold `need` on the owning record. Not found
 * rather than forbidden when the owner is hidden from the actor (e.g. another agency's draft).
 */
export async function requireOwnerAccess(
  actor: ActingUser,
  type: OwnerType,
  ownerId: string,
  need: 'read' | 'edit',
): Promise<AttachmentOwnerAccess> {
  const access = ownerAccess(type);
  if (!access || !(await access.canRead(actor, ownerId))) throw new NotFoundError();
  if (need === 'edit' && !(await access.canEdit(actor, ownerId))) throw new ForbiddenError();
  return access;
}
