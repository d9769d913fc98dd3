/**
 * Whom to contact about a subject: "kontak pengelola podcast", "narahubung PPID". The person stands
 * on a practice's page (its contact), whatever its text says. A practice naming one holds the key,
 * which the engine query puts before the words asking for it (key-phrases.ts), so the subject's
 * practices naming a contact come first.
 */

/** A key no text holds, as those of places (place-names.ts). */
export const CONTACT_KEY = 'adanarahubung';

/** Whether a stored contact names a way to reach someone: a name, an email or a phone number. */
export function namesContact(contact: unknown): boolean {
  if (typeof contact !== 'object' || contact === null) return false;
  const { name, email, phone } = contact as Record<string, unknown>;
  return [name, email, phone].some((field) => typeof field === 'string' && field.trim() !== '');
}
