import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BSONRegExp, ObjectId } from 'bson';
import type { Db } from 'mongodb';
import { startTestEngine, type AnyDoc, type TestEngine } from './helpers.js';

/**
 * `$lookup` by a foreign field that an index leads with is answered through the index
 * (commands/aggregate.ts); its answers must be those of the match against the whole collection,
 * which the same lookup on an unindexed copy of the collection still takes.
 */
describe('$lookup through an index', { timeout: 60_000 }, () => {
  let engine: TestEngine;
  let db: Db;
  const foreign: AnyDoc[] = [
    { _id: 1, code: 'a', tags: ['x', 'y'] },
    { _id: 2, code: 'b', tags: ['y'] },
    { _id: 3, code: 'a', tags: [] },
    { _id: 4, code: null, tags: 'x' },
    { _id: 5, tags: ['z'] },
    { _id: 6, code: ['a', 'c'], tags: ['w'] },
    { _id: 7, code: 'A', tags: 'pattern' },
  ];
  const local: AnyDoc[] = [
    { _id: 'one', ref: 'a', tag: 'x', id: 2 },
    { _id: 'many', ref: ['b', 'c'], tag: ['y', 'z'], id: [1, 3, 99] },
    { _id: 'null', ref: null, tag: null, id: null },
    { _id: 'none', ref: 'nothing', tag: 'nothing', id: 42 },
    { _id: 'pattern', ref: new BSONRegExp('^a'), tag: new BSONRegExp('^p'), id: 7 },
    { _id: 'repeated', ref: ['b', 'b'], tag: ['y', 'y'], id: [2, 2] },
  ];

  before(async () => {
    engine = await startTestEngine();
    db = engine.client.db('lookup');
    await db.collection<AnyDoc>('indexed').insertMany(foreign);
    await db.collection<AnyDoc>('indexed').createIndex({ code: 1 });
    await db.collection<AnyDoc>('indexed').createIndex({ tags: 1, code: 1 });
    await db.collection<AnyDoc>('plain').insertMany(foreign);
    await db.collection<AnyDoc>('local').insertMany(local);
  });
  after(async () => engine.close());

  /** Each local document's matches, by _id, ordered (the order of a lookup's matches is not specified). */
  async function matches(from: string, localField: string, foreignField: string): Promise<Record<string, number[]>> {
    const rows = await db
      .collection<AnyDoc>('local')
      .aggregate<{ _id: string; found: AnyDoc[] }>([{ $lookup: { from, localField, foreignField, as: 'found' } }])
      .toArray();
    return Object.fromEntries(rows.map((r) => [r._id, r.found.map((d) => d._id as number).sort((a, b) => a - b)]));
  }

  test('by a field an index leads with, by a multikey field, by _id – same matches as against the whole collection', async () => {
    for (const [localField, foreignField] of [['ref', 'code'], ['tag', 'tags'], ['id', '_id']]) {
      assert.deepEqual(await matches('indexed', localField, foreignField), await matches('plain', localField, foreignField), `${localField} → ${foreignField}`);
    }
    assert.deepEqual(await matches('indexed', 'ref', 'code'), { one: [1, 3, 6], many: [2, 6], null: [4, 5], none: [], pattern: [], repeated: [2] });
    assert.deepEqual(await matches('indexed', 'id', '_id'), { one: [2], many: [1, 3], null: [], none: [], pattern: [7], repeated: [2] });
  });

  test('find by _id $in naming one id twice – the document once, as mongod answers', async () => {
    const found = await db.collection<AnyDoc>('indexed').find({ _id: { $in: [2, 2, 3] } }).toArray();
    assert.deepEqual(found.map((d) => d._id), [2, 3]);
  });

  test('a session joined to its user, as the session store reads it – the user by its ObjectId', async () => {
    const userId = new ObjectId();
    await db.collection('users').insertMany([{ _id: userId, name: 'Sari', active: true }, { _id: new ObjectId(), name: 'Budi', active: true }]);
    await db.collection<AnyDoc>('sessions').insertOne({ _id: 'sid', session: { passport: { user: userId.toHexString() } } });
    const [row] = await db
      .collection<AnyDoc>('sessions')
      .aggregate<{ user: Array<{ _id: { toHexString(): string }; name: string }> }>([
        { $match: { _id: 'sid' } },
        { $set: { userId: { $convert: { input: '$session.passport.user', to: 'objectId', onError: null, onNull: null } } } },
        { $lookup: { from: 'users', localField: 'userId', foreignField: '_id', pipeline: [{ $project: { name: 1 } }], as: 'user' } },
      ])
      .toArray();
    assert.deepEqual(row.user.map((u) => ({ ...u, _id: u._id.toHexString() })), [{ _id: userId.toHexString(), name: 'Sari' }]);
  });
});
