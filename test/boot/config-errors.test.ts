/** Runs src/server.ts as a child process with invalid configuration: one line on stderr, exit 1. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function runServer(env: Record<string, string>) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'studitiru-boot-'));
  try {
    const { PATH, HOME } = process.env;
    return spawnSync(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      env: { PATH, HOME, DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env },
      encoding: 'utf8',
      timeout: 30_000,
    });
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

describe('boot with invalid configuration', () => {
  test('server – PORT=abc – exits 1 with one line naming PORT and no stack', () => {
    const result = runServer({ PORT: 'abc' });
    assert.equal(result.status, 1);
    const lines = result.stderr.trim().split('\n');
    assert.equal(lines.length, 1, result.stderr);
    assert.match(lines[0], /^Invalid configuration: PORT must be an integer/);
    assert.doesNotMatch(result.stderr, /\n\s+at /);
  });

  test('server – production without SESSION_SECRET – exits 1 with one clear line', () => {
    const result = runServer({ NODE_ENV: 'production' });
    assert.equal(result.status, 1);
    assert.equal(result.stderr.trim(), 'Invalid configuration: SESSION_SECRET is required when NODE_ENV=production');
    assert.equal(result.stdout, '');
  });
});
