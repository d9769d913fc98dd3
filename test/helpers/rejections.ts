/** Service tests assert both that a call fails and how: these helpers check the error's class. */
import assert from 'node:assert/strict';
import { ValidationError, type AppError } from '../../src/http/errors.js';

/** Awaits a promise that must reject with an error of the given class, and returns that error. */
export async function rejectsWith<T extends AppError>(promise: Promise<unknown>, type: new (...args: never[]) => T): Promise<T> {
  const error = await promise.then(
    () => assert.fail(`expected a rejection with ${type.name}`),
    (e: unknown) => e,
  );
  assert.ok(error instanceof type, `expected ${type.name}, got ${String(error)}`);
  return error;
}

/** The per-field messages of a call that must fail validation. */
export async function validationDetails(promise: Promise<unknown>): Promise<Record<string, string>> {
  return (await rejectsWith(promise, ValidationError)).details ?? {};
}
