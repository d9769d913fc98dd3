/**
 * `$where`: a JavaScript predicate run with `this` bound to a plain-JS copy of the document, in a
 * separate V8 context with a time limit (mongod runs these in its embedded JavaScript engine).
 */
import vm from 'node:vm';
import { MongoCommandError, commandError } from '../errors.js';
import { isNumeric, numKind, toNumber } from './numeric.js';
import { bsonTag, isPlainObject } from './types.js';

/** Longest a single `$where` evaluation may run when the command set no `maxTimeMS`. */
const DEFAULT_LIMIT_MS = 1000;

function sourceOf(arg: unknown): string {
  if (typeof arg === 'string') return arg;
  if (typeof arg === 'function') return arg.toString();
  if (bsonTag(arg) === 'Code') return String((arg as { code: unknown }).code);
  throw commandError('BadValue', '$where got bad type');
}

/** Numbers become JS numbers so that `this.n > 5` and `===` behave as in the mongo shell. */
function toShellValue(v: unknown): unknown {
  if (isNumeric(v) && numKind(v) !== 'decimal') return toNumber(v);
  if (Array.isArray(v)) return v.map(toShellValue);
  if (isPlainObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toShellValue(x)]));
  return v;
}

function timeLimitError(): MongoCommandError {
  return new MongoCommandError(50, 'MaxTimeMSExpired', 'Executor error during find command :: caused by :: operation exceeded time limit');
}

export function compileWhere(arg: unknown, deadline?: number): (doc: unknown) => boolean {
  const src = sourceOf(arg).trim();
  const context = vm.createContext({
    sleep: (ms: number) => {
      const until = Date.now() + Number(ms);
      if (deadline !== undefined && until > deadline) throw timeLimitError();
      while (Date.now() < until) { /* mongo shell's sleep blocks */ }
    },
  });
  const wrapped = /^function\b/.test(src) ? `(${src})` : `(function() { return (${src}); })`;
  let fn: unknown;
  try {
    fn = vm.runInContext(wrapped, context, { timeout: DEFAULT_LIMIT_MS });
  } catch {
    try {
      fn = vm.runInContext(`(function() { ${src} })`, context, { timeout: DEFAULT_LIMIT_MS });
    } catch (e) {
      throw commandError('BadValue', `$where compile error: ${(e as Error).message}`);
    }
  }
  context.__fn = fn;
  const call = new vm.Script('__fn.call(__doc)');
  return (doc) => {
    const limit = deadline === undefined ? DEFAULT_LIMIT_MS : deadline - Date.now();
    if (limit <= 0) throw timeLimitError();
    context.__doc = toShellValue(doc);
    try {
      return !!call.runInContext(context, { timeout: Math.max(1, Math.floor(limit)) });
    } catch (e) {
      if (e instanceof MongoCommandError) throw e;
      if ((e as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw timeLimitError();
      throw new MongoCommandError(139, 'JSInterpreterFailure', `Executor error during find command :: caused by :: ${(e as Error).message}`);
    }
  };
}
