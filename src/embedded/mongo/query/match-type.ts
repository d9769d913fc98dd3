/** `$type` operands: names, numbers, 'number', or an array of them. */
import { commandError } from '../errors.js';
import { BSON_TYPE_NUMBERS, bsonTypeName } from './compare.js';
import { isNumeric, toNumber } from './numeric.js';

const NAMES_BY_NUMBER = new Map<number, string>(Object.entries(BSON_TYPE_NUMBERS).map(([k, v]) => [v, k]));

function typeNameOf(spec: unknown): string {
  if (typeof spec === 'string') {
    if (spec === 'number' || spec in BSON_TYPE_NUMBERS) return spec;
    throw commandError('BadValue', `Unknown type name alias: ${spec}`);
  }
  if (isNumeric(spec)) {
    const n = toNumber(spec);
    const name = NAMES_BY_NUMBER.get(n);
    if (!name) throw commandError('BadValue', `Invalid numerical type code: ${n}`);
    return name;
  }
  throw commandError('TypeMismatch', 'type must be represented as a number or a string');
}

export function compileTypeTest(arg: unknown): (v: unknown) => boolean {
  const specs = Array.isArray(arg) ? arg : [arg];
  if (specs.length === 0) throw commandError('FailedToParse', '$type must match at least one type');
  const names = new Set(specs.map(typeNameOf));
  const wantNumber = names.has('number');
  return (v) => {
    const name = bsonTypeName(v);
    return names.has(name) || (wantNumber && name !== 'missing' && isNumeric(v));
  };
}
