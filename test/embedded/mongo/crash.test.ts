import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MongoClient } from 'mongodb';
import { startEmbeddedMongo } from '../../../src/embedded/mongo/index.js';
import { makeTempDir } from './helpers.js';

const CLI = fileURLToPath(new URL('../../../src/embedded/mongo/cli.ts', import.meta.url));

/** Starts the CLI as its own process and resolves with the URI from its `ready` line. */
function startCli(dbPath: string): Promise<{ child: ChildProcess; uri: string; stdout: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--port', '0', '--dbpath', dbPath], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr?.on('data', (c: Buffer) => (err += c.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`CLI did not start: ${err}`)), 20_000);
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const match = /^ready (mongodb:\/\/127\.0\.0\.1:\d+\/)\n/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ child, uri: match[1], stdout: () => out });
      }
    });
    child.once('exit', (code) => reject(new Error(`CLI exited early (${code}): ${err}`)));
  });
}

describe('crash durability through the CLI', { timeout: 90_000 }, () => {
  test('CLI – SIGKILL in the middle of a write stream – every acknowledged insert survives', async () => {
    const dbPath = await makeTempDir();
    try {
      const { child, uri } = await startCli(dbPath);
      const client = await new MongoClient(uri, { serverSelectionTimeoutMS: 2000, retryWrites: false }).connect();
      const acknowledged: string[] = [];
      let stop = false;
      const writer = async (stream: number) => {
        for (let i = 0; !stop; i++) {
          const _id = `${stream}-${i}`;
          try {
            await client.db('crash').collection('events').insertOne({ _id: _id as unknown as never, pad: 'z'.repeat(300) });
            acknowledged.push(_id);
          } catch {
            return; // the engine died mid-request: this insert was never acknowledged
          }
        }
      };
      const writers = [0, 1, 2, 3].map(writer);
      // Kill once the stream is well under way (however slow a loaded machine is).
      const deadline = Date.now() + 30_000;
      while (acknowledged.length < 300 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      stop = true;
      await Promise.all(writers);
      await client.close();
      assert.ok(acknowledged.length >= 300, `only ${acknowledged.length} inserts acknowledged before the kill`);

      const engine = await startEmbeddedMongo({ dbPath, port: 0 });
      const check = await new MongoClient(engine.uri).connect();
      try {
        const stored = new Set((await check.db('crash').collection('events').find({}, { projection: { _id: 1 } }).toArray()).map((d) => String(d._id)));
        const lost = acknowledged.filter((id) => !stored.has(id));
        assert.deepEqual(lost, [], `${lost.length} acknowledged inserts lost`);
      } finally {
        await check.close();
        await engine.stop();
      }
    } finally {
      await fs.rm(dbPath, { recursive: true, force: true });
    }
  });

  test('CLI – SIGTERM – exits 0 after one ready line and releases the lock', async () => {
    const dbPath = await makeTempDir();
    try {
      const { child, stdout } = await startCli(dbPath);
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      assert.equal(await exited, 0);
      assert.equal(stdout().trim().split('\n').length, 1);
      assert.equal((await fs.readdir(dbPath)).includes('mongod.lock'), false);
    } finally {
      await fs.rm(path.resolve(dbPath), { recursive: true, force: true });
    }
  });
});
