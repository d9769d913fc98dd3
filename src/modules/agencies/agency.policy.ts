import { isAdmin, type ActingUser } from '../../auth/acting-user.js';

/** Who may do what with agencies. Pure functions: the service asks, the routes never decide. */

/** Every signed-in user reads the agency directory (it names who visited whom). */
export function canReadAgencies(actor: ActingUser | null): boolean {
  return actor !== null;
}

/** Only administrators create, edit, deactivate or reactivate agencies. */
export function canManageAgencies(actor: ActingUser | null): boolean {
  return actor !== null && isAdmin(actor);
}
