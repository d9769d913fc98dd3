/**
 * `$where`: a JavaScript predicate run with `this` bound to a JSON copy of the document, in a
 * separate V8 context with a time limit (mongod runs these in its embedded JavaScript engine).
 * Only primitives cross into the context (the document travels as a JSON string and the shell's
 * `sleep` is defined inside it), so the predicate cannot reach this realm's objects or `process`.
 */
import vm from 'node:vm';
import { MongoCommandError, commandError } from '../errors.js';
import { isNumeric, numKind, toNumber } from './numeric.js';
import { bsonTag } from './types.js';

/** Longest a single `$where` evaluation may run when the command set no `maxTimeMS`. */
const DEFAULT_LIMIT_MS = 1000;

const SHELL_PRELUDE = 'function sleep(ms) { const until = Date.now() + Number(ms); while (Date.now() < until) {} }';

function sourceOf(arg: unknown): string {
  if (typeof arg === 'string') return arg;
  if (typeof arg === 'function') return arg.toString();
  if (bsonTag(arg) === 'Code') return String((arg as { code: unknown }).code);
  throw commandError('BadValue', '$where got bad type');
}

/** Numbers become JS numbers so that `this.n > 5` and `===` behave as in the mongo shell. */
function toShellJson(doc: unknown): string {
  return JSON.stringify(doc, function (this: Record<string, unknown>, key: string, value: unknown) {
    const raw = this[key];
    return isNumeric(raw) && numKind(raw) !== 'decimal' ? toNumber(raw) : value;
  });
}

function timeLimitError(): MongoCommandError {
  return new MongoCommandError(50, 'MaxTimeMSExpired', 'Executor error during find command :: caused by :: operation exceeded time limit');
}

export function compileWhere(arg: unknown, deadline?: number): (doc: unknown) => boolean {
  const src = sourceOf(arg).trim();
  const context = vm.createContext({});
  vm.runInContext(SHELL_PRELUDE, context);
  const wrapped = /^function\b/.test(src) ? `__fn = (${src});` : `__fn = (function() { return (${src}); });`;
  try {
    vm.runInContext(wrapped, context, { timeout: DEFAULT_LIMIT_MS });
  } catch {
    try {
      vm.runInContext(`__fn = (function() { ${src} });`, context, { timeout: DEFAULT_LIMIT_MS });
    } catch (e) {
      throw commandError('BadValue', `$where compile error: ${String((e as Error).message)}`);
    }
  }
  const call = new vm.Script('!!__fn.call(JSON.parse(__json))');
  return (doc) => {
    const limit = deadline === undefined ? DEFAULT_LIMIT_MS : deadline - Date.now();
    if (limit <= 0) throw timeLimitError();
    context.__json = toShellJson(doc);
    try {
      return call.runInContext(context, { timeout: Math.max(1, Math.floor(limit)) }) === true;
    } catch (e) {
      if ((e as { code?: unknown }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw timeLimitError();
      throw new MongoCommandError(139, 'JSInterpreterFailure', `Executor error during find command :: caused by :: ${String((e as Error).message)}`);
    }
  };
}
