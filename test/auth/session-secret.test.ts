import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config.js';
import { ensureSessionSecret } from '../../src/auth/session-secret.js';

describe('session secret', () => {
  test('ensureSessionSecret – none configured – generated once in DATA_DIR and reused on the next boot', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'studitiru-secret-'));
    try {
      const first = await ensureSessionSecret(loadConfig({ DATA_DIR: dataDir }));
      const second = await ensureSessionSecret(loadConfig({ DATA_DIR: dataDir }));
      assert.ok((first.sessionSecret ?? '').length >= 48);
      assert.equal(second.sessionSecret, first.sessionSecret);
      assert.equal((await fs.readFile(path.join(dataDir, 'session-secret'), 'utf8')).trim(), first.sessionSecret);
      assert.equal((await fs.stat(path.join(dataDir, 'session-secret'))).mode & 0o777, 0o600);
    } finally {
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });

  test('ensureSessionSecret – SESSION_SECRET given – used as is, no file written', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'studitiru-secret-'));
    try {
      const config = await ensureSessionSecret(loadConfig({ DATA_DIR: dataDir, SESSION_SECRET: 's'.repeat(32) }));
      assert.equal(config.sessionSecret, 's'.repeat(32));
      await assert.rejects(fs.stat(path.join(dataDir, 'session-secret')), /ENOENT/);
    } finally {
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });
});
