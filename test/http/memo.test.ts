import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memoized } from '../../src/http/memo.js';

test('memoized – a word read again – computed once, the same value', () => {
  const seen: string[] = [];
  const upper = memoized((word: string) => {
    seen.push(word);
    return word.toUpperCase();
  }, 10);
  assert.equal(upper('solok'), 'SOLOK');
  assert.equal(upper('solok'), 'SOLOK');
  assert.deepEqual(seen, ['solok']);
});

test('memoized – full – every word forgotten at once, then remembered again', () => {
  const seen: string[] = [];
  const length = memoized((word: string) => {
    seen.push(word);
    return word.length;
  }, 2);
  for (const word of ['a', 'bb', 'ccc', 'a', 'ccc']) length(word);
  // "ccc" found the memory full: "a" and "bb" were forgotten, so "a" is computed again.
  assert.deepEqual(seen, ['a', 'bb', 'ccc', 'a']);
});

test('memoized – a value that is undefined – remembered too', () => {
  let calls = 0;
  const nothing = memoized(() => {
    calls++;
    return undefined;
  }, 5);
  nothing('x');
  nothing('x');
  assert.equal(calls, 1);
});
