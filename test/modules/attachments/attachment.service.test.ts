import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import mongoose from 'mongoose';
import type { ActingUser } from '../../../src/auth/acting-user.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../../src/http/errors.js';
import { AttachmentModel } from '../../../src/modules/attachments/attachment.model.js';
import { registerAttachmentOwner } from '../../../src/modules/attachments/attachment-owners.js';
import { deleteAttachment, deleteAttachmentsOf, listAttachmentsOf, openAttachment, storeAttachments } from '../../../src/modules/attachments/attachment.service.js';
import { docxBytes, exeBytes, pdfBytes, pngBytes } from '../../helpers/knowledge-factories.js';
import { startTestDatabase, type TestDatabase } from '../test-database.js';

const actor: ActingUser = { id: new mongoose.Types.ObjectId().toString(), agencyId: 'a', role: 'staff', name: 'Staf', email: 's@uji.example' };
const limits = { maxBytes: 200_000, maxFiles: 3 };
const file = (originalname: string, buffer: Buffer) => ({ originalname, size: buffer.length, buffer });
const newOwner = () => ({ type: 'visit' as const, id: new mongoose.Types.ObjectId().toString() });

async function read(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

async function gridFsCount(collection: 'files' | 'chunks'): Promise<number> {
  return mongoose.connection.db!.collection(`attachments.${collection}`).countDocuments();
}

describe('attachment service (GridFS on the embedded engine)', () => {
  let db: TestDatabase;
  const hidden = new Set<string>();
  const readOnly = new Set<string>();
  before(async () => {
    db = await startTestDatabase();
    registerAttachmentOwner('visit', {
      canRead: async (_a, id) => !hidden.has(id),
      canEdit: async (_a, id) => !readOnly.has(id),
      pageUrl: (id) => `/kunjungan/${id}`,
    });
  });
  after(async () => {
    await db.stop();
  });

  test('storeAttachments – photo, PDF and DOCX – stored with content types, a thumbnail for the photo, bytes read back', async () => {
    const owner = newOwner();
    const photo = await pngBytes(1200, 800);
    const refs = await storeAttachments(actor, owner, [file('foto kunjungan.png', photo), file('laporan.pdf', pdfBytes()), file('notulen.docx', docxBytes())], { ...limits, maxBytes: 2_000_000 });
    assert.deepEqual(refs.map((r) => [r.filename, r.contentType, r.hasThumbnail]), [
      ['foto kunjungan.png', 'image/png', true],
      ['laporan.pdf', 'application/pdf', false],
      ['notulen.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', false],
    ]);
    const original = await openAttachment(actor, refs[0]!.id, 'original');
    assert.ok((await read(original.stream)).equals(photo));
    const thumb = await openAttachment(actor, refs[0]!.id, 'thumbnail');
    const thumbBytes = await read(thumb.stream);
    assert.equal(thumb.contentType, 'image/webp');
    assert.ok(thumbBytes.length > 0 && thumbBytes.length < photo.length);
    assert.equal((await listAttachmentsOf(owner)).length, 3);
  });

  test('storeAttachments – a program renamed foto.jpg – 422 type error, nothing stored', async () => {
    const owner = newOwner();
    await assert.rejects(storeAttachments(actor, owner, [file('laporan.pdf', pdfBytes()), file('foto.jpg', exeBytes())], limits), (error: unknown) => {
      assert.ok(error instanceof ValidationError);
      assert.deepEqual(error.details, { attachments: 'attachments:errors.type' });
      return true;
    });
    assert.equal(await AttachmentModel.countDocuments({ ownerId: owner.id }), 0);
  });

  test('storeAttachments – one file over the size limit – 422 too_large', async () => {
    const big = await pngBytes(2000, 2000);
    assert.ok(big.length > 1000);
    await assert.rejects(storeAttachments(actor, newOwner(), [file('besar.png', big)], { ...limits, maxBytes: 1000 }), (error: unknown) => {
      assert.ok(error instanceof ValidationError);
      assert.equal(error.details?.attachments, 'attachments:errors.too_large');
      return true;
    });
  });

  test('storeAttachments – one attachment over the per-record count – 422 too_many, earlier files kept', async () => {
    const owner = newOwner();
    await storeAttachments(actor, owner, [file('a.pdf', pdfBytes()), file('b.pdf', pdfBytes())], limits);
    await assert.rejects(storeAttachments(actor, owner, [file('c.pdf', pdfBytes()), file('d.pdf', pdfBytes())], limits), (error: unknown) => {
      assert.ok(error instanceof ValidationError);
      assert.equal(error.details?.attachments, 'attachments:errors.too_many');
      return true;
    });
    assert.equal((await listAttachmentsOf(owner)).length, 2);
  });

  test('deleteAttachmentsOf – record deleted for good – metadata, files and thumbnails removed from GridFS', async () => {
    const owner = newOwner();
    const filesBefore = await gridFsCount('files');
    const chunksBefore = await gridFsCount('chunks');
    await storeAttachments(actor, owner, [file('foto.png', await pngBytes(300, 200)), file('laporan.pdf', pdfBytes())], limits);
    assert.equal(await gridFsCount('files'), filesBefore + 3);
    assert.equal(await deleteAttachmentsOf(owner), 2);
    assert.equal(await gridFsCount('files'), filesBefore);
    assert.equal(await gridFsCount('chunks'), chunksBefore);
    assert.equal(await AttachmentModel.countDocuments({ ownerId: owner.id }), 0);
  });

  test('openAttachment and deleteAttachment – owner hidden or read-only for the actor – 404 and 403', async () => {
    const owner = newOwner();
    const [ref] = await storeAttachments(actor, owner, [file('laporan.pdf', pdfBytes())], limits);
    readOnly.add(owner.id);
    await assert.rejects(deleteAttachment(actor, ref!.id), ForbiddenError);
    hidden.add(owner.id);
    await assert.rejects(openAttachment(actor, ref!.id, 'original'), NotFoundError);
    hidden.delete(owner.id);
    readOnly.delete(owner.id);
    assert.deepEqual(await deleteAttachment(actor, ref!.id), owner);
    await assert.rejects(openAttachment(actor, ref!.id, 'original'), NotFoundError);
  });
});
