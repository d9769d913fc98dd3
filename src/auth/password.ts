/**
 * Password hashing (argon2id, @node-rs/argon2's default algorithm with its OWASP-level memory and
 * time costs) and the strength rule for setting a password: at least 10 characters, not a common
 * password, and a zxcvbn score of 3 or more using the common and Indonesian dictionaries.
 */
import { hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as indonesian from '@zxcvbn-ts/language-id';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** false (never a throw) for a wrong password or a malformed stored hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let estimator: ZxcvbnFactory | undefined;
function strengthEstimator(): ZxcvbnFactory {
  // Built on first use: loading the dictionaries takes a moment and most requests never need it.
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...indonesian.dictionary },
    graphs: common.adjacencyGraphs,
  });
  return estimator;
}

/**
 * null when acceptable, else an i18n key (auth namespace) saying what is wrong. `userInputs` are
 * words the person's password must not lean on: their name, email, agency.
 */
export function checkPasswordStrength(password: string, userInputs: string[] = []): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return 'auth:password.too_short';
  if (password.length > PASSWORD_MAX_LENGTH) return 'auth:password.too_long';
  // Each word of the inputs, and each input with its separators removed ("Budi Santoso" → "budisantoso").
  const words = userInputs
    .flatMap((input) => {
      const lower = input.toLowerCase().split('@')[0];
      return [...lower.split(/[^\p{L}\p{N}]+/u), lower.replace(/[^\p{L}\p{N}]+/gu, '')];
    })
    .filter((w) => w.length >= 3);
  const result = strengthEstimator().check(password, words);
  const wholeCommonPassword = result.sequence.some(
    (match) => match.pattern === 'dictionary' && match.dictionaryName === 'passwords-common' && match.i === 0 && match.j === password.length - 1,
  );
  if (wholeCommonPassword) return 'auth:password.common';
  if (result.score < 3) return 'auth:password.too_weak';
  return null;
}
