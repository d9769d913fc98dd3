/** A string key per value such that two values get the same key exactly when they compare equal. */
import type { Binary, ObjectId, Timestamp } from 'bson';
import { typeRank } from '../compare.js';
import { toDec } from '../decimal.js';
import { toNumber } from '../numeric.js';
import { bsonTag } from '../types.js';

export function valueKey(v: unknown): string {
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
      return `s${JSON.stringify(typeof v === 'string' ? v : String((v as { value: unknown }).value))}`;
    case 5: {
      const obj = bsonTag(v) === 'DBRef' ? (v as { toJSON(): Record<string, unknown> }).toJSON() : (v as Record<string, unknown>);
      return `O{${Object.keys(obj).map((k) => `${JSON.stringify(k)}:${valueKey(obj[k])}`).join(',')}}`;
    }
    case 6:
      return `a[${(v as unknown[]).map(valueKey).join(',')}]`;
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
