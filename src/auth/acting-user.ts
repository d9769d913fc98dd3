/** Who is acting: the plain data every service and policy receives, never a mongoose document. */
export const ROLES = ['staff', 'planner', 'head', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface ActingUser {
  id: string;
  agencyId: string;
  role: Role;
  name: string;
  email: string;
}

export function isAdmin(user: ActingUser): boolean {
  return user.role === 'admin';
}
