import { randomInt } from 'node:crypto';

/**
 * A password for accounts created by the seed or `user:create` without one: four groups of five
 * characters from an alphabet without look-alikes (0/O, 1/l/I), about 110 bits of randomness,
 * readable aloud and well above the strength rule.
 */
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function generatePassword(groups = 4, groupLength = 5): string {
  const group = () => Array.from({ length: groupLength }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return Array.from({ length: groups }, group).join('-');
}
