import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Long } from 'bson';
import { crc32c } from '../../../src/embedded/mongo/wire/crc32c.js';
import { startTestEngine, type TestEngine, type AnyDoc } from './helpers.js';
import { opMsg, opQuery, RawClient } from './raw-wire.js';

describe('wire protocol', { timeout: 60_000 }, () => {
  let t: TestEngine;
  before(async () => {
    t = await startTestEngine();
  });
  after(async () => {
    await t.close();
  });

  test('crc32c – standard check value – matches the Castagnoli polynomial', () => {
    assert.equal(crc32c(Buffer.from('123456789')), 0xe3069283);
  });

  test('handshake – legacy OP_QUERY isMaster – OP_REPLY with standalone fields', async () => {
    const raw = await RawClient.connect(t.engine.port);
    const reply = await raw.request(opQuery('admin.$cmd', { isMaster: 1, helloOk: true }));
    raw.close();
    assert.equal(reply.opCode, 1);
    assert.equal(reply.responseTo, 1);
    const doc = reply.doc;
    assert.equal(doc.ok, 1);
    assert.equal(doc.ismaster, true);
    assert.equal(doc.helloOk, true);
    assert.equal(doc.maxWireVersion, 21);
    assert.equal(doc.minWireVersion, 0);
    assert.equal(doc.logicalSessionTimeoutMinutes, 30);
    assert.equal(doc.maxMessageSizeBytes, 48_000_000);
    assert.equal(typeof doc.connectionId, 'number');
    assert.equal(doc.topologyVersion, undefined);
    assert.equal(doc.compression, undefined);
    assert.equal(doc.setName, undefined);
  });

  test('driver – ping and hello – answered through OP_MSG', async () => {
    const admin = t.client.db('admin');
    assert.deepEqual(await admin.command({ ping: 1 }), { ok: 1 });
    const hello = await admin.command({ hello: 1 });
    assert.equal(hello.isWritablePrimary, true);
  });

  test('OP_MSG – checksum flag – valid checksum answered with a checksummed reply', async () => {
    const raw = await RawClient.connect(t.engine.port);
    const reply = await raw.request(opMsg({ ping: 1, $db: 'admin' }, { checksum: true }));
    raw.close();
    assert.equal(reply.opCode, 2013);
    assert.equal(reply.flags & 1, 1);
    const end = reply.raw.length - 4;
    assert.equal(reply.raw.readUInt32LE(end), crc32c(reply.raw, 0, end));
    assert.equal(reply.doc.ok, 1);
  });

  test('OP_MSG – wrong checksum – connection closed', async () => {
    const raw = await RawClient.connect(t.engine.port);
    const msg = opMsg({ ping: 1, $db: 'admin' }, { checksum: true });
    msg.writeUInt32LE((msg.readUInt32LE(msg.length - 4) + 1) >>> 0, msg.length - 4);
    raw.send(msg);
    await raw.closed;
    assert.equal(raw.replies.length, 0);
  });

  test('OP_MSG – kind-1 document sequence – merged into the command', async () => {
    const raw = await RawClient.connect(t.engine.port);
    const insert = await raw.request(
      opMsg({ insert: 'seq', $db: 'proto' }, { sequences: { documents: [{ _id: 1 }, { _id: 2 }, { _id: 3 }] } }),
    );
    raw.close();
    assert.equal(insert.doc.n, 3);
    assert.equal(await t.client.db('proto').collection<AnyDoc>('seq').countDocuments(), 3);
  });

  test('OP_MSG – moreToCome (w:0) – executed without a reply', async () => {
    const raw = await RawClient.connect(t.engine.port);
    raw.send(opMsg({ insert: 'w0', documents: [{ _id: 'quiet' }], $db: 'proto', writeConcern: { w: 0 } }, { moreToCome: true }));
    const ping = await raw.request(opMsg({ ping: 1, $db: 'admin' }, { requestId: 99 }));
    raw.close();
    assert.equal(ping.responseTo, 99, 'the first reply belongs to the ping, not the w:0 insert');
    assert.equal(await t.client.db('proto').collection<AnyDoc>('w0').countDocuments({ _id: 'quiet' }), 1);
  });

  test('cursor id – find with more documents than the batch – int64 id', async () => {
    const raw = await RawClient.connect(t.engine.port);
    await raw.request(opMsg({ insert: 'ids', documents: [{ a: 1 }, { a: 2 }, { a: 3 }], $db: 'proto' }));
    const found = await raw.request(opMsg({ find: 'ids', batchSize: 1, $db: 'proto' }));
    raw.close();
    assert.ok(found.doc.cursor.id instanceof Long);
    assert.notEqual(found.doc.cursor.id.toString(), '0');
  });

  const malformed: Array<[string, () => Buffer]> = [
    ['garbage bytes', () => Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n')],
    [
      'length prefix over 48 MB',
      () => {
        const b = Buffer.alloc(16);
        b.writeInt32LE(49 * 1024 * 1024, 0);
        return b;
      },
    ],
    [
      'invalid BSON in the body',
      () => {
        const msg = opMsg({ ping: 1, $db: 'admin' });
        msg.writeInt32LE(3, 21); // body document claims 3 bytes
        return msg;
      },
    ],
    [
      'unknown opCode',
      () => {
        const msg = opMsg({ ping: 1, $db: 'admin' });
        msg.writeInt32LE(2010, 12);
        return msg;
      },
    ],
  ];

  for (const [name, bytes] of malformed) {
    test(`malformed message – ${name} – that connection closes, others keep working`, async () => {
      const bad = await RawClient.connect(t.engine.port);
      bad.send(bytes());
      await bad.closed;
      assert.equal(bad.replies.length, 0);
      assert.deepEqual(await t.client.db('admin').command({ ping: 1 }), { ok: 1 });
    });
  }

  test('malformed message – truncated message then close – engine keeps serving', async () => {
    const bad = await RawClient.connect(t.engine.port);
    bad.send(opMsg({ ping: 1, $db: 'admin' }).subarray(0, 20));
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(bad.replies.length, 0, 'a partial message gets no reply');
    bad.close();
    await bad.closed;
    assert.deepEqual(await t.client.db('admin').command({ ping: 1 }), { ok: 1 });
  });

  test('unknown command – anything unknown – code 59 CommandNotFound', async () => {
    await assert.rejects(t.client.db('admin').command({ frobnicate: 1 }), (err: { code?: number; codeName?: string; message: string }) => {
      assert.equal(err.code, 59);
      assert.equal(err.codeName, 'CommandNotFound');
      assert.equal(err.message, "no such command: 'frobnicate'");
      return true;
    });
  });
});
