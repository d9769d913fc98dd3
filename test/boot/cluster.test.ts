import { test } from 'node:test';
import assert from 'node:assert/strict';
import { workerEnvironment } from '../../src/cluster.js';

test('workerEnvironment – the primary\'s engines, session secret and number of processes', () => {
  const env = workerEnvironment({ mongodbUri: 'mongodb://127.0.0.1:40001/studitiru', searchHost: 'http://127.0.0.1:40002', searchApiKey: 'kunci' }, { sessionSecret: 'rahasia', webConcurrency: 3 });
  assert.deepEqual(env, {
    WEB_CONCURRENCY: '3',
    MONGODB_URI: 'mongodb://127.0.0.1:40001/studitiru',
    MEILI_HOST: 'http://127.0.0.1:40002',
    MEILI_MASTER_KEY: 'kunci',
    SESSION_SECRET: 'rahasia',
  });
});
