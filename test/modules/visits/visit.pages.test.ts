import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { RevisionModel } from '../../../src/modules/history/revision.model.js';
import { VisitModel } from '../../../src/modules/visits/visit.model.js';
import { csrfTokenFrom } from '../../helpers/auth.js';
import { historyRow } from '../../helpers/history-rows.js';
import { createTestVisit } from '../../helpers/knowledge-factories.js';
import { createTestLesson, createTestPractice } from '../../helpers/practice-factories.js';
import { PracticeModel } from '../../../src/modules/practices/practice.model.js';
import { startTestApp, type TestApp } from '../../helpers/test-app.js';
import { createVisitWorld, postForm, sampleVisitForm, type VisitWorld } from './visit-test-world.js';

describe('visit pages', () => {
  let t: TestApp;
  let w: VisitWorld;
  before(async () => {
    t = await startTestApp();
    w = await createVisitWorld(t);
  });
  after(async () => {
    await t.stop();
  });

  test('POST /kunjungan – the Solok → Padang Panjang visit as it happened – 303 to its page, stored, page shows it', async () => {
    const res = await postForm(w.solokStaff.agent, '/kunjungan', sampleVisitForm(w));
    assert.equal(res.status, 303);
    const id = /^\/kunjungan\/([0-9a-f]{24})$/.exec(res.headers.location ?? '')?.[1];
    assert.ok(id, res.headers.location);
    const stored = await VisitModel.findById(id).lean();
    assert.deepEqual(stored?.visitingAgencyIds.map(String), [w.solok.id]);
    assert.deepEqual(stored?.hostAgencyIds.map(String), [w.padangPanjang.id]);
    assert.equal(stored?.startDate.toISOString(), '2022-05-31T00:00:00.000Z');
    assert.deepEqual(stored?.topics, ['publikasi-konten', 'ppid', 'media-sosial']);
    assert.deepEqual(stored?.tags, ['PPTV', 'siaran mingguan']);
    assert.deepEqual(stored?.delegation.map((p) => [p.name, p.position, String(p.agencyId)]), [['Alwa Dudi, S.T, M.M', 'Kepala Bidang IKP', w.solok.id]]);
    assert.deepEqual(stored?.hostOfficials.map((p) => p.name), ['Budiono, S.ST', 'Yuliati Desi Putri, S.Pt', 'Arfisy, A.Md']);
    assert.deepEqual(stored?.provinceCodes, ['13']);
    assert.equal(stored?.year, 2022);
    assert.equal(String(stored?.createdBy), w.solokStaff.acting.id);
    const page = await w.otherStaff.agent.get(`/kunjungan/${id}`);
    assert.equal(page.status, 200);
    assert.match(page.text, /Selasa, 31 Mei 2022/);
    assert.match(page.text, /Diskominfo Kota Solok → Diskominfo Kota Padang Panjang/);
    assert.match(page.text, /<strong>Padang Panjang Sepekan<\/strong>/);
    assert.match(page.text, /Yuliati Desi Putri, S\.Pt/);
    assert.match(page.text, /Publikasi konten, Pelayanan PPID, Media sosial/);
    assert.match(page.text, /Dibuat/);
  });

  test('POST /kunjungan – no host and end before start – 422, input kept, errors link to their fields, nothing stored', async () => {
    const before = await VisitModel.countDocuments();
    const form = { ...sampleVisitForm(w), hostAgencyIds: [], endDate: '2022-05-30', place: 'Tempat yang harus tetap ada' };
    const res = await postForm(w.solokStaff.agent, '/kunjungan', form);
    assert.equal(res.status, 422);
    assert.match(res.text, /href="#hostAgencyIds"/);
    assert.match(res.text, /Pilih minimal satu instansi tuan rumah\./);
    assert.match(res.text, /href="#endDate"/);
    assert.match(res.text, /Tanggal selesai tidak boleh sebelum tanggal mulai\./);
    assert.match(res.text, /value="Tempat yang harus tetap ada"/);
    assert.match(res.text, /value="Alwa Dudi, S.T, M.M"/);
    assert.match(res.text, /value="ppid" checked/);
    assert.equal(await VisitModel.countDocuments(), before);
  });

  test('POST /kunjungan – a delegation row without a name, a javascript: source – 422 on that row\'s fields', async () => {
    const form = { ...sampleVisitForm(w), delegationName: ['', 'Nama Kedua'], delegationPosition: ['Staf', 'Staf'], delegationAgencyId: ['', ''], sourceUrl: ['javascript:alert(1)'], sourceTitle: ['x'] };
    const res = await postForm(w.solokStaff.agent, '/kunjungan', form);
    assert.equal(res.status, 422);
    assert.match(res.text, /href="#delegation\.0\.name"/);
    assert.match(res.text, /id="delegation\.0\.name" name="delegationName" type="text" value=""/);
    assert.match(res.text, /href="#sources\.0\.url"/);
  });

  test('POST /kunjungan – staff of an agency not taking part – 422 own agency required', async () => {
    const res = await postForm(w.otherStaff.agent, '/kunjungan', sampleVisitForm(w));
    assert.equal(res.status, 422);
    assert.match(res.text, /Instansi Anda harus termasuk instansi yang berkunjung atau tuan rumah\./);
  });

  test('POST /kunjungan – a practice picked from the catalogue and one typed inline – both linked, listed with the lesson', async () => {
    const seen = await createTestPractice(w.hostStaff.acting, { name: 'Padang Panjang Sepekan' });
    const form = {
      ...sampleVisitForm(w),
      practiceIds: [seen.id],
      newPracticeName: ['Podcast Kominfo Corner', ''],
      newPracticeDescription: ['Obrolan audio bersama narasumber pemerintah kota.', ''],
      newPracticeOwnerId: [w.padangPanjang.id, ''],
    };
    const res = await postForm(w.solokStaff.agent, '/kunjungan', form);
    assert.equal(res.status, 303, res.text.slice(0, 300));
    const inline = await PracticeModel.findOne({ name: 'Podcast Kominfo Corner' }).lean();
    assert.equal(String(inline?.ownerAgencyId), w.padangPanjang.id);
    const id = res.headers.location!.split('/').pop()!;
    assert.deepEqual((await VisitModel.findById(id).lean())?.practiceIds.map(String), [seen.id, String(inline?._id)]);
    await createTestLesson(w.solokStaff.acting, { visitId: id, title: 'Kehumasan mengikuti program prioritas daerah' });
    const page = (await w.otherStaff.agent.get(`/kunjungan/${id}`)).text;
    assert.match(page, new RegExp(`href="/praktik/${seen.id}">Padang Panjang Sepekan</a>`));
    assert.match(page, /Podcast Kominfo Corner/);
    assert.match(page, /Kehumasan mengikuti program prioritas daerah/);
  });

  test('POST /kunjungan – an inline practice row without its owner – 422 on that row, no practice created', async () => {
    const form = { ...sampleVisitForm(w), newPracticeName: ['Majalah Uji'], newPracticeDescription: ['Majalah pemerintah kota terbit berkala.'], newPracticeOwnerId: [''] };
    const res = await postForm(w.solokStaff.agent, '/kunjungan', form);
    assert.equal(res.status, 422);
    assert.match(res.text, /href="#newPractices\.0\.ownerAgencyId"/);
    assert.match(res.text, /value="Majalah Uji"/);
    assert.equal(await PracticeModel.countDocuments({ name: 'Majalah Uji' }), 0);
  });

  test('XSS – a payload in every text field – shown escaped on the page and the list, Markdown sanitised', async () => {
    const x = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const form = {
      ...sampleVisitForm(w),
      place: `Tempat ${x}`,
      purpose: `Tujuan ${x}`,
      tags: `label${x}`,
      delegationName: [`Nama ${x}`],
      delegationPosition: [`Jabatan ${x}`],
      delegationAgencyId: [''],
      hostOfficialName: [`Penerima ${x}`],
      hostOfficialPosition: [`Jabatan ${x}`],
      sourceUrl: ['https://berita.example/"><script>alert(1)</script>'],
      sourceTitle: [`Judul ${x}`],
      summary: `Ringkasan ${x} [klik](javascript:alert(1)) <a href="javascript:alert(2)">a</a> <iframe src="https://evil.example"></iframe>`,
      agenda: `Agenda <svg onload=alert(1)>x</svg> ${x}`,
    };
    const res = await postForm(w.solokStaff.agent, '/kunjungan', form);
    assert.equal(res.status, 303, res.text.slice(0, 500));
    const page = (await w.solokStaff.agent.get(res.headers.location!)).text;
    // The history shows the typed text too, escaped; what must never appear is live markup.
    assert.doesNotMatch(page, /<script>alert/);
    assert.doesNotMatch(page, /<img\b/i);
    assert.doesNotMatch(page, /<[a-z]+[^>]*\son(error|load)=/i);
    assert.doesNotMatch(page, /href="\s*javascript:/i);
    assert.doesNotMatch(page, /<iframe/i);
    assert.doesNotMatch(page, /<svg/i);
    assert.match(page, /<a rel="nofollow noopener noreferrer">klik<\/a>/);
    assert.match(page, /Tempat &lt;script&gt;alert\(&#34;x&#34;\)&lt;\/script&gt;/);
    assert.match(page, /Nama &lt;script&gt;/);
    assert.match(page, /Penerima &lt;script&gt;/);
    assert.match(page, /Judul &lt;script&gt;/);
    assert.match(page, /Tujuan &lt;script&gt;/);
    const list = (await w.solokStaff.agent.get('/kunjungan')).text;
    assert.doesNotMatch(list, /<script>alert/);
    const edit = (await w.solokStaff.agent.get(`${res.headers.location}/ubah`)).text;
    assert.doesNotMatch(edit, /<script>alert/);
    assert.match(edit, /Ringkasan &lt;script&gt;/);
  });

  test('edit – host agency staff changes the place – 303, revision lists the field old → new on the page', async () => {
    const visit = await createTestVisit(w.solokStaff.acting, { hostAgencyIds: [w.padangPanjang.id], place: 'Aula lama' });
    const edit = await w.hostStaff.agent.get(`/kunjungan/${visit.id}/ubah`);
    assert.equal(edit.status, 200);
    assert.match(edit.text, /value="Aula lama"/);
    const form = { ...sampleVisitForm(w), place: 'Aula baru' };
    const res = await postForm(w.hostStaff.agent, `/kunjungan/${visit.id}`, form);
    assert.equal(res.status, 303);
    const revisions = await RevisionModel.find({ entityId: visit.id }).sort({ at: 1, _id: 1 }).lean();
    assert.deepEqual(revisions.map((r) => r.action), ['create', 'update']);
    const placeChange = revisions[1]?.changes.find((c) => c.field === 'place');
    assert.deepEqual([placeChange?.before, placeChange?.after], ['Aula lama', 'Aula baru']);
    assert.equal(String(revisions[1]?.actorId), w.hostStaff.acting.id);
    const page = (await w.otherStaff.agent.get(`/kunjungan/${visit.id}`)).text;
    assert.match(page, /Riwayat perubahan/);
    assert.deepEqual(historyRow(page, 'Tempat'), ['Aula lama', 'Aula baru']);
    // Days and the status read as the page writes them, not as stored.
    assert.deepEqual(['Tanggal mulai', 'Status'].map((label) => historyRow(page, label)?.[1]), ['Selasa, 31 Mei 2022', 'Terbit']);
    assert.match(page, new RegExp(`oleh ${w.hostStaff.acting.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });

  test('another agency – edit form, update, delete of a published visit – 403, nothing changed', async () => {
    const visit = await createTestVisit(w.solokStaff.acting, { hostAgencyIds: [w.padangPanjang.id], place: 'Tetap' });
    assert.equal((await w.otherStaff.agent.get(`/kunjungan/${visit.id}/ubah`)).status, 403);
    assert.equal((await postForm(w.otherStaff.agent, `/kunjungan/${visit.id}`, { ...sampleVisitForm(w), place: 'Diubah' })).status, 403);
    assert.equal((await postForm(w.otherStaff.agent, `/kunjungan/${visit.id}/hapus`, {})).status, 403);
    const stored = await VisitModel.findById(visit.id).lean();
    assert.equal(stored?.place, 'Tetap');
    assert.equal(stored?.deletedAt, null);
  });

  test('draft – another agency – 404 on the page and absent from the list; host agency and admin see it', async () => {
    const visit = await createTestVisit(w.solokStaff.acting, { hostAgencyIds: [w.padangPanjang.id], status: 'draft', place: 'Draf rahasia' });
    assert.equal((await w.otherStaff.agent.get(`/kunjungan/${visit.id}`)).status, 404);
    assert.doesNotMatch((await w.otherStaff.agent.get('/kunjungan')).text, /Draf rahasia/);
    assert.doesNotMatch((await w.otherStaff.agent.get('/kunjungan?status=draft')).text, /Draf rahasia/);
    const hostView = await w.hostStaff.agent.get(`/kunjungan/${visit.id}`);
    assert.equal(hostView.status, 200);
    assert.match(hostView.text, /Draf ini hanya terlihat oleh pengguna instansi yang berkunjung dan tuan rumah/);
    assert.match((await w.hostStaff.agent.get('/kunjungan?status=draft')).text, /Draf rahasia/);
    assert.equal((await w.admin.agent.get(`/kunjungan/${visit.id}`)).status, 200);
  });

  test('list – a page past the last (an old link) – redirected to the last page, filters kept', async () => {
    const res = await w.solokStaff.agent.get('/kunjungan?sort=date_asc&page=99');
    assert.equal(res.status, 302);
    assert.equal(res.headers.location, '/kunjungan?sort=date_asc&page=1');
    assert.equal((await w.solokStaff.agent.get('/kunjungan?page=1')).status, 200);
  });

  test('soft delete and restore – staff deletes, only an admin restores – files and history kept', async () => {
    const visit = await createTestVisit(w.solokStaff.acting, { hostAgencyIds: [w.padangPanjang.id], place: 'Akan dihapus' });
    const del = await postForm(w.solokStaff.agent, `/kunjungan/${visit.id}/hapus`, {});
    assert.equal(del.status, 303);
    assert.ok((await VisitModel.findById(visit.id).lean())?.deletedAt);
    assert.equal((await w.solokStaff.agent.get(`/kunjungan/${visit.id}`)).status, 404);
    assert.doesNotMatch((await w.solokStaff.agent.get('/kunjungan')).text, /Akan dihapus/);
    assert.match((await w.admin.agent.get('/kunjungan?deleted=only')).text, /Akan dihapus/);
    assert.equal((await postForm(w.solokStaff.agent, `/kunjungan/${visit.id}/pulihkan`, {})).status, 403);
    const restore = await postForm(w.admin.agent, `/kunjungan/${visit.id}/pulihkan`, {});
    assert.equal(restore.status, 303);
    assert.equal((await VisitModel.findById(visit.id).lean())?.deletedAt, null);
    assert.equal((await w.solokStaff.agent.get(`/kunjungan/${visit.id}`)).status, 200);
    const actions = (await RevisionModel.find({ entityId: visit.id }).sort({ at: 1, _id: 1 }).lean()).map((r) => r.action);
    assert.deepEqual(actions, ['create', 'delete', 'restore']);
  });

  test('roles – staff, planner and head of an agency involved may create; the new form opens for each', async () => {
    for (const m of [w.solokStaff, w.solokPlanner, w.solokHead, w.admin]) {
      assert.equal((await m.agent.get('/kunjungan/baru')).status, 200);
      const res = await postForm(m.agent, '/kunjungan', { ...sampleVisitForm(w), place: `Oleh ${m.acting.role}` });
      assert.equal(res.status, 303, m.acting.role);
    }
  });

  test('anonymous – every visit page and action – redirected to sign in, nothing written', async () => {
    const visit = await createTestVisit(w.solokStaff.acting, { hostAgencyIds: [w.padangPanjang.id] });
    const anonymous = t.agent();
    const token = csrfTokenFrom((await anonymous.get('/masuk')).text);
    for (const url of ['/kunjungan', '/kunjungan/baru', `/kunjungan/${visit.id}`, `/kunjungan/${visit.id}/ubah`, `/instansi/${w.solok.id}`]) {
      const res = await anonymous.get(url);
      assert.equal(res.status, 302, url);
      assert.match(res.headers.location ?? '', /^\/masuk\?next=/);
    }
    for (const url of ['/kunjungan', `/kunjungan/${visit.id}`, `/kunjungan/${visit.id}/hapus`, `/kunjungan/${visit.id}/pulihkan`, `/kunjungan/${visit.id}/hapus-permanen`]) {
      const res = await anonymous.post(url).type('form').send({ ...sampleVisitForm(w), _csrf: token });
      assert.equal(res.status, 302, url);
    }
    assert.equal((await VisitModel.findById(visit.id).lean())?.deletedAt, null);
  });
});
