import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MongoBulkWriteError, MongoClient, type Db, type MongoServerError } from 'mongodb';
import { startTestEngine, type TestEngine, type AnyDoc } from './helpers.js';

const E11000_EMAIL = 'E11000 duplicate key error collection: ix.users index: email_1 dup key: { email: "a@x" }';

describe('indexes', { timeout: 60_000 }, () => {
  let t: TestEngine;
  let db: Db;
  before(async () => {
    t = await startTestEngine();
    db = t.client.db('ix');
  });
  after(async () => {
    await t.close();
  });

  test('unique index – duplicate insertOne – E11000 with keyPattern and keyValue', async () => {
    const users = db.collection<AnyDoc>('users');
    await users.createIndex({ email: 1 }, { unique: true });
    await users.insertOne({ email: 'a@x' });
    await assert.rejects(users.insertOne({ email: 'a@x' }), (err: MongoServerError) => {
      assert.equal(err.code, 11000);
      assert.equal(err.message, E11000_EMAIL);
      assert.deepEqual(err.keyPattern, { email: 1 });
      assert.deepEqual(err.keyValue, { email: 'a@x' });
      return true;
    });
  });

  test('unique index – insertMany ordered vs unordered – stops at first error vs continues', async () => {
    const users = db.collection<AnyDoc>('users');
    const batch = [{ email: 'b@x' }, { email: 'a@x' }, { email: 'c@x' }];
    await assert.rejects(users.insertMany(batch), (err: MongoBulkWriteError) => {
      assert.ok(err instanceof MongoBulkWriteError);
      assert.equal(err.code, 11000);
      assert.equal(err.result.insertedCount, 1);
      return true;
    });
    await assert.rejects(users.insertMany([{ email: 'd@x' }, { email: 'a@x' }, { email: 'e@x' }], { ordered: false }), (err: MongoBulkWriteError) => {
      assert.equal(err.result.insertedCount, 2);
      assert.equal(err.writeErrors instanceof Array ? err.writeErrors.length : 1, 1);
      return true;
    });
    assert.equal(await users.countDocuments({ email: { $in: ['b@x', 'c@x', 'd@x', 'e@x'] } }), 3);
  });

  test('unique index – update into an existing key – E11000 and the document unchanged', async () => {
    const users = db.collection<AnyDoc>('users');
    await assert.rejects(users.updateOne({ email: 'b@x' }, { $set: { email: 'a@x' } }), (err: MongoServerError) => err.code === 11000);
    assert.equal(await users.countDocuments({ email: 'b@x' }), 1);
    await assert.rejects(
      db.command({ findAndModify: 'users', query: { email: 'b@x' }, update: { $set: { email: 'a@x' } } }),
      (err: MongoServerError) => err.code === 11000 && err.keyValue?.email === 'a@x',
    );
  });

  test('compound unique index – same pair twice – rejected; other pair accepted', async () => {
    const c = db.collection<AnyDoc>('pairs');
    await c.createIndex({ agency: 1, code: 1 }, { unique: true });
    await c.insertOne({ agency: 'solok', code: 1 });
    await c.insertOne({ agency: 'padang', code: 1 });
    await assert.rejects(c.insertOne({ agency: 'solok', code: 1 }), (err: MongoServerError) => {
      assert.match(err.message, /index: agency_1_code_1 dup key: \{ agency: "solok", code: 1 \}/);
      assert.deepEqual(err.keyValue, { agency: 'solok', code: 1 });
      return true;
    });
  });

  test('sparse unique index – several documents without the field – all accepted', async () => {
    const c = db.collection<AnyDoc>('sparse');
    await c.createIndex({ nik: 1 }, { unique: true, sparse: true });
    await c.insertMany([{ a: 1 }, { a: 2 }, { nik: '1' }]);
    await assert.rejects(c.insertOne({ nik: '1' }), (err: MongoServerError) => err.code === 11000);
  });

  test('partial unique index – duplicates outside the filter – accepted', async () => {
    const c = db.collection<AnyDoc>('partial');
    await c.createIndex({ slug: 1 }, { unique: true, partialFilterExpression: { published: true } });
    await c.insertMany([{ slug: 's', published: false }, { slug: 's', published: false }, { slug: 's', published: true }]);
    await assert.rejects(c.insertOne({ slug: 's', published: true }), (err: MongoServerError) => err.code === 11000);
  });

  test('partial unique index built over existing documents – the filter\'s fields read too – duplicates outside it accepted, inside refused', async () => {
    // A build reads of each document only the fields the index needs: here its key and its filter's nested field.
    const c = db.collection<AnyDoc>('partialBuilt');
    await c.insertMany([{ slug: 's', meta: { live: false }, body: 'x' }, { slug: 's', meta: { live: false } }, { slug: 's', meta: { live: true } }, { slug: 't', meta: { live: true } }]);
    await c.createIndex({ slug: 1 }, { unique: true, partialFilterExpression: { 'meta.live': true } });
    await assert.rejects(c.insertOne({ slug: 't', meta: { live: true } }), (err: MongoServerError) => err.code === 11000);
    await c.insertOne({ slug: 's', meta: { live: false } });
    const dups = db.collection<AnyDoc>('partialBuiltDups');
    await dups.insertMany([{ slug: 'd', meta: { live: true } }, { slug: 'd', meta: { live: true } }]);
    await assert.rejects(dups.createIndex({ slug: 1 }, { unique: true, partialFilterExpression: { 'meta.live': true } }), (err: MongoServerError) => err.code === 11000);
  });

  test('unique index build – existing duplicates – fails with 11000 and no index', async () => {
    const c = db.collection<AnyDoc>('dups');
    await c.insertMany([{ k: 1 }, { k: 1 }]);
    await assert.rejects(c.createIndex({ k: 1 }, { unique: true }), (err: MongoServerError) => err.code === 11000);
    assert.equal((await c.listIndexes().toArray()).length, 1);
  });

  test('concurrent unique inserts – five clients, same key – exactly one wins', async () => {
    await db.collection<AnyDoc>('race').createIndex({ key: 1 }, { unique: true });
    const clients = await Promise.all(Array.from({ length: 5 }, () => new MongoClient(t.engine.uri).connect()));
    try {
      const results = await Promise.allSettled(
        clients.flatMap((c, i) => Array.from({ length: 4 }, (_, j) => c.db('ix').collection<AnyDoc>('race').insertOne({ key: 'same', by: `${i}-${j}` }))),
      );
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
      assert.ok(results.every((r) => r.status === 'fulfilled' || (r.reason as MongoServerError).code === 11000));
      assert.equal(await db.collection<AnyDoc>('race').countDocuments({ key: 'same' }), 1);
    } finally {
      await Promise.all(clients.map((c) => c.close()));
    }
  });

  test('TTL index – expired and fresh documents – only expired ones removed by the monitor', async () => {
    const c = db.collection<AnyDoc>('sessions');
    await c.createIndex({ expires: 1 }, { expireAfterSeconds: 0 });
    await c.insertMany([
      { _id: 'old', expires: new Date(Date.now() - 1000) },
      { _id: 'new', expires: new Date(Date.now() + 60_000) },
      { _id: 'none' },
    ]);
    const deadline = Date.now() + 4000;
    while ((await c.countDocuments({ _id: 'old' })) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual((await c.find({}).toArray()).map((d) => d._id).sort(), ['new', 'none']);
  });

  test('secondary index – range and $in queries at 20k documents – answered without a collection scan', async () => {
    const c = db.collection<AnyDoc>('big');
    await c.createIndex({ n: 1 });
    await c.createIndex({ tag: 1 });
    for (let start = 0; start < 20_000; start += 5000) {
      await c.insertMany(Array.from({ length: 5000 }, (_, i) => ({ n: start + i, tag: `t${(start + i) % 100}` })));
    }
    const scans = async () => Number((await db.admin().command({ serverStatus: 1 })).metrics.queryExecutor.collectionScans.total);
    const before = await scans();
    assert.equal(await c.countDocuments({ n: { $gte: 100, $lt: 150 } }), 50);
    assert.equal(await c.countDocuments({ tag: { $in: ['t1', 't2'] } }), 400);
    assert.equal((await c.findOne({ n: 19_999 }))?.tag, 't99');
    const plan = await c.find({ n: { $gt: 19_990 } }).explain('executionStats');
    assert.equal(plan.executionStats.totalDocsExamined, 9);
    assert.equal(await scans(), before);
  });

  test('planner – an empty $in in the top-level AND – nothing read, nothing found', async () => {
    // A visit linked to no practice asked for its practices with `_id: {$in: []}` and read every practice.
    const c = db.collection<AnyDoc>('linked');
    await c.insertMany(Array.from({ length: 500 }, (_, i) => ({ i })));
    assert.deepEqual(await c.find({ $and: [{ i: { $gte: 0 } }, { _id: { $in: [] } }] }).toArray(), []);
    assert.equal(await c.countDocuments({ i: { $in: [] } }), 0);
    const plan = await c.find({ i: { $in: [], $exists: true } }).explain('executionStats');
    assert.equal(plan.executionStats.totalDocsExamined, 0);
    assert.equal(await c.countDocuments({ $or: [{ i: { $in: [] } }, { i: 3 }] }), 1);
  });

  test('secondary index on the sort field – a page of 3,000 documents – read along the index, as a full sort would order it', async () => {
    // Dates repeat (runs of equal values ordered by _id), some are missing (null sorts first), a tenth is deleted.
    const c = db.collection<AnyDoc>('listed');
    const docs = Array.from({ length: 3000 }, (_, i) => ({ _id: i, day: i % 97 === 0 ? undefined : (i * 37) % 500, deleted: i % 10 === 0, tags: ['a'] }));
    await c.insertMany(docs.map(({ day, ...rest }) => (day === undefined ? rest : { ...rest, day })));
    const bySort = (dir: 1 | -1) => (a: (typeof docs)[number], b: (typeof docs)[number]) => dir * ((a.day ?? -1) - (b.day ?? -1)) || dir * (a._id - b._id);
    const live = docs.filter((d) => !d.deleted);
    const unindexed = await c.find({ deleted: false }, { projection: { _id: 1 } }).sort({ day: -1, _id: -1 }).skip(40).limit(20).toArray();
    await c.createIndex({ day: -1 });
    for (const dir of [-1, 1] as const) {
      const expected = [...live].sort(bySort(dir)).slice(40, 60).map((d) => d._id);
      const query = () => c.find({ deleted: false }, { projection: { _id: 1 } }).sort({ day: dir, _id: dir }).skip(40).limit(20);
      assert.deepEqual((await query().toArray()).map((d) => d._id), expected);
      const plan = await query().explain('executionStats');
      assert.ok(plan.executionStats.totalDocsExamined < 100, `examined ${plan.executionStats.totalDocsExamined}`);
    }
    assert.deepEqual(unindexed.map((d) => d._id), [...live].sort(bySort(-1)).slice(40, 60).map((d) => d._id));
    // An index made multikey cannot give a sort's order: the page is then sorted from every match.
    await c.createIndex({ tags: 1 });
    await c.updateOne({ _id: 1 }, { $set: { tags: ['b', 'c'] } });
    const byTag = await c.find({ deleted: false }, { projection: { _id: 1 } }).sort({ tags: -1, _id: 1 }).limit(3).toArray();
    assert.deepEqual(byTag.map((d) => d._id), [1, 2, 3]);
  });

  test('secondary index – find with a limit and no sort over 3,000 matches – reads only the documents it returns', async () => {
    // The search sync asks for 200 of its pending marks; reading every marked record first made a refill crawl.
    const c = db.collection<AnyDoc>('marked');
    await c.createIndex({ pending: 1 });
    await c.insertMany(Array.from({ length: 4000 }, (_, i) => ({ n: i, pending: i % 4 !== 0 })));
    const found = await c.find({ pending: true }).limit(20).toArray();
    assert.equal(found.length, 20);
    assert.ok(found.every((d) => d.pending === true));
    const plan = await c.find({ pending: true }).limit(20).explain('executionStats');
    assert.equal(plan.executionStats.totalDocsExamined, 20);
    assert.equal(plan.executionStats.nReturned, 20);
  });
});
