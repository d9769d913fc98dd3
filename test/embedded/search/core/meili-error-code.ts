/** The core's validation throws MeiliError; tests check which `code` a bad input is refused with. */
import assert from 'node:assert/strict';
import { MeiliError } from '../../../../src/embedded/search/errors.js';

/** Runs `run`, which must throw a MeiliError, and returns that error's code. */
export function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof MeiliError);
    return error.code;
  }
  assert.fail('expected a MeiliError');
}
