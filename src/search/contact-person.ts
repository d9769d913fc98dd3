/**
 * Whom to contact about a subject: "kontak pengelola podcast", "narahubung PPID". The person stands
 * on a practice's page (its contact), whatever its text says. A practice naming one holds the key,
 * which the engine query puts before the words asking for it (key-phrases.ts), so the subject's
 * practices naming a contact come first.
 */

/** A key no text holds, as those of places (place-names.ts). */
export const CONTACT_KEY = 'adanarahubung';

/** The contact person a practice's hit shows when the query asks whom to contact; email and phone stay on its page. */
export interface ContactPerson {
  name: string;
  position: string;
}

const field = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** The person a stored contact names, with their position; null without a name. */
export function contactPersonOf(contact: unknown): ContactPerson | null {
  if (typeof contact !== 'object' || contact === null) return null;
  const { name, position } = contact as Record<string, unknown>;
  return field(name) ? { name: field(name), position: field(position) } : null;
}

/** Whether a stored contact names a way to reach someone: a name, an email or a phone number. */
export function namesContact(contact: unknown): boolean {
  if (typeof contact !== 'object' || contact === null) return false;
  const { name, email, phone } = contact as Record<string, unknown>;
  return [name, email, phone].some((value) => field(value) !== '');
}
