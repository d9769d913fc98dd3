import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Meilisearch } from 'meilisearch';
import { MASTER_KEY, makeTempDir, startTestEngine } from './helpers.js';

const CLI = fileURLToPath(new URL('../../../src/embedded/search/cli.ts', import.meta.url));

/** Starts the CLI as a child process and resolves with its URL once it prints `ready`. */
async function startCli(dbPath: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--port', '0', '--db-path', dbPath, '--master-key', MASTER_KEY], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines = readline.createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`cli exited early with ${code}`)));
    lines.once('line', (line) => {
      const match = /^ready (http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
      if (match) resolve(match[1]);
      else reject(new Error(`unexpected first line: ${line}`));
    });
  });
  child.removeAllListeners('exit');
  return { child, url };
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

describe('embedded search persistence', () => {
  const dirs: string[] = [];
  after(async () => {
    for (const dir of dirs) await fs.rm(dir, { recursive: true, force: true });
  });

  test('restart – clean stop then start on the same dbPath – indexes, settings, documents and tasks survive', async () => {
    const dbPath = await makeTempDir();
    dirs.push(dbPath);
    const first = await startTestEngine({ dbPath });
    await first.client.createIndex('keep', { primaryKey: 'id' }).waitTask();
    await first.client.index('keep').updateFilterableAttributes(['kind']).waitTask();
    await first.client.index('keep').updateChat({ description: 'disimpan' }).waitTask();
    const added = await first.client.index('keep').addDocuments([{ id: 1, kind: 'a', title: 'pertama' }, { id: 2, kind: 'b', title: 'kedua' }]).waitTask();
    await first.engine.stop();

    const second = await startTestEngine({ dbPath });
    try {
      assert.equal((await second.client.getIndex('keep')).primaryKey, 'id');
      assert.deepEqual(await second.client.index('keep').getFilterableAttributes(), ['kind']);
      assert.equal((await second.client.index('keep').getChat()).description, 'disimpan');
      const res = await second.client.index('keep').search('', { filter: 'kind = b' });
      assert.deepEqual(res.hits.map((h) => h.id), [2]);
      assert.equal((await second.client.tasks.getTask(added.uid)).status, 'succeeded');
      const next = await second.client.index('keep').addDocuments([{ id: 3, kind: 'a' }]).waitTask();
      assert.ok(next.uid > added.uid, 'task uids keep growing after a restart');
    } finally {
      await second.engine.stop();
    }
  });

  test('snapshots – threshold reached after every batch – state restored from snapshot plus journal', async () => {
    const dbPath = await makeTempDir();
    dirs.push(dbPath);
    const first = await startTestEngine({ dbPath, snapshotThresholdBytes: 1 });
    await first.client.index('snap').addDocuments([{ id: 1, t: 'satu' }]).waitTask();
    await first.client.index('snap').addDocuments([{ id: 2, t: 'dua' }]).waitTask();
    await first.client.index('snap').deleteDocument(1).waitTask();
    const manifestFile = path.join(dbPath, 'snapshot', 'manifest.json');
    const fileOf = async (uid: string): Promise<string | undefined> => {
      const manifest = JSON.parse(await fs.readFile(manifestFile, 'utf8')) as { indexes: { uid: string; file: string }[] };
      return manifest.indexes.find((e) => e.uid === uid)?.file;
    };
    const snapFile = await fileOf('snap');
    assert.ok(snapFile);
    // A change to another index snapshots that one only: the unchanged index keeps its file.
    await first.client.index('other').addDocuments([{ id: 1 }]).waitTask();
    assert.equal(await fileOf('snap'), snapFile);
    assert.ok(await fileOf('other'));
    await first.engine.stop();
    const second = await startTestEngine({ dbPath });
    try {
      const docs = await second.client.index('snap').getDocuments();
      assert.deepEqual(docs.results, [{ id: 2, t: 'dua' }]);
    } finally {
      await second.engine.stop();
    }
  });

  test('crash – SIGKILL right after tasks succeeded – documents are there after restart, torn tail dropped, lock enforced', async () => {
    const dbPath = await makeTempDir();
    dirs.push(dbPath);
    const { child, url } = await startCli(dbPath);
    const client = new Meilisearch({ host: url, apiKey: MASTER_KEY, defaultWaitOptions: { interval: 5 } });
    await client.index('durable').updateSearchableAttributes(['title']).waitTask();
    const docs = Array.from({ length: 500 }, (_, i) => ({ id: i, title: `dokumen nomor ${i}` }));
    const task = await client.index('durable').addDocuments(docs).waitTask();
    assert.equal(task.status, 'succeeded');
    child.kill('SIGKILL');
    await exited(child);

    // A half-written record at the end of the journal must be cut off, not break the start.
    await fs.appendFile(path.join(dbPath, 'journal.log'), Buffer.from([200, 0, 0, 0, 1, 2, 3]));

    const restarted = await startCli(dbPath);
    try {
      const again = new Meilisearch({ host: restarted.url, apiKey: MASTER_KEY });
      assert.equal((await again.index('durable').getStats()).numberOfDocuments, 500);
      assert.deepEqual(await again.index('durable').getSearchableAttributes(), ['title']);
      assert.equal((await again.tasks.getTask(task.uid)).status, 'succeeded');
      const res = await again.index('durable').search('nomor 42');
      assert.ok(res.hits.some((h) => h.id === 42));
      // The killed process's lock was taken over; the running one's is not.
      await assert.rejects(startTestEngine({ dbPath }), /in use by process/);
    } finally {
      restarted.child.kill('SIGTERM');
      assert.equal(await exited(restarted.child), 0);
    }
  });
});
