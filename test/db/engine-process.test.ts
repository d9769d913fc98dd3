/**
 * startEngineProcess: an engine CLI in a child process that reports `ready <url>`; a child that
 * dies before it is ready fails the start with its last error lines; stop() waits for the exit.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEngineProcess } from '../../src/db/engine-process.js';
import { createLogger } from '../../src/http/logger.js';

const cli = new URL('../../src/embedded/search/cli.ts', import.meta.url);
const logger = createLogger('silent');
let dir: string;

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'studitiru-engine-process-'));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

test('the engine serves once ready, takes its key from the environment, and stop() ends the process', async () => {
  const engine = await startEngineProcess({ name: 'search', cli, args: ['--port', '0', '--db-path', dir], env: { MEILI_MASTER_KEY: 'kunci-rahasia-uji-0123456789' }, logger });
  try {
    assert.match(engine.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal((await fetch(`${engine.url}/indexes`)).status, 401, 'the master key from MEILI_MASTER_KEY is required');
    const listed = await fetch(`${engine.url}/indexes`, { headers: { authorization: 'Bearer kunci-rahasia-uji-0123456789' } });
    assert.equal(listed.status, 200);
  } finally {
    await engine.stop();
  }
  assert.throws(() => process.kill(engine.pid, 0), /ESRCH/);
});

test('a second engine on a data dir in use fails to start and says why', async () => {
  const first = await startEngineProcess({ name: 'search', cli, args: ['--port', '0', '--db-path', dir], logger });
  try {
    await assert.rejects(startEngineProcess({ name: 'search', cli, args: ['--port', '0', '--db-path', dir], logger }), /search engine exited \(code 1\) before it was ready: .*cannot start/);
  } finally {
    await first.stop();
  }
});
