import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import mongoose from 'mongoose';
import type { Response as SuperagentResponse } from 'superagent';
import { attachmentLimitsFrom } from '../../../src/modules/attachments/attachment-limits.js';
import { FILES_PER_REQUEST } from '../../../src/modules/attachments/attachment-upload.js';
import { AttachmentModel } from '../../../src/modules/attachments/attachment.model.js';
import { VisitModel } from '../../../src/modules/visits/visit.model.js';
import { csrfTokenFrom } from '../../helpers/auth.js';
import { createTestVisit, docxBytes, exeBytes, pdfBytes, pngBytes } from '../../helpers/knowledge-factories.js';
import { startTestApp, type TestApp } from '../../helpers/test-app.js';
import { createVisitWorld, type Agent, type Member, type VisitWorld } from '../visits/visit-test-world.js';

type Upload = { name: string; data: Buffer };

/** supertest parser keeping a download's bytes as one Buffer, whatever its content type. */
function binary(res: SuperagentResponse, done: (err: Error | null, body: Buffer) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

describe('visit attachments over HTTP', () => {
  let t: TestApp;
  let w: VisitWorld;
  before(async () => {
    t = await startTestApp({ env: { ATTACHMENT_MAX_MB: '1', ATTACHMENT_MAX_FILES: '3' } });
    w = await createVisitWorld(t);
  });
  after(async () => {
    await t.stop();
  });

  function apiUpload(m: Member, visitId: string, files: Upload[]) {
    let req = t.agent().post(`/api/v1/visits/${visitId}/attachments`).set('Authorization', `Bearer ${m.token}`);
    for (const f of files) req = req.attach('attachments', f.data, f.name);
    return req;
  }

  /** Submits the visit page's own upload form: multipart, its CSRF token in the action's query string (no script). */
  async function formUpload(agent: Agent, visitId: string, files: Upload[]) {
    const page = (await agent.get(`/kunjungan/${visitId}`)).text;
    const action = /<form method="post" action="([^"]+)" enctype="multipart\/form-data">/.exec(page)?.[1]?.replace(/&amp;/g, '&') ?? '';
    assert.ok(action.startsWith(`/kunjungan/${visitId}/lampiran?_csrf=`), 'the page has an upload form');
    let req = agent.post(action);
    for (const f of files) req = req.attach('attachments', f.data, f.name);
    return req;
  }

  test('API upload – photo and DOCX – 201; the visit page lists them; download headers safe; thumbnail served', async () => {
    const visit = await createTestVisit(w.solokStaff.acting, { hostAgencyIds: [w.padangPanjang.id] });
    const res = await apiUpload(w.hostStaff, visit.id, [
      { name: 'Foto bersama – Padang Panjang.png', data: await pngBytes(900, 600) },
      { name: 'notulen "rapat".docx', data: docxBytes() },
    ]);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const [photo, doc] = res.body.data as { id: string; thumbnailUrl: string | null; downloadUrl: string }[];
    assert.ok(photo?.thumbnailUrl);
    assert.equal(doc?.thumbnailUrl, null);
    const page = await w.otherStaff.agent.get(`/kunjungan/${visit.id}`);
    assert.match(page.text, /Foto bersama – Padang Panjang\.png/);
    assert.doesNotMatch(page.text, /Unggah lampiran/, 'no upload form for another agency');
    const download = await w.otherStaff.agent.get(doc!.downloadUrl).buffer(true).parse(binary);
    assert.equal(download.status, 200);
    assert.equal(download.headers['content-type'], 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    assert.equal(download.headers['content-disposition'], `attachment; filename="notulen rapat.docx"; filename*=UTF-8''notulen%20rapat.docx`);
    assert.equal(download.headers['x-content-type-options'], 'nosniff');
    assert.ok((download.body as Buffer).equals(docxBytes()));
    const thumb = await w.otherStaff.agent.get(photo!.thumbnailUrl!).buffer(true).parse(binary);
    assert.equal(thumb.status, 200);
    assert.equal(thumb.headers['content-type'], 'image/webp');
    assert.match(thumb.headers['content-disposition'] ?? '', /^inline; /);
  });

  test('HTML upload form – a photo, then a program disguised as foto.jpg – first stored, second refused with a message', async () => {
    const visit = await createTestVisit(w.solokStaff.acting, { hostAgencyIds: [w.padangPanjang.id] });
    const ok = await formUpload(w.solokStaff.agent, visit.id, [{ name: 'foto.png', data: await pngBytes(200, 100) }]);
    assert.equal(ok.status, 303);
    assert.match((await w.solokStaff.agent.get(`/kunjungan/${visit.id}`)).text, /Lampiran sudah diunggah\./);
    assert.equal(await AttachmentModel.countDocuments({ ownerId: visit.id }), 1);
    const res = await formUpload(w.solokStaff.agent, visit.id, [{ name: 'foto.jpg', data: exeBytes() }]);
    assert.equal(res.status, 303);
    assert.equal(res.headers.location, `/kunjungan/${visit.id}#lampiran`);
    const page = await w.solokStaff.agent.get(`/kunjungan/${visit.id}`);
    assert.match(page.text, /Jenis berkas tidak diizinkan atau tidak sesuai dengan namanya\./);
    assert.equal(await AttachmentModel.countDocuments({ ownerId: visit.id }), 1);
  });

  test('limits from config – one file over the size, one attachment over the count – 422 and refused', async () => {
    const limits = attachmentLimitsFrom(t.config);
    const visit = await createTestVisit(w.solokStaff.acting, { hostAgencyIds: [w.padangPanjang.id] });
    const oversized = Buffer.concat([pdfBytes(), Buffer.alloc(limits.maxBytes + 10, 32)]);
    const big = await apiUpload(w.solokStaff, visit.id, [{ name: 'besar.pdf', data: oversized }]);
    assert.equal(big.status, 422);
    assert.equal(big.body.error.details.attachments, 'Berkas terlalu besar. Perkecil ukurannya lalu unggah lagi.');
    const full = Array.from({ length: limits.maxFiles }, (_, i) => ({ name: `lampiran-${i}.pdf`, data: pdfBytes() }));
    for (let i = 0; i < full.length; i += FILES_PER_REQUEST) {
      assert.equal((await apiUpload(w.solokStaff, visit.id, full.slice(i, i + FILES_PER_REQUEST))).status, 201);
    }
    const over = await apiUpload(w.solokStaff, visit.id, [{ name: 'satu-lagi.pdf', data: pdfBytes() }]);
    assert.equal(over.status, 422);
    assert.equal(over.body.error.details.attachments, 'Jumlah lampiran melebihi batas untuk satu catatan.');
    assert.equal(await AttachmentModel.countDocuments({ ownerId: visit.id }), limits.maxFiles);
    const other = await createTestVisit(w.solokStaff.acting, { hostAgencyIds: [w.padangPanjang.id] });
    const burst = Array.from({ length: FILES_PER_REQUEST + 1 }, (_, i) => ({ name: `b-${i}.pdf`, data: pdfBytes() }));
    const tooMany = await apiUpload(w.solokStaff, other.id, burst);
    assert.equal(tooMany.status, 422);
    assert.equal(tooMany.body.error.details.attachments, 'Unggah paling banyak 10 berkas sekaligus.');
  });

  test('permissions – other agency cannot upload or delete; a draft\'s files are hidden from other agencies', async () => {
    const visit = await createTestVisit(w.solokStaff.acting, { hostAgencyIds: [w.padangPanjang.id], status: 'draft' });
    const uploaded = await apiUpload(w.solokStaff, visit.id, [{ name: 'laporan.pdf', data: pdfBytes() }]);
    const fileId = uploaded.body.data[0].id as string;
    assert.equal((await apiUpload(w.otherStaff, visit.id, [{ name: 'x.pdf', data: pdfBytes() }])).status, 404);
    assert.equal((await w.otherStaff.agent.get(`/lampiran/${fileId}`)).status, 404);
    assert.equal((await t.agent().get(`/api/v1/attachments/${fileId}`).set('Authorization', `Bearer ${w.otherStaff.token}`)).status, 404);
    await VisitModel.updateOne({ _id: visit.id }, { $set: { status: 'published' } });
    assert.equal((await w.otherStaff.agent.get(`/lampiran/${fileId}`)).status, 200);
    assert.equal((await t.agent().delete(`/api/v1/attachments/${fileId}`).set('Authorization', `Bearer ${w.otherStaff.token}`)).status, 403);
    assert.equal((await t.agent().get(`/lampiran/${fileId}`)).status, 302, 'anonymous goes to sign in');
    const token = csrfTokenFrom((await w.hostStaff.agent.get(`/kunjungan/${visit.id}`)).text);
    const del = await w.hostStaff.agent.post(`/lampiran/${fileId}/hapus`).type('form').send({ _csrf: token });
    assert.equal(del.status, 303);
    assert.equal(await AttachmentModel.countDocuments({ ownerId: visit.id }), 0);
  });

  test('deleting a visit – soft delete keeps its files; permanent delete (admin) removes them from GridFS', async () => {
    const visit = await createTestVisit(w.solokStaff.acting, { hostAgencyIds: [w.padangPanjang.id] });
    await apiUpload(w.solokStaff, visit.id, [{ name: 'foto.png', data: await pngBytes(300, 300) }]);
    const files = () => mongoose.connection.db!.collection('attachments.files').countDocuments();
    const before = await files();
    assert.equal((await t.agent().delete(`/api/v1/visits/${visit.id}`).set('Authorization', `Bearer ${w.solokStaff.token}`)).status, 204);
    assert.equal(await files(), before);
    assert.equal((await t.agent().delete(`/api/v1/visits/${visit.id}?permanent=true`).set('Authorization', `Bearer ${w.admin.token}`)).status, 204);
    assert.equal(await files(), before - 2, 'original and thumbnail removed');
    assert.equal(await VisitModel.countDocuments({ _id: visit.id }), 0);
    assert.equal(await AttachmentModel.countDocuments({ ownerId: visit.id }), 0);
  });
});
