/** The E11000 error, carrying keyPattern/keyValue the way mongod's reply does (mongoose reads them). */
import { MongoCommandError } from '../errors.js';
import { EMPTY_ARRAY_KEY, formatKeyValue } from './keys.js';

type Doc = Record<string, unknown>;

export class DuplicateKeyError extends MongoCommandError {
  constructor(
    message: string,
    readonly keyPattern: Doc,
    readonly keyValue: Doc,
  ) {
    super(11000, 'DuplicateKey', message);
  }

  /** The fields mongod adds next to code/errmsg, in a writeError or an ok:0 reply. */
  details(): Doc {
    return { keyPattern: this.keyPattern, keyValue: this.keyValue };
  }
}

export function duplicateKeyError(ns: string, indexName: string, keyPattern: Doc, tuple: unknown[]): DuplicateKeyError {
  const keyValue: Doc = {};
  Object.keys(keyPattern).forEach((field, i) => {
    const v = tuple[i];
    keyValue[field] = v === EMPTY_ARRAY_KEY ? [] : (v ?? null);
  });
  const rendered = Object.keys(keyValue).map((f) => `${f}: ${formatKeyValue(keyValue[f])}`);
  const message = `E11000 duplicate key error collection: ${ns} index: ${indexName} dup key: { ${rendered.join(', ')} }`;
  return new DuplicateKeyError(message, keyPattern, keyValue);
}
