import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkPasswordStrength, hashPassword, verifyPassword } from '../../src/auth/password.js';

describe('passwords', () => {
  test('hashPassword – any password – argon2id hash that verifies only the same password', async () => {
    const hash = await hashPassword('kucing-merah-terbang-97');
    assert.match(hash, /^\$argon2id\$/);
    assert.equal(await verifyPassword(hash, 'kucing-merah-terbang-97'), true);
    assert.equal(await verifyPassword(hash, 'kucing-merah-terbang-98'), false);
  });

  test('verifyPassword – malformed stored hash – false, not a crash', async () => {
    assert.equal(await verifyPassword('bukan-hash', 'x'), false);
  });

  test('checkPasswordStrength – shorter than 10 – too_short', () => {
    assert.equal(checkPasswordStrength('Ab1!xyz'), 'auth:password.too_short');
  });

  test('checkPasswordStrength – common passwords – common', () => {
    assert.equal(checkPasswordStrength('password123'), 'auth:password.common');
    assert.equal(checkPasswordStrength('qwertyuiop'), 'auth:password.common');
  });

  test('checkPasswordStrength – guessable Indonesian words or the user’s own name – too_weak', () => {
    assert.equal(checkPasswordStrength('Jakarta2022'), 'auth:password.too_weak');
    assert.equal(checkPasswordStrength('budisantoso1', ['Budi Santoso', 'budi@solokkota.go.id']), 'auth:password.too_weak');
  });

  test('checkPasswordStrength – several unrelated words – accepted', () => {
    assert.equal(checkPasswordStrength('kucing-merah-terbang-97'), null);
  });
});
