import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ValidationError } from '../../../src/http/errors.js';
import { parseInput } from '../../../src/http/validate.js';
import { agencyInputSchema, agencyListQuerySchema } from '../../../src/modules/agencies/agency.schemas.js';
import { normaliseAgencyName } from '../../../src/modules/agencies/agency.model.js';

const base = { name: 'Dinas Kominfo Kota Solok', shortName: 'Diskominfo Kota Solok', level: 'kota', regionCode: '13.72' };

function errorsOf(data: unknown): Record<string, string> {
  try {
    parseInput(agencyInputSchema, data);
  } catch (error) {
    assert.ok(error instanceof ValidationError);
    return error.details ?? {};
  }
  return assert.fail('expected a ValidationError');
}

describe('agency schemas', () => {
  test('agencyInputSchema – aliases typed one per line or with commas – trimmed list without blanks or repeats', () => {
    const parsed = parseInput(agencyInputSchema, { ...base, aliases: ' Kominfo Solok \n\nKominfo Solok, Diskominfo Pemko Solok' });
    assert.deepEqual(parsed.aliases, ['Kominfo Solok', 'Diskominfo Pemko Solok']);
    assert.deepEqual(parseInput(agencyInputSchema, { ...base, aliases: ['A', ' A ', 'B'] }).aliases, ['A', 'B']);
    assert.deepEqual(parseInput(agencyInputSchema, base).aliases, []);
  });

  test('agencyInputSchema – website – http(s) with a host accepted, other schemes and words refused', () => {
    assert.equal(parseInput(agencyInputSchema, { ...base, website: ' https://solokkota.go.id ' }).website, 'https://solokkota.go.id');
    assert.equal(parseInput(agencyInputSchema, { ...base, website: '' }).website, '');
    for (const website of ['javascript:alert(1)', 'ftp://solokkota.go.id', 'solokkota', 'https://localhost']) {
      assert.equal(errorsOf({ ...base, website }).website, 'agencies:errors.website_invalid', website);
    }
  });

  test('agencyInputSchema – level and region code shape – own messages', () => {
    assert.equal(errorsOf({ ...base, level: 'desa' }).level, 'agencies:errors.level_invalid');
    assert.equal(errorsOf({ ...base, level: undefined }).level, 'agencies:errors.level_invalid');
    assert.equal(errorsOf({ ...base, regionCode: '13.7' }).regionCode, 'agencies:errors.region_invalid');
  });

  test('agencyListQuerySchema – strings from a query string – typed filters with defaults', () => {
    assert.deepEqual(parseInput(agencyListQuerySchema, { page: '3', active: 'false', level: '' }), {
      q: '',
      level: '',
      province: '',
      active: false,
      page: 3,
      perPage: 20,
    });
    assert.throws(() => parseInput(agencyListQuerySchema, { perPage: '1000' }), ValidationError);
  });

  test('normaliseAgencyName – case and spacing variants – one key', () => {
    assert.equal(normaliseAgencyName('  Dinas   KOMINFO\tKota Solok '), 'dinas kominfo kota solok');
  });
});
