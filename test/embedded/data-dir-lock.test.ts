import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lockDataDirectory } from '../../src/embedded/data-dir-lock.js';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'data-dir-lock-'));
}

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('lockDataDirectory', () => {
  test('free directory – locked with this pid; release removes the file and the directory can be locked again', () => {
    const dir = tempDir();
    const release = lockDataDirectory(dir, 'LOCK');
    assert.equal(fs.readFileSync(path.join(dir, 'LOCK'), 'utf8'), String(process.pid));
    release();
    assert.equal(fs.existsSync(path.join(dir, 'LOCK')), false);
    lockDataDirectory(dir, 'LOCK')();
    fs.rmSync(dir, { recursive: true });
  });

  test('locked in this process – a second lock is refused, though the file holds our own pid', () => {
    const dir = tempDir();
    const release = lockDataDirectory(dir, 'LOCK');
    try {
      assert.throws(() => lockDataDirectory(dir, 'LOCK'), /already open in this process/);
    } finally {
      release();
      fs.rmSync(dir, { recursive: true });
    }
  });

  test('held by another running process – refused, naming it; the file is left as it was', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'mongod.lock'), String(process.ppid));
    assert.throws(() => lockDataDirectory(dir, 'mongod.lock'), new RegExp(`in use by process ${process.ppid}`));
    assert.equal(fs.readFileSync(path.join(dir, 'mongod.lock'), 'utf8'), String(process.ppid));
    fs.rmSync(dir, { recursive: true });
  });

  test('left by a process that no longer runs – taken over', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'LOCK'), String(deadPid()));
    const release = lockDataDirectory(dir, 'LOCK');
    assert.equal(fs.readFileSync(path.join(dir, 'LOCK'), 'utf8'), String(process.pid));
    release();
    fs.rmSync(dir, { recursive: true });
  });
});
