import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import mongoose, { type Connection } from 'mongoose';
import MongoStore from 'connect-mongo';
import { GridFSBucket, MongoBulkWriteError } from 'mongodb';
import { startTestEngine, type TestEngine } from './helpers.js';

describe('mongoose, connect-mongo and GridFS against the engine', { timeout: 60_000 }, () => {
  let t: TestEngine;
  let conn: Connection;
  before(async () => {
    t = await startTestEngine();
    conn = await mongoose.createConnection(`${t.engine.uri}app`).asPromise();
  });
  after(async () => {
    await conn.close();
    await t.close();
  });

  const agencySchema = new mongoose.Schema({ code: { type: String, unique: true, required: true }, name: String }, { timestamps: true });
  const visitSchema = new mongoose.Schema({
    agency: { type: mongoose.Schema.Types.ObjectId, ref: 'Agency' },
    topics: [String],
    on: Date,
  });

  test('model – create, findById, save changes, exists – round trip', async () => {
    const Agency = conn.model('Agency', agencySchema);
    await Agency.init();
    const solok = await Agency.create({ code: '13.72', name: 'Diskominfo Kota Solok' });
    const found = await Agency.findById(solok._id);
    assert.equal(found?.name, 'Diskominfo Kota Solok');
    assert.ok(found?.createdAt instanceof Date);
    found!.name = 'Dinas Kominfo Kota Solok';
    await found!.save();
    assert.equal((await Agency.findById(solok._id).lean())?.name, 'Dinas Kominfo Kota Solok');
    assert.ok(await Agency.exists({ code: '13.72' }));
  });

  test('model – duplicate unique key – MongoServerError 11000 with keyValue as mongoose surfaces it', async () => {
    const Agency = conn.model('Agency');
    await assert.rejects(Agency.create({ code: '13.72', name: 'again' }), (err: { code?: number; keyValue?: unknown; name: string }) => {
      assert.equal(err.name, 'MongoServerError');
      assert.equal(err.code, 11000);
      assert.deepEqual(err.keyValue, { code: '13.72' });
      return true;
    });
  });

  test('model – insertMany with a duplicate – MongoBulkWriteError', async () => {
    const Agency = conn.model('Agency');
    await assert.rejects(Agency.insertMany([{ code: '13.74' }, { code: '13.72' }]), (err: unknown) => {
      assert.ok(err instanceof MongoBulkWriteError);
      assert.equal(err.code, 11000);
      return true;
    });
    assert.ok(await Agency.exists({ code: '13.74' }));
  });

  test('model – populate, countDocuments, distinct, findOneAndUpdate upsert – expected answers', async () => {
    const Agency = conn.model('Agency');
    const Visit = conn.model('Visit', visitSchema);
    const solok = await Agency.findOne({ code: '13.72' });
    await Visit.create([
      { agency: solok!._id, topics: ['PPID', 'IKP'], on: new Date('2022-05-31') },
      { agency: solok!._id, topics: ['KIM'], on: new Date('2022-07-18') },
    ]);
    const visits = await Visit.find({ on: { $gte: new Date('2022-06-01') } }).populate('agency');
    assert.equal(visits.length, 1);
    assert.equal((visits[0].agency as unknown as { code: string }).code, '13.72');
    assert.equal(await Visit.countDocuments({ topics: 'PPID' }), 1);
    assert.deepEqual(await Visit.distinct('topics'), ['IKP', 'KIM', 'PPID']);
    const upserted = await Agency.findOneAndUpdate({ code: '13.01' }, { $set: { name: 'Bappeda' } }, { upsert: true, new: true });
    assert.equal(upserted?.name, 'Bappeda');
    assert.ok(upserted?.createdAt instanceof Date, 'timestamps are set through $setOnInsert');
  });

  test('connect-mongo – native TTL store – session set, read, expired by the TTL monitor', async () => {
    const store = MongoStore.create({ mongoUrl: `${t.engine.uri}app`, collectionName: 'sessions', autoRemove: 'native' });
    const call = <T>(fn: (cb: (err: unknown, v?: T) => void) => void) =>
      new Promise<T | undefined>((resolve, reject) => fn((err, v) => (err ? reject(err) : resolve(v))));
    const session = { cookie: { originalMaxAge: 60_000, expires: new Date(Date.now() + 60_000) }, user: 'budi' };
    await call((cb) => store.set('sid-1', session as never, cb));
    assert.equal(((await call((cb) => store.get('sid-1', cb as never))) as { user?: string })?.user, 'budi');
    const sessions = t.client.db('app').collection('sessions');
    const deadline = Date.now() + 3000;
    while (!(await sessions.listIndexes().toArray()).some((i) => i.expireAfterSeconds === 0) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    await sessions.updateOne({ _id: 'sid-1' as never }, { $set: { expires: new Date(Date.now() - 1000) } });
    assert.equal(t.engine.sweepExpired(), 1);
    assert.equal(await call((cb) => store.get('sid-1', cb as never)), null);
    await store.close();
  });

  test('GridFS – upload and download 600 KB – same bytes back', async () => {
    const bucket = new GridFSBucket(t.client.db('app'), { bucketName: 'files' });
    const content = 'isi berkas '.repeat(60_000);
    const upload = bucket.openUploadStream('laporan.txt');
    await new Promise((resolve, reject) => Readable.from([content]).pipe(upload).on('finish', resolve).on('error', reject));
    assert.equal(await text(bucket.openDownloadStream(upload.id)), content);
    assert.equal((await bucket.find({ filename: 'laporan.txt' }).toArray())[0].length, Buffer.byteLength(content));
  });
});
