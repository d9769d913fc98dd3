import type { Role } from '../../auth/acting-user.js';
import type { UserDocument } from './user.model.js';

/** Plain account data for presenters and other modules; never carries the password hash. */
export interface UserRecord {
  id: string;
  name: string;
  email: string;
  nip: string | null;
  position: string;
  agencyId: string;
  role: Role;
  active: boolean;
  lockedUntil: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export function toUserRecord(doc: UserDocument): UserRecord {
  return {
    id: doc._id.toString(),
    name: doc.name,
    email: doc.email,
    nip: doc.nip ?? null,
    position: doc.position ?? '',
    agencyId: doc.agency.toString(),
    role: doc.role as Role,
    active: doc.active,
    lockedUntil: doc.lockedUntil ?? null,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}
