import type { Binary, ObjectId, Timestamp } from 'bson';
import { typeRank } from '../compare.js';
import { toDec } from '../decimal.js';
import { toNumber } from '../numeric.js';
import { bsonTag, type Collation } from '../types.js';

/** Strings as a case-insensitive (strength 2) or also accent-insensitive (strength 1) collation sees them. */
function collated(s: string, collation?: Collation): string {
  if (!collation || !collation.locale || collation.locale === 'simple' || (collation.strength ?? 3) > 2) return s;
  const lower = s.toLocaleLowerCase(collation.locale.replace(/_/g, '-'));
  return collation.strength === 1 ? lower.normalize('NFD').replace(/\p{M}/gu, '') : lower;
}

/** A string key per value such that two values get the same key exactly when they compare equal. */
export function valueKey(v: unknown, collation?: Collation): string {
  switch (typeRank(v)) {
    case 2:
      return 'z';
    case 3: {
      if (typeof v === 'number' && Number.isSafeInteger(v)) return `n${v}e0`;
      const d = toDec(v);
      if (!d) return `n${toNumber(v)}`;
      if (d.coef === 0n) return 'n0e0';
      // Equal numbers of any type share one key: strip trailing zeros of the coefficient.
      let { coef, exp } = d;
      while (coef % 10n === 0n) {
        coef /= 10n;
        exp++;
      }
      return `n${coef}e${exp}`;
    }
    case 4:
      return `s${JSON.stringify(collated(typeof v === 'string' ? v : String((v as { value: unknown }).value), collation))}`;
    case 5: {
      const obj = bsonTag(v) === 'DBRef' ? (v as { toJSON(): Record<string, unknown> }).toJSON() : (v as Record<string, unknown>);
      return `O{${Object.keys(obj).map((k) => `${JSON.stringify(k)}:${valueKey(obj[k], collation)}`).join(',')}}`;
    }
    case 6:
      return `a[${(v as unknown[]).map((x) => valueKey(x, collation)).join(',')}]`;
    case 7: {
      const bytes = v instanceof Uint8Array ? v : (v as Binary).buffer;
      const sub = v instanceof Uint8Array ? 0 : (v as Binary).sub_type;
      return `x${sub}:${Buffer.from(bytes).toString('base64')}`;
    }
    case 8:
      return `o${(v as ObjectId).toHexString()}`;
    case 9:
      return v ? 'b1' : 'b0';
    case 10:
      return `d${(v as Date).getTime()}`;
    case 11:
      return `t${(v as Timestamp).t}:${(v as Timestamp).i}`;
    case 12:
      return v instanceof RegExp ? `r${v.source}/${v.flags}` : `r${String((v as { pattern: string }).pattern)}/${String((v as { options: string }).options)}`;
    case 1:
      return 'm';
    case 14:
      return 'M';
    default:
      return `u${String(v)}`;
  }
}
