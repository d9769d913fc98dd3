import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { nipProblem } from '../../../src/modules/users/nip.js';

const today = new Date('2026-01-01T00:00:00Z');

describe('nipProblem', () => {
  test('nipProblem – well-formed NIP of a man and of a woman – accepted', () => {
    assert.equal(nipProblem('198503152010011001', today), null);
    assert.equal(nipProblem('199001312015022003', today), null);
  });

  test('nipProblem – wrong length or non-digits – format error', () => {
    assert.equal(nipProblem('19850315201001100', today), 'users:errors.nip_format');
    assert.equal(nipProblem('1985031520100110011', today), 'users:errors.nip_format');
    assert.equal(nipProblem('19850315201001100x', today), 'users:errors.nip_format');
  });

  test('nipProblem – impossible or implausible birth date – birth date error', () => {
    assert.equal(nipProblem('198502302010011001', today), 'users:errors.nip_birth_date', '30 February');
    assert.equal(nipProblem('198513012010011001', today), 'users:errors.nip_birth_date', 'month 13');
    assert.equal(nipProblem('193001012010011001', today), 'users:errors.nip_birth_date', 'born 1930');
    assert.equal(nipProblem('201501012025011001', today), 'users:errors.nip_birth_date', 'ten years old');
  });

  test('nipProblem – appointment month 13 or before birth – appointment error', () => {
    assert.equal(nipProblem('198503152010131001', today), 'users:errors.nip_appointment');
    assert.equal(nipProblem('198503151980011001', today), 'users:errors.nip_appointment');
  });

  test('nipProblem – sex digit other than 1 or 2 – sex digit error', () => {
    assert.equal(nipProblem('198503152010013001', today), 'users:errors.nip_sex_digit');
    assert.equal(nipProblem('198503152010010001', today), 'users:errors.nip_sex_digit');
  });
});
