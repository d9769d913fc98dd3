import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Decimal128, Double, Int32, Long, ObjectId, type Db } from 'mongodb';
import { startTestEngine, type TestEngine, type AnyDoc } from './helpers.js';

describe('CRUD commands through the driver', { timeout: 60_000 }, () => {
  let t: TestEngine;
  let db: Db;
  before(async () => {
    t = await startTestEngine();
    db = t.client.db('crud');
  });
  after(async () => {
    await t.close();
  });

  test('insert – without _id – ObjectId generated and stored first', async () => {
    const coll = db.collection('ins');
    const { insertedId } = await coll.insertOne({ b: 1, a: 2 });
    assert.ok(insertedId instanceof ObjectId);
    const raw = await db.command({ find: 'ins', filter: { _id: insertedId } });
    assert.deepEqual(Object.keys(raw.cursor.firstBatch[0]), ['_id', 'b', 'a']);
  });

  test('insert and find – numeric types – Int32, Long, Double, Decimal128 kept distinct', async () => {
    const coll = db.collection<AnyDoc>('types', { promoteValues: false });
    await coll.insertOne({ _id: 'n', i: new Int32(1), l: Long.fromNumber(2), d: new Double(3), m: Decimal128.fromString('4.50') });
    const doc = await coll.findOne({ _id: 'n' });
    assert.ok(doc?.i instanceof Int32);
    assert.ok(doc?.l instanceof Long);
    assert.ok(doc?.d instanceof Double);
    assert.equal(String(doc?.m), '4.50');
    assert.equal(await db.collection<AnyDoc>('types').countDocuments({ d: { $type: 'double' } }), 1);
    assert.equal(await db.collection<AnyDoc>('types').countDocuments({ i: { $type: 'double' } }), 0);
  });

  test('find – 2,500 documents – every document reached through getMore', async () => {
    const coll = db.collection<AnyDoc>('many');
    await coll.insertMany(Array.from({ length: 2500 }, (_, i) => ({ i })));
    const cursor = coll.find({}, { batchSize: 1000 });
    const seen = await cursor.toArray();
    assert.equal(seen.length, 2500);
    assert.equal(new Set(seen.map((d) => d.i)).size, 2500);
    const first = await db.command({ find: 'many' });
    assert.equal(first.cursor.firstBatch.length, 101, 'default first batch as mongod');
    const more = await db.command({ getMore: first.cursor.id, collection: 'many' });
    assert.equal(more.cursor.nextBatch.length, 2399);
    assert.equal(more.cursor.id.toString(), '0');
  });

  test('killCursors – open cursor – killed and then unknown', async () => {
    const first = await db.command({ find: 'many', batchSize: 2 });
    const killed = await db.command({ killCursors: 'many', cursors: [first.cursor.id] });
    assert.equal(killed.cursorsKilled.length, 1);
    await assert.rejects(db.command({ getMore: first.cursor.id, collection: 'many' }), (err: { code?: number }) => err.code === 43);
  });

  test('find – sort, skip, limit, projection – mongod results', async () => {
    const coll = db.collection<AnyDoc>('many');
    const docs = await coll.find({ i: { $gte: 10 } }, { projection: { _id: 0, i: 1 } }).sort({ i: -1 }).skip(5).limit(3).toArray();
    assert.deepEqual(docs, [{ i: 2494 }, { i: 2493 }, { i: 2492 }]);
    const page = await coll.find({}, { projection: { _id: 0, i: 1 } }).sort({ i: 1 }).skip(10).limit(3).toArray();
    assert.deepEqual(page, [{ i: 10 }, { i: 11 }, { i: 12 }], 'a small page of a large sorted result');
    const single = await db.command({ find: 'many', filter: {}, batchSize: 5, singleBatch: true });
    assert.equal(single.cursor.firstBatch.length, 5);
    assert.equal(single.cursor.id.toString(), '0');
  });

  test('find and count – a page of a sorted match in a large collection – as a full sort, ties in insertion order', async () => {
    // 2,400 documents, 12 groups, a filter keeping half: the page is taken while the matches stream by.
    const coll = db.collection<AnyDoc>('paged');
    const all = Array.from({ length: 2400 }, (_, n) => ({ n, group: n % 12, kept: n % 2 === 0 }));
    await coll.insertMany(all.map((d) => ({ ...d })));
    const expected = all.filter((d) => d.kept).sort((a, b) => b.group - a.group || a.n - b.n);
    const page = await coll.find({ kept: true }, { projection: { _id: 0 } }).sort({ group: -1 }).skip(30).limit(20).toArray();
    assert.deepEqual(page, expected.slice(30, 50));
    const few = await coll.find({ kept: true, group: 4 }, { projection: { _id: 0, n: 1 } }).sort({ group: 1 }).limit(250).toArray();
    assert.deepEqual(few.map((d) => d.n), expected.filter((d) => d.group === 4).map((d) => d.n));
    assert.equal(await coll.countDocuments({ kept: true }), 1200);
    assert.equal((await db.command({ count: 'paged', query: { kept: true, group: { $gte: 6 } } })).n, 600);
    assert.deepEqual(await coll.distinct('group', { kept: true, group: { $lt: 3 } }), [0, 2]);
  });

  test('count, countDocuments and a sorted page – filters on nested, missing and array fields, $or, $nor, $expr – as a whole read finds', async () => {
    // A count reads of each document only the fields its filter tests; a page, those and its sort keys.
    const coll = db.collection<AnyDoc>('partial');
    await coll.insertMany(Array.from({ length: 900 }, (_, n) => ({ n, body: 'x'.repeat(n % 50), sync: n % 3 ? { pending: n % 2 === 0 } : {}, tags: n % 4 ? ['a', `t${n % 5}`] : [], ...(n % 7 ? { owner: n % 10 } : {}) })));
    const filters: AnyDoc[] = [
      { 'sync.pending': true },
      { 'sync.pending': { $exists: false } },
      { owner: { $exists: false } },
      { $or: [{ owner: 3 }, { tags: 't2' }] },
      { $nor: [{ tags: { $size: 0 } }, { 'sync.pending': false }] },
      { $expr: { $lt: ['$n', 100] } },
    ];
    for (const filter of filters) {
      const found = await coll.find(filter).toArray();
      assert.ok(found.length > 0 && found.length < 900, JSON.stringify(filter));
      assert.equal(await coll.countDocuments(filter), found.length, JSON.stringify(filter));
      assert.equal((await db.command({ count: 'partial', query: filter })).n, found.length, JSON.stringify(filter));
      const byN = [...found].sort((a, b) => Number(b.n) - Number(a.n));
      assert.deepEqual(await coll.find(filter).sort({ n: -1 }).limit(10).toArray(), byN.slice(0, 10), JSON.stringify(filter));
    }
  });

  test('find – collation strength 2 – case-insensitive match', async () => {
    const coll = db.collection<AnyDoc>('names');
    await coll.insertMany([{ name: 'Budi' }, { name: 'budi' }, { name: 'Sari' }]);
    assert.equal(await coll.countDocuments({ name: 'BUDI' }, { collation: { locale: 'id', strength: 2 } }), 2);
    assert.equal(await coll.countDocuments({ name: 'BUDI' }), 0);
  });

  test('update – multi, upsert with $setOnInsert – counts and upserted id', async () => {
    const coll = db.collection('upd');
    await coll.insertMany([{ k: 'a', n: 1 }, { k: 'a', n: 2 }, { k: 'b', n: 3 }]);
    const many = await coll.updateMany({ k: 'a' }, { $inc: { n: 10 } });
    assert.equal(many.matchedCount, 2);
    assert.equal(many.modifiedCount, 2);
    const up = await coll.updateOne({ k: 'c' }, { $set: { n: 1 }, $setOnInsert: { created: true } }, { upsert: true });
    assert.equal(up.upsertedCount, 1);
    assert.deepEqual(await coll.findOne({ k: 'c' }, { projection: { _id: 0 } }), { k: 'c', n: 1, created: true });
    const again = await coll.updateOne({ k: 'c' }, { $set: { n: 1 }, $setOnInsert: { created: false } }, { upsert: true });
    assert.equal(again.matchedCount, 1);
    assert.equal(again.modifiedCount, 0);
    assert.equal((await coll.findOne({ k: 'c' }))?.created, true);
  });

  test('update – arrayFilters and positional $ – only the matching elements change', async () => {
    const coll = db.collection('arr');
    const { insertedId: _id } = await coll.insertOne({ grades: [80, 95, 100], items: [{ s: 'x', q: 1 }, { s: 'y', q: 2 }] });
    await coll.updateOne({ _id }, { $set: { 'grades.$[g]': 0 } }, { arrayFilters: [{ g: { $gte: 95 } }] });
    await coll.updateOne({ _id, 'items.s': 'y' }, { $inc: { 'items.$.q': 5 } });
    const doc = await coll.findOne({ _id });
    assert.deepEqual(doc?.grades, [80, 0, 0]);
    assert.deepEqual(doc?.items, [{ s: 'x', q: 1 }, { s: 'y', q: 7 }]);
  });

  test('update – changing _id – ImmutableField error in writeErrors', async () => {
    const { insertedId } = await db.collection('arr').insertOne({ a: 1 });
    await assert.rejects(db.collection('arr').updateOne({ _id: insertedId }, { $set: { _id: new ObjectId() } }), (err: { code?: number }) => err.code === 66);
  });

  test('replaceOne and delete – one and many – counts', async () => {
    const coll = db.collection<AnyDoc>('del');
    await coll.insertMany([{ g: 1 }, { g: 1 }, { g: 2 }]);
    const replaced = await coll.replaceOne({ g: 2 }, { g: 3, r: true });
    assert.equal(replaced.modifiedCount, 1);
    assert.equal((await coll.deleteOne({ g: 1 })).deletedCount, 1);
    assert.equal((await coll.deleteMany({})).deletedCount, 2);
  });

  test('findAndModify – new, sort, fields, upsert, remove – lastErrorObject and value', async () => {
    const coll = db.collection<AnyDoc>('fam');
    await coll.insertMany([{ q: 1, v: 1 }, { q: 1, v: 2 }]);
    const updated = await coll.findOneAndUpdate({ q: 1 }, { $set: { hit: true } }, { sort: { v: -1 }, returnDocument: 'after', projection: { _id: 0 }, includeResultMetadata: true });
    assert.deepEqual(updated.value, { q: 1, v: 2, hit: true });
    assert.equal(updated.lastErrorObject?.updatedExisting, true);
    const upserted = await db.command({ findAndModify: 'fam', query: { q: 9 }, update: { $set: { v: 9 } }, upsert: true, new: true });
    assert.equal(upserted.lastErrorObject.updatedExisting, false);
    assert.ok(upserted.lastErrorObject.upserted instanceof ObjectId);
    assert.equal(upserted.value.v, 9);
    const removed = await coll.findOneAndDelete({ q: 9 });
    assert.equal(removed?.v, 9);
    const missing = await db.command({ findAndModify: 'fam', query: { q: 42 }, remove: true });
    assert.deepEqual(missing.lastErrorObject, { n: 0 });
    assert.equal(missing.value, null);
  });

  test('count and distinct – filters – mongod answers', async () => {
    const coll = db.collection<AnyDoc>('cd');
    await coll.insertMany([{ t: ['a', 'b'] }, { t: ['b', 'c'] }, { t: 'd' }, { u: 1 }]);
    assert.equal(await coll.estimatedDocumentCount(), 4);
    assert.equal((await db.command({ count: 'cd', query: { t: 'b' } })).n, 2);
    assert.deepEqual(await coll.distinct('t'), ['a', 'b', 'c', 'd']);
  });

  test('aggregate – $group, $lookup across collections – cursor result', async () => {
    await db.collection<AnyDoc>('authors').insertMany([{ _id: 1, name: 'Budi' }, { _id: 2, name: 'Sari' }]);
    await db.collection<AnyDoc>('posts').insertMany([{ a: 1, t: 'x' }, { a: 1, t: 'y' }, { a: 2, t: 'z' }]);
    const rows = await db
      .collection<AnyDoc>('posts')
      .aggregate([
        { $group: { _id: '$a', n: { $sum: 1 } } },
        { $lookup: { from: 'authors', localField: '_id', foreignField: '_id', as: 'author' } },
        { $sort: { _id: 1 } },
        { $project: { n: 1, name: { $arrayElemAt: ['$author.name', 0] } } },
      ])
      .toArray();
    assert.deepEqual(rows, [{ _id: 1, n: 2, name: 'Budi' }, { _id: 2, n: 1, name: 'Sari' }]);
  });

  test('aggregate – $out – target collection replaced', async () => {
    await db.collection<AnyDoc>('posts').aggregate([{ $match: { a: 1 } }, { $out: 'posts_a' }]).toArray();
    assert.equal(await db.collection<AnyDoc>('posts_a').countDocuments(), 2);
  });

  test('bulkWrite – unordered upserts with $setOnInsert and $set – every document stored and readable', async () => {
    const coll = db.collection('regions');
    const row = (code: string) => ({
      updateOne: {
        filter: { code },
        update: { $setOnInsert: { createdAt: new Date(), __v: 0 }, $set: { code, officialName: 'ACEH', name: 'Aceh', kind: 'provinsi', provinceCode: code, updatedAt: new Date() } },
        upsert: true,
      },
    });
    const result = await coll.bulkWrite([row('11'), row('12'), row('13')], { ordered: false });
    assert.equal(result.upsertedCount, 3);
    assert.deepEqual((await coll.find({}, { sort: { code: 1 } }).toArray()).map((d) => d.code), ['11', '12', '13']);
  });

  test('collection validator – document failing it – 121 DocumentValidationFailure; bypass allowed', async () => {
    await db.createCollection('validated', { validator: { $jsonSchema: { bsonType: 'object', required: ['name'] } } });
    const coll = db.collection('validated');
    await coll.insertOne({ name: 'ok' });
    await assert.rejects(coll.insertOne({ other: 1 }), (err: { code?: number }) => err.code === 121);
    await coll.insertOne({ other: 2 }, { bypassDocumentValidation: true });
    assert.equal(await coll.countDocuments(), 2);
  });

  test('insert – document over 16 MB – refused by the server, nothing stored', async () => {
    const coll = db.collection('huge');
    await assert.rejects(coll.insertOne({ data: 'x'.repeat(16 * 1024 * 1024) }), (err: { code?: number }) => err.code === 10334);
    assert.equal(await coll.countDocuments(), 0);
  });
});
