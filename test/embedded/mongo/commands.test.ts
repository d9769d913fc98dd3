import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db, MongoServerError } from 'mongodb';
import { startTestEngine, type TestEngine } from './helpers.js';

function hasCode(code: number, codeName?: string) {
  return (err: MongoServerError) => {
    assert.equal(err.code, code, err.message);
    if (codeName) assert.equal(err.codeName, codeName);
    return true;
  };
}

describe('server and catalog commands', { timeout: 60_000 }, () => {
  let t: TestEngine;
  let db: Db;
  before(async () => {
    t = await startTestEngine();
    db = t.client.db('cmds');
  });
  after(async () => {
    await t.close();
  });

  test('buildInfo – version – 7.0.x with a version array', async () => {
    const info = await db.admin().command({ buildInfo: 1 });
    assert.match(info.version, /^7\.0\./);
    assert.deepEqual(info.versionArray.slice(0, 2), [7, 0]);
  });

  test('serverStatus – after some traffic – version, connections and opcounters', async () => {
    await db.collection('status').insertOne({ a: 1 });
    await db.collection('status').find({}).toArray();
    const status = await db.admin().command({ serverStatus: 1 });
    assert.match(status.version, /^7\./);
    assert.ok(status.connections.current >= 1);
    assert.ok(status.opcounters.insert >= 1);
    assert.ok(status.opcounters.query >= 1);
    assert.ok(Number(status.metrics.queryExecutor.collectionScans.total) >= 1);
  });

  test('hostInfo and getParameter – asked – system info and FCV 7.0', async () => {
    const host = await db.admin().command({ hostInfo: 1 });
    assert.ok(host.system.numCores >= 1);
    const fcv = await db.admin().command({ getParameter: 1, featureCompatibilityVersion: 1 });
    assert.equal(fcv.featureCompatibilityVersion.version, '7.0');
  });

  test('create – existing collection – 48 NamespaceExists', async () => {
    await db.createCollection('made');
    await assert.rejects(db.command({ create: 'made' }), hasCode(48, 'NamespaceExists'));
  });

  test('create – capped or time-series – refused with a clear error', async () => {
    await assert.rejects(db.createCollection('capped', { capped: true, size: 1000 }), (err: Error) => /capped collections are not supported/.test(err.message));
    await assert.rejects(db.createCollection('ts', { timeseries: { timeField: 't' } }), (err: Error) => /time-series/.test(err.message));
  });

  test('listCollections – name filter and nameOnly – matching entries only', async () => {
    await db.createCollection('listed_a');
    await db.createCollection('listed_b');
    const all = await db.listCollections({ name: /^listed_/ }).toArray();
    assert.deepEqual(all.map((c) => c.name).sort(), ['listed_a', 'listed_b']);
    assert.equal(all[0].type, 'collection');
    const only = await db.listCollections({ name: 'listed_a' }, { nameOnly: true }).toArray();
    assert.deepEqual(only, [{ name: 'listed_a', type: 'collection' }]);
  });

  test('listDatabases – after a write – database listed with its size', async () => {
    const { databases } = await t.client.db('admin').admin().listDatabases();
    const entry = databases.find((d) => d.name === 'cmds');
    assert.ok(entry);
    assert.ok((entry.sizeOnDisk ?? 0) > 0);
  });

  test('drop and dropDatabase – existing data – gone afterwards', async () => {
    const other = t.client.db('todrop');
    await other.collection('x').insertOne({ a: 1 });
    assert.equal(await other.collection('x').drop(), true);
    assert.equal((await other.listCollections().toArray()).length, 0);
    await other.collection('y').insertOne({ a: 1 });
    assert.equal(await other.dropDatabase(), true);
    const { databases } = await t.client.db('admin').admin().listDatabases();
    assert.equal(databases.some((d) => d.name === 'todrop'), false);
  });

  test('createIndexes and listIndexes – options – listed with mongod shape', async () => {
    const coll = db.collection('idx');
    await coll.createIndex({ email: 1 }, { unique: true });
    await coll.createIndex({ a: 1, b: -1 }, { name: 'ab', sparse: true });
    await coll.createIndex({ expires: 1 }, { expireAfterSeconds: 0 });
    const specs = await coll.listIndexes().toArray();
    assert.deepEqual(specs[0], { v: 2, key: { _id: 1 }, name: '_id_' });
    assert.deepEqual(specs.find((s) => s.name === 'email_1'), { v: 2, key: { email: 1 }, name: 'email_1', unique: true });
    assert.equal(specs.find((s) => s.name === 'ab')?.sparse, true);
    assert.equal(specs.find((s) => s.name === 'expires_1')?.expireAfterSeconds, 0);
    const again = await db.command({ createIndexes: 'idx', indexes: [{ key: { email: 1 }, name: 'email_1', unique: true }] });
    assert.equal(again.note, 'all indexes already exist');
  });

  test('createIndexes – same name with other keys – 86 IndexKeySpecsConflict', async () => {
    await assert.rejects(db.command({ createIndexes: 'idx', indexes: [{ key: { other: 1 }, name: 'email_1' }] }), hasCode(86));
  });

  test('listIndexes and dropIndexes – missing namespace – 26 NamespaceNotFound', async () => {
    await assert.rejects(db.collection('nothing').listIndexes().toArray(), hasCode(26, 'NamespaceNotFound'));
    await assert.rejects(db.command({ dropIndexes: 'nothing', index: '*' }), hasCode(26));
  });

  test('dropIndexes – by name, unknown name – dropped, then 27 IndexNotFound', async () => {
    const coll = db.collection('idx');
    await coll.dropIndex('ab');
    assert.equal((await coll.listIndexes().toArray()).some((s) => s.name === 'ab'), false);
    await assert.rejects(coll.dropIndex('ab'), hasCode(27, 'IndexNotFound'));
  });

  test('collMod – TTL change – old and new values reported and stored', async () => {
    const reply = await db.command({ collMod: 'idx', index: { keyPattern: { expires: 1 }, expireAfterSeconds: 3600 } });
    assert.equal(reply.expireAfterSeconds_old, 0);
    assert.equal(reply.expireAfterSeconds_new, 3600);
    const spec = (await db.collection('idx').listIndexes().toArray()).find((s) => s.name === 'expires_1');
    assert.equal(spec?.expireAfterSeconds, 3600);
  });

  test('endSessions and killSessions – any session – ok', async () => {
    const session = t.client.startSession();
    await db.collection('sess').insertOne({ a: 1 }, { session });
    await session.endSession();
    assert.equal((await db.admin().command({ killSessions: [] })).ok, 1);
    assert.equal((await db.admin().command({ endSessions: [] })).ok, 1);
  });

  test('transactions – withTransaction on a standalone – code 20 IllegalOperation', async () => {
    const session = t.client.startSession();
    try {
      await assert.rejects(
        session.withTransaction(async () => {
          await db.collection('txn').insertOne({ a: 1 }, { session });
        }),
        (err: MongoServerError) => {
          assert.equal(err.code, 20);
          assert.match(err.message, /Transaction numbers are only allowed on a replica set member or mongos/);
          return true;
        },
      );
    } finally {
      await session.endSession();
    }
    assert.equal(await db.collection('txn').countDocuments(), 0);
    await assert.rejects(db.admin().command({ commitTransaction: 1 }), hasCode(20));
  });

  test('explain – indexed equality vs unindexed – IXSCAN with index name vs COLLSCAN', async () => {
    const coll = db.collection('plans');
    await coll.insertMany(Array.from({ length: 50 }, (_, i) => ({ email: `u${i}@x`, n: i })));
    await coll.createIndex({ email: 1 });
    const indexed = await coll.find({ email: 'u7@x' }).explain('executionStats');
    assert.equal(indexed.queryPlanner.winningPlan.stage, 'FETCH');
    assert.equal(indexed.queryPlanner.winningPlan.inputStage.stage, 'IXSCAN');
    assert.equal(indexed.queryPlanner.winningPlan.inputStage.indexName, 'email_1');
    assert.equal(indexed.executionStats.totalDocsExamined, 1);
    const scan = await coll.find({ n: 7 }).explain();
    assert.equal(scan.queryPlanner.winningPlan.stage, 'COLLSCAN');
    const agg = await coll.aggregate([{ $match: { email: 'u1@x' } }]).explain();
    assert.equal(agg.queryPlanner.winningPlan.inputStage.indexName, 'email_1');
    const count = await db.command({ explain: { count: 'plans', query: { n: { $gt: 3 } } } });
    assert.equal(count.queryPlanner.winningPlan.stage, 'COLLSCAN');
  });

  test('collection scan counter – unindexed vs indexed query – only the scan counts', async () => {
    const coll = db.collection('plans');
    const scans = async () => Number((await db.admin().command({ serverStatus: 1 })).metrics.queryExecutor.collectionScans.total);
    const before = await scans();
    await coll.findOne({ email: 'u3@x' });
    await coll.countDocuments({ email: 'u4@x' });
    assert.equal(await scans(), before);
    await coll.findOne({ n: 3 });
    assert.equal(await scans(), before + 1);
  });

  test('collMod and createIndexes – hidden index and background option – listed as mongod lists them', async () => {
    const coll = db.collection('hidden');
    await coll.createIndex({ h: 1 }, { background: false });
    await db.command({ collMod: 'hidden', index: { name: 'h_1', hidden: true } });
    const spec = (await coll.listIndexes().toArray()).find((s) => s.name === 'h_1');
    assert.equal(spec?.hidden, true);
    assert.equal(spec?.background, false);
    const plan = await coll.find({ h: 1 }).explain();
    assert.equal(plan.queryPlanner.winningPlan.stage, 'COLLSCAN', 'a hidden index is not used');
  });

  test('find and aggregate – hint on a compound index – results in index order; unknown hint refused', async () => {
    const coll = db.collection('hinted');
    await coll.createIndex({ qty: -1, name: -1 });
    await coll.insertMany([{ name: 'Andrew', qty: 4 }, { name: 'Betty', qty: 5 }, { name: 'Charlie', qty: 4 }]);
    const viaFind = await coll.find({}, { hint: { qty: -1, name: -1 } }).toArray();
    assert.deepEqual(viaFind.map((d) => d.name), ['Betty', 'Charlie', 'Andrew']);
    const viaAggregate = await coll.aggregate([{ $match: {} }], { hint: 'qty_-1_name_-1' }).toArray();
    assert.deepEqual(viaAggregate.map((d) => d.name), ['Betty', 'Charlie', 'Andrew']);
    await assert.rejects(coll.find({}, { hint: 'nope_1' }).toArray(), hasCode(2));
  });

  test('create – collection default collation – used by finds without their own collation', async () => {
    await db.createCollection('collated', { collation: { locale: 'en', strength: 1 } });
    const coll = db.collection('collated');
    await coll.insertMany([{ name: 'alpha' }, { name: 'Zeta' }]);
    assert.deepEqual((await coll.find({}).sort({ name: 1 }).toArray()).map((d) => d.name), ['alpha', 'Zeta']);
    assert.equal(await coll.countDocuments({ name: 'ALPHA' }), 1);
  });
});
