import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setImmediate as nextLoopTurn } from 'node:timers/promises';
import { arrivalOrder } from '../../../src/embedded/search/http/arrival-order.js';

test('handlers start in the order they asked, the next only after a turn of the event loop', async () => {
  const order = arrivalOrder();
  const started: string[] = [];
  const done = ['a', 'b', 'c'].map((name) => order.run(() => started.push(name)));
  await Promise.resolve();
  await Promise.resolve();
  assert.deepEqual(started, ['a'], 'b waits for the poll phase after a, not just for microtasks');
  await nextLoopTurn();
  assert.deepEqual(started, ['a', 'b']);
  await Promise.all(done);
  assert.deepEqual(started, ['a', 'b', 'c']);
});

test('a request read while another runs queues behind the ones already waiting', async () => {
  const order = arrivalOrder();
  const started: string[] = [];
  let late: Promise<unknown> | undefined;
  const first = order.run(() => {
    started.push('first');
    late = order.run(() => started.push('late'));
  });
  const waiting = order.run(() => started.push('waiting'));
  await Promise.all([first, waiting]);
  await late;
  assert.deepEqual(started, ['first', 'waiting', 'late']);
});

test('the turn is handed on once a handler has started, whether it then waits, throws or fails', async () => {
  const order = arrivalOrder();
  const never = order.run(() => new Promise<never>(() => undefined));
  const thrown = order.run(() => {
    throw new Error('bad request');
  });
  const failed = order.run(() => Promise.reject(new Error('failed later')));
  const after = order.run(() => 'answered');
  await assert.rejects(thrown, /bad request/);
  await assert.rejects(failed, /failed later/);
  assert.equal(await after, 'answered');
  assert.ok(never instanceof Promise);
});

test('a queue that ran empty starts the next request at once', async () => {
  const order = arrivalOrder();
  await order.run(() => 1);
  await nextLoopTurn();
  let started = false;
  const next = order.run(() => (started = true));
  await Promise.resolve();
  assert.equal(started, true);
  await next;
});
