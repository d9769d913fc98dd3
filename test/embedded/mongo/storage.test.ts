import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Decimal128, Int32, Long, MongoClient } from 'mongodb';
import { startEmbeddedMongo } from '../../../src/embedded/mongo/index.js';
import { makeTempDir, type AnyDoc } from './helpers.js';

async function withEngine<T>(dbPath: string, fn: (client: MongoClient) => Promise<T>, options: { compactMinBytes?: number } = {}): Promise<T> {
  const engine = await startEmbeddedMongo({ dbPath, port: 0, ...options });
  const client = await new MongoClient(engine.uri).connect();
  try {
    return await fn(client);
  } finally {
    await client.close();
    await engine.stop();
  }
}

async function journalFile(dbPath: string): Promise<string> {
  const files = (await fs.readdir(dbPath)).filter((f) => /^journal-\d+\.log$/.test(f)).sort();
  return path.join(dbPath, files[files.length - 1]);
}

describe('storage', { timeout: 60_000 }, () => {
  test('restart – documents, indexes, updates, deletes, drops – all there after reopening', async () => {
    const dbPath = await makeTempDir();
    try {
      await withEngine(dbPath, async (client) => {
        const c = client.db('p').collection<AnyDoc>('things');
        await c.createIndex({ code: 1 }, { unique: true });
        await c.insertMany([{ code: 1, v: new Int32(1) }, { code: 2, l: Long.fromString('9007199254740993') }, { code: 3, d: Decimal128.fromString('0.1') }]);
        await c.updateOne({ code: 1 }, { $set: { v: new Int32(5) } });
        await c.deleteOne({ code: 3 });
        await client.db('p').collection<AnyDoc>('gone').insertOne({ a: 1 });
        await client.db('p').collection<AnyDoc>('gone').drop();
      });
      await withEngine(dbPath, async (client) => {
        const c = client.db('p').collection<AnyDoc>('things', { promoteLongs: false });
        assert.deepEqual((await c.find({}, { projection: { _id: 0, code: 1 } }).toArray()).map((d) => d.code), [1, 2]);
        assert.equal((await c.findOne({ code: 1 }))?.v, 5);
        assert.equal(((await c.findOne({ code: 2 }))?.l as Long).toString(), '9007199254740993');
        assert.deepEqual((await c.listIndexes().toArray()).map((i) => i.name), ['_id_', 'code_1']);
        await assert.rejects(c.insertOne({ code: 2 }), (err: { code?: number }) => err.code === 11000);
        assert.deepEqual((await client.db('p').listCollections().toArray()).map((x) => x.name), ['things']);
      });
    } finally {
      await fs.rm(dbPath, { recursive: true, force: true });
    }
  });

  test('restart – partial and compound indexes over nested fields, documents updated and deleted – the indexes as before, the documents whole', async () => {
    // Replay decodes of each document only _id and what the indexes read: their keys, their partial filters.
    const dbPath = await makeTempDir();
    try {
      await withEngine(dbPath, async (client) => {
        const c = client.db('p').collection<AnyDoc>('records');
        await c.createIndex({ slug: 1 }, { unique: true, partialFilterExpression: { 'state.live': true } });
        await c.createIndex({ 'owner.id': 1, rank: -1 });
        await c.insertMany([1, 2, 3, 4].map((n) => ({ _id: n, slug: n % 2 ? 'a' : 'b', state: { live: n <= 2 }, owner: { id: n % 2 }, rank: n, body: 'x'.repeat(n * 10) })));
        await c.updateOne({ _id: 1 }, { $set: { 'state.live': false, rank: 9 } });
        await c.updateOne({ _id: 3 }, { $set: { 'state.live': true } });
        await c.deleteOne({ _id: 4 });
      });
      await withEngine(dbPath, async (client) => {
        const c = client.db('p').collection<AnyDoc>('records');
        // Live now: 2 (slug b) and 3 (slug a); 1 left the partial index when it stopped being live.
        await assert.rejects(c.insertOne({ _id: 5, slug: 'a', state: { live: true } }), (err: { code?: number }) => err.code === 11000);
        await c.insertOne({ _id: 6, slug: 'a', state: { live: false } });
        assert.deepEqual(await c.find({ 'owner.id': 1 }).sort({ rank: -1 }).toArray(), [
          { _id: 1, slug: 'a', state: { live: false }, owner: { id: 1 }, rank: 9, body: 'x'.repeat(10) },
          { _id: 3, slug: 'a', state: { live: true }, owner: { id: 1 }, rank: 3, body: 'x'.repeat(30) },
        ]);
        assert.deepEqual((await c.find({ 'owner.id': 0 }).toArray()).map((d) => d._id), [2]);
      });
    } finally {
      await fs.rm(dbPath, { recursive: true, force: true });
    }
  });

  test('journal – torn tail from an interrupted write – dropped with a log line, earlier data kept', async () => {
    const dbPath = await makeTempDir();
    try {
      await withEngine(dbPath, async (client) => {
        await client.db('p').collection<AnyDoc>('c').insertMany([{ _id: 1 }, { _id: 2 }]);
      });
      const file = await journalFile(dbPath);
      const size = (await fs.stat(file)).size;
      await fs.appendFile(file, Buffer.from([0x40, 0, 0, 0, 1, 2, 3, 4, 5, 6])); // frame header promising 64 bytes
      await withEngine(dbPath, async (client) => {
        assert.equal(await client.db('p').collection<AnyDoc>('c').countDocuments(), 2);
        await client.db('p').collection<AnyDoc>('c').insertOne({ _id: 3 });
      });
      assert.ok((await fs.stat(file)).size > size, 'the file was truncated and appended again');
      await withEngine(dbPath, async (client) => {
        assert.equal(await client.db('p').collection<AnyDoc>('c').countDocuments(), 3);
      });
    } finally {
      await fs.rm(dbPath, { recursive: true, force: true });
    }
  });

  test('journal – damaged record followed by valid ones – refuses to start, naming file and offset', async () => {
    const dbPath = await makeTempDir();
    try {
      await withEngine(dbPath, async (client) => {
        for (let i = 0; i < 5; i++) await client.db('p').collection<AnyDoc>('c').insertOne({ _id: i, pad: 'x'.repeat(100) });
      });
      const file = await journalFile(dbPath);
      const bytes = await fs.readFile(file);
      bytes[Math.floor(bytes.length / 2)] ^= 0xff;
      await fs.writeFile(file, bytes);
      await assert.rejects(startEmbeddedMongo({ dbPath, port: 0 }), (err: Error) => {
        assert.match(err.message, /journal-0\.log is corrupt at offset \d+ and valid records follow/);
        return true;
      });
      assert.equal((await fs.readFile(file)).length, bytes.length, 'the damaged file is left untouched');
    } finally {
      await fs.rm(dbPath, { recursive: true, force: true });
    }
  });

  test('compaction – journal past twice the live data – snapshot written, old journal gone, data intact', async () => {
    const dbPath = await makeTempDir();
    try {
      await withEngine(
        dbPath,
        async (client) => {
          const c = client.db('p').collection<AnyDoc>('c');
          await c.createIndex({ k: 1 });
          await c.insertOne({ _id: 'keep', k: 1 });
          for (let i = 0; i < 300; i++) await c.updateOne({ _id: 'keep' }, { $set: { pad: 'y'.repeat(200), i } });
          await new Promise((r) => setTimeout(r, 200));
        },
        { compactMinBytes: 20_000 },
      );
      const files = await fs.readdir(dbPath);
      assert.ok(files.some((f) => /^snapshot-\d+\.bson$/.test(f)), files.join(','));
      assert.equal(files.includes('journal-0.log'), false);
      await withEngine(dbPath, async (client) => {
        const doc = await client.db('p').collection<AnyDoc>('c').findOne({ _id: 'keep' });
        assert.equal(doc?.i, 299);
        assert.deepEqual((await client.db('p').collection<AnyDoc>('c').listIndexes().toArray()).map((i) => i.name), ['_id_', 'k_1']);
      });
    } finally {
      await fs.rm(dbPath, { recursive: true, force: true });
    }
  });

  test('compaction interrupted – new journal started, snapshot never renamed – both journals replayed, temp file removed', async () => {
    const dbPath = await makeTempDir();
    try {
      await withEngine(dbPath, async (client) => {
        await client.db('p').collection('c').insertMany([{ _id: 'a' }, { _id: 'b' }] as never[]);
      });
      // The state a crash leaves between "journal 1 opened" and "snapshot 1 renamed".
      await fs.writeFile(path.join(dbPath, 'journal-1.log'), '');
      await fs.writeFile(path.join(dbPath, 'snapshot-1.bson.tmp'), 'half-written');
      await withEngine(dbPath, async (client) => {
        await client.db('p').collection('c').deleteOne({ _id: 'a' as never });
        await client.db('p').collection('c').insertOne({ _id: 'c' as never });
      });
      const files = await fs.readdir(dbPath);
      assert.equal(files.includes('snapshot-1.bson.tmp'), false);
      await withEngine(dbPath, async (client) => {
        const ids = (await client.db('p').collection('c').find({}).toArray()).map((d) => String(d._id));
        assert.deepEqual(ids.sort(), ['b', 'c']);
      });
    } finally {
      await fs.rm(dbPath, { recursive: true, force: true });
    }
  });

  test('lock file – second engine on the same dbPath – refused while the first runs', async () => {
    const dbPath = await makeTempDir();
    const first = await startEmbeddedMongo({ dbPath, port: 0 });
    try {
      await assert.rejects(startEmbeddedMongo({ dbPath, port: 0 }), /already open/);
    } finally {
      await first.stop();
    }
    const again = await startEmbeddedMongo({ dbPath, port: 0 });
    await again.stop();
    await fs.rm(dbPath, { recursive: true, force: true });
  });

  test('write concern j:true – insert – acknowledged after the journal is synced', async () => {
    const dbPath = await makeTempDir();
    try {
      await withEngine(dbPath, async (client) => {
        const reply = await client.db('p').command({ insert: 'j', documents: [{ a: 1 }], writeConcern: { w: 1, j: true } });
        assert.equal(reply.n, 1);
      });
    } finally {
      await fs.rm(dbPath, { recursive: true, force: true });
    }
  });
});
