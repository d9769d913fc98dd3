import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { parseInput } from '../../src/http/validate.js';
import { ValidationError } from '../../src/http/errors.js';

const schema = z.object({
  name: z.string().trim().min(1),
  email: z.string().email(),
  website: z.string().url().optional(),
  level: z.enum(['provinsi', 'kota']),
  address: z.object({ city: z.string().min(3, 'agencies:errors.city_short') }),
});

function detailsOf(input: unknown, against: z.ZodType = schema): Record<string, string> {
  try {
    parseInput(against, input);
  } catch (err) {
    assert.ok(err instanceof ValidationError);
    assert.equal(err.status, 422);
    return err.details ?? {};
  }
  assert.fail('expected a ValidationError');
}

describe('parseInput', () => {
  test('parseInput – valid input – returns the parsed, typed data', () => {
    const data = parseInput(schema, { name: ' Diskominfo ', email: 'a@b.go.id', level: 'kota', address: { city: 'Solok' } });
    assert.equal(data.name, 'Diskominfo');
  });

  test('parseInput – every kind of mistake – one i18n key per field path', () => {
    const details = detailsOf({ name: '  ', email: 'bukan-email', website: 'bukan alamat web', level: 'desa', address: { city: 'So' } });
    assert.deepEqual(details, {
      name: 'errors.field.required',
      email: 'errors.field.email',
      website: 'errors.field.url',
      level: 'errors.field.choice',
      'address.city': 'agencies:errors.city_short',
    });
  });

  test('parseInput – out of bounds – the key says what: a text, a list, a number or a date', () => {
    const bounded = z.object({
      text: z.string().min(3).max(5),
      list: z.array(z.string()).min(1).max(2),
      page: z.coerce.number().int().min(1).max(100),
      day: z.coerce.date().min(new Date('2000-01-01')).max(new Date('2030-12-31')),
    });
    assert.deepEqual(detailsOf({ text: 'ab', list: [], page: '0', day: '1999-12-31' }, bounded), {
      text: 'errors.field.too_short',
      list: 'errors.field.too_few',
      page: 'errors.field.too_low',
      day: 'errors.field.too_early',
    });
    assert.deepEqual(detailsOf({ text: 'abcdef', list: ['a', 'b', 'c'], page: '101', day: '2031-01-01' }, bounded), {
      text: 'errors.field.too_long',
      list: 'errors.field.too_many',
      page: 'errors.field.too_high',
      day: 'errors.field.too_late',
    });
  });

  test('parseInput – missing fields – required', () => {
    const details = detailsOf({});
    assert.equal(details.name, 'errors.field.required');
    assert.equal(details.address, 'errors.field.required');
  });
});
