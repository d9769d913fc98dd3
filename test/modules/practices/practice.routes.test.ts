import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { listRevisions } from '../../../src/modules/history/revision.service.js';
import { AgencyModel } from '../../../src/modules/agencies/agency.model.js';
import { AttachmentModel } from '../../../src/modules/attachments/attachment.model.js';
import { PracticeModel } from '../../../src/modules/practices/practice.model.js';
import { historyRow } from '../../helpers/history-rows.js';
import { createTestPractice } from '../../helpers/practice-factories.js';
import { api, postForm, startKnowledgeWorld, XSS, type KnowledgeTestWorld } from './knowledge-test-kit.js';

const validForm = {
  name: 'Padang Panjang Sepekan Uji',
  shortDescription: 'Rangkuman berita pemerintah kota selama sepekan di kanal PPTV.',
  description: 'Tim IKP merangkum **kegiatan pekan ini**.\n\n- liputan harian\n- tayang tiap pekan',
  category: 'pelayanan_publik',
  topics: ['publikasi-konten', 'penyiaran'],
  tags: 'berita mingguan, video',
  channel: 'Siaran berita mingguan di kanal PPTV',
  stage: 'penerapan',
  startDate: '2021-02-16',
  digital: '1',
  evidence: '2022-05-31 | Episode yang sudah tayang | pekan ke-68',
  'contact.name': 'Budiono, S.ST',
  'contact.position': 'Pranata Humas Ahli Muda',
  'contact.email': 'budiono@uji.example',
  'contact.phone': '0752 123456',
  adoptedFromId: '',
  status: 'published',
};

describe('practice pages and API', () => {
  let w: KnowledgeTestWorld;
  before(async () => {
    w = await startKnowledgeWorld();
  });
  after(async () => {
    await w.t.stop();
  });

  test('POST /praktik – staff with a valid form – 303 to the page, stored, page shows evidence and rendered Markdown', async () => {
    const res = await postForm(w.home.staff, '/praktik', validForm);
    assert.equal(res.status, 303);
    const stored = await PracticeModel.findOne({ name: validForm.name }).lean();
    assert.ok(stored);
    assert.equal(res.headers.location, `/praktik/${stored._id.toString()}`);
    assert.equal(stored.ownerAgencyId.toString(), w.homeAgencyId);
    assert.deepEqual(stored.topics, ['publikasi-konten', 'penyiaran']);
    assert.equal(stored.evidence[0]?.value, 'pekan ke-68');
    assert.equal(stored.contact?.email, 'budiono@uji.example');
    assert.equal(stored.digital, true);
    const page = await w.other.agent.get(res.headers.location);
    assert.equal(page.status, 200);
    assert.match(page.text, /<strong>kegiatan pekan ini<\/strong>/);
    assert.match(page.text, /pekan ke-68/);
    assert.match(page.text, /Selasa, 31 Mei 2022/);
    assert.match(page.text, /Praktik baik sudah dicatat|Penerapan/);
  });

  test('POST /praktik – missing name, bad evidence line, bad email – 422, input kept, errors link to fields, nothing stored', async () => {
    const before = await PracticeModel.countDocuments();
    const res = await postForm(w.home.staff, '/praktik', { ...validForm, name: '', evidence: 'kemarin | tanpa tanggal', 'contact.email': 'bukan-email' });
    assert.equal(res.status, 422);
    assert.match(res.text, /href="#name"/);
    assert.match(res.text, /href="#evidence"/);
    assert.match(res.text, /href="#contact.email"/);
    assert.match(res.text, /Isi nama praktik/);
    assert.match(res.text, /kemarin \| tanpa tanggal/);
    assert.match(res.text, /value="bukan-email"/);
    assert.match(res.text, /id="topic-penyiaran" name="topics" value="penyiaran" checked/);
    assert.equal(await PracticeModel.countDocuments(), before);
  });

  test('edit – colleague of the owner agency – stored, revision with old → new on the page; other agency 403', async () => {
    const practice = await createTestPractice(w.home.staff.user.acting);
    assert.equal((await w.other.agent.get(`/praktik/${practice.id}/ubah`)).status, 403);
    const refused = await postForm(w.other, `/praktik/${practice.id}`, { ...validForm, name: 'Diambil alih' });
    assert.equal(refused.status, 403);
    const form = await w.home.head.agent.get(`/praktik/${practice.id}/ubah`);
    assert.equal(form.status, 200);
    assert.match(form.text, new RegExp(`value="${practice.name}"`));
    const res = await postForm(w.home.head, `/praktik/${practice.id}`, { ...validForm, name: `${practice.name} Baru`, stage: 'uji_coba' });
    assert.equal(res.status, 303);
    const stored = await PracticeModel.findById(practice.id).lean();
    assert.equal(stored?.stage, 'uji_coba');
    const page = await w.home.staff.agent.get(`/praktik/${practice.id}`);
    assert.match(page.text, /Riwayat perubahan/);
    // The history reads codes by their labels, as the page does.
    assert.deepEqual(historyRow(page.text, 'Tahapan'), ['Penerapan', 'Uji coba']);
    const [latest] = await listRevisions('practice', practice.id);
    assert.equal(latest?.actorName, w.home.head.user.acting.name);
  });

  test('history – a created practice – its agency, topics, day, kind and the practice adopted from by name; one the reader may not see not named', async () => {
    const hidden = await createTestPractice(w.home.staff.user.acting, { name: 'Draf Sumber Tersembunyi', status: 'draft' });
    const practice = await createTestPractice(w.home.staff.user.acting, { adoptedFromId: hidden.id, topics: ['kehumasan'], startDate: '2021-03-01', digital: true, category: 'tata_kelola' });
    const row = (page: string, label: string): string | undefined => historyRow(page, label)?.[1];
    const own = (await w.home.staff.agent.get(`/praktik/${practice.id}`)).text;
    assert.deepEqual(
      ['Instansi pemilik', 'Topik', 'Tanggal mulai', 'Inovasi digital', 'Jenis inovasi', 'Direplikasi dari', 'Status'].map((label) => row(own, label)),
      [(await AgencyModel.findById(w.homeAgencyId).lean())?.shortName, 'Kehumasan', 'Senin, 1 Maret 2021', 'Ya, digital', 'Inovasi tata kelola pemerintahan daerah', 'Draf Sumber Tersembunyi', 'Terbit'],
    );
    const other = (await w.other.agent.get(`/praktik/${practice.id}`)).text;
    assert.equal(row(other, 'Direplikasi dari'), 'Catatan yang tidak dapat Anda lihat');
    assert.doesNotMatch(other, /Draf Sumber Tersembunyi/);
  });

  test('draft – other agency – 404 page, absent from list and API; planner of the owner sees it', async () => {
    const draft = await createTestPractice(w.home.staff.user.acting, { status: 'draft' });
    assert.equal((await w.other.agent.get(`/praktik/${draft.id}`)).status, 404);
    assert.equal((await api(w.other, 'get', `/practices/${draft.id}`)).status, 404);
    const list = await w.other.agent.get('/praktik').query({ q: draft.name });
    assert.doesNotMatch(list.text, new RegExp(`href="/praktik/${draft.id}"`));
    assert.equal((await api(w.other, 'get', `/practices?q=${encodeURIComponent(draft.name)}`)).body.meta.total, 0);
    const own = await w.home.planner.agent.get(`/praktik/${draft.id}`);
    assert.equal(own.status, 200);
    assert.match(own.text, /Draf/);
    assert.match((await w.admin.agent.get(`/praktik/${draft.id}`)).text, new RegExp(draft.name));
  });

  test('GET /praktik – filters and sort – only matching rows, count shown', async () => {
    const first = await createTestPractice(w.other.user.acting, { name: 'Command Center Uji Filter', topics: ['smart-city'], stage: 'inisiatif', startDate: '2019-04-01' });
    await createTestPractice(w.other.user.acting, { name: 'Command Center Uji Filter Kedua', topics: ['smart-city'], stage: 'penerapan', startDate: '2019-05-01' });
    const res = await w.home.staff.agent.get('/praktik').query({ q: 'Command Center Uji Filter', province: '32', topic: 'smart-city', year: '2019', stage: 'inisiatif', sort: 'name' });
    assert.equal(res.status, 200);
    assert.match(res.text, new RegExp(`href="/praktik/${first.id}"`));
    assert.doesNotMatch(res.text, /Command Center Uji Filter Kedua/);
    assert.match(res.text, /1 praktik baik/);
  });

  test('GET /praktik – a hand-edited page number out of range – 422 page naming the parameter, no link to a missing field', async () => {
    const res = await w.home.staff.agent.get('/praktik').query({ page: '20000' });
    assert.equal(res.status, 422);
    assert.match(res.text, /<li>Nilai “page”: Angka terlalu besar\.<\/li>/);
    assert.doesNotMatch(res.text, /href="#page"/);
  });

  test('soft delete and restore – owner deletes, admin lists deleted and restores; staff cannot restore', async () => {
    const practice = await createTestPractice(w.home.staff.user.acting);
    assert.equal((await postForm(w.other, `/praktik/${practice.id}/hapus`)).status, 403);
    const deleted = await postForm(w.home.staff, `/praktik/${practice.id}/hapus`);
    assert.equal(deleted.status, 303);
    assert.equal(deleted.headers.location, '/praktik');
    assert.equal((await w.home.staff.agent.get(`/praktik/${practice.id}`)).status, 404);
    const adminList = await w.admin.agent.get('/praktik').query({ status: 'deleted', q: practice.name });
    assert.match(adminList.text, new RegExp(practice.name));
    const adminPage = await w.admin.agent.get(`/praktik/${practice.id}`);
    assert.match(adminPage.text, /Pulihkan praktik baik/);
    assert.equal((await postForm(w.home.staff, `/praktik/${practice.id}/pulihkan`)).status, 403);
    assert.equal((await postForm(w.admin, `/praktik/${practice.id}/pulihkan`)).status, 303);
    assert.equal((await w.home.staff.agent.get(`/praktik/${practice.id}`)).status, 200);
    const actions = (await listRevisions('practice', practice.id)).map((r) => r.action);
    assert.deepEqual(actions, ['restore', 'delete', 'create']);
  });

  test('API – create, get, list with filters and meta, patch, delete – JSON envelope and stored state', async () => {
    const created = await api(w.home.planner, 'post', '/practices', {
      name: 'Podcast API Uji', shortDescription: 'Perbincangan mingguan tentang layanan publik kota.', category: 'pelayanan_publik',
      stage: 'uji_coba', topics: ['publikasi-konten'], evidence: [{ date: '2024-01-05', label: 'Episode', value: '12' }], status: 'published',
    });
    assert.equal(created.status, 201);
    const id = created.body.data.id as string;
    assert.equal(created.body.data.ownerAgencyId, w.homeAgencyId);
    assert.deepEqual(created.body.data.evidence, [{ date: '2024-01-05', label: 'Episode', value: '12' }]);
    const one = await api(w.other, 'get', `/practices/${id}`);
    assert.equal(one.body.data.name, 'Podcast API Uji');
    const list = await api(w.other, 'get', `/practices?q=Podcast%20API%20Uji&stage=uji_coba&topic=publikasi-konten&perPage=5`);
    assert.deepEqual(list.body.meta, { page: 1, perPage: 5, total: 1, totalPages: 1 });
    const patched = await api(w.home.head, 'patch', `/practices/${id}`, { stage: 'penerapan' });
    assert.equal(patched.status, 200);
    assert.equal(patched.body.data.stage, 'penerapan');
    assert.equal(patched.body.data.name, 'Podcast API Uji');
    const refused = await api(w.other, 'patch', `/practices/${id}`, { stage: 'inisiatif' });
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error.code, 'forbidden');
    const bad = await api(w.home.staff, 'patch', `/practices/${id}`, { stage: 'selesai', startDate: '31/05/2022' });
    assert.equal(bad.status, 422);
    assert.equal(bad.body.error.details.stage, 'Pilih tahapan.');
    assert.equal(bad.body.error.details.startDate, 'Tulis tanggal mulai yang benar, misalnya 2022-05-31.');
    assert.equal((await api(w.home.staff, 'delete', `/practices/${id}`)).status, 204);
    assert.notEqual((await PracticeModel.findById(id).lean())?.deletedAt, null);
    assert.equal((await api(w.home.staff, 'post', `/practices/${id}/restore`)).status, 403);
    assert.equal((await api(w.admin, 'post', `/practices/${id}/restore`)).status, 200);
  });

  test('XSS – markup in every text field – escaped on the page and list; Markdown description sanitised', async () => {
    const practice = await createTestPractice(w.home.staff.user.acting, {
      name: `Uji ${XSS}`, shortDescription: `Uraian ${XSS}`, channel: XSS, tags: [XSS.slice(0, 40)],
      description: `Teks ${XSS} [klik](javascript:alert(1)) <a href="https://contoh.example" onclick="alert(1)">tautan</a>`,
      evidence: [{ date: '2023-01-01', label: XSS, value: XSS }],
      contact: { name: XSS.slice(0, 100), position: XSS.slice(0, 100), email: '', phone: '' },
    });
    for (const url of [`/praktik/${practice.id}`, `/praktik?q=${encodeURIComponent('Uji <script>')}`, `/praktik/${practice.id}/ubah`]) {
      const res = await w.home.staff.agent.get(url);
      assert.equal(res.status, 200, url);
      assert.doesNotMatch(res.text, /<script>alert/, url);
      assert.doesNotMatch(res.text, /<img src=x/, url);
      assert.match(res.text, /&lt;script&gt;alert/, url);
    }
    const page = (await w.home.staff.agent.get(`/praktik/${practice.id}`)).text;
    assert.doesNotMatch(page, /href="javascript:/i);
    assert.doesNotMatch(page, /onclick="/);
    assert.match(page, /<a href="https:\/\/contoh.example" rel="nofollow noopener noreferrer">tautan<\/a>/);
  });

  test('lineage – an adopted practice – attribution shown on both pages', async () => {
    const original = await createTestPractice(w.home.staff.user.acting, { name: 'Asal Lineage Uji' });
    const copy = await createTestPractice(w.other.user.acting, { name: 'Tiruan Lineage Uji', adoptedFromId: original.id });
    const copyPage = await w.home.staff.agent.get(`/praktik/${copy.id}`);
    assert.match(copyPage.text, new RegExp(`Direplikasi dari <a href="/praktik/${original.id}">Asal Lineage Uji</a>`));
    const originalPage = await w.other.agent.get(`/praktik/${original.id}`);
    assert.match(originalPage.text, new RegExp(`<a href="/praktik/${copy.id}">Tiruan Lineage Uji</a>`));
  });

  test('legal basis document – owner uploads a PDF – listed on the page; a script named .pdf is refused; other agency 403', async () => {
    const practice = await createTestPractice(w.home.staff.user.acting);
    const upload = (b: typeof w.home.staff, name: string, bytes: Buffer) =>
      b.agent.post(`/praktik/${practice.id}/lampiran?_csrf=${encodeURIComponent(b.token)}`).attach('attachments', bytes, name);
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const res = await upload(w.home.staff, 'Perwako-Videotron.pdf', pdf);
    assert.equal(res.status, 303);
    assert.equal(res.headers.location, `/praktik/${practice.id}#lampiran`);
    const page = await w.other.agent.get(`/praktik/${practice.id}`);
    assert.match(page.text, /Perwako-Videotron\.pdf/);
    const disguised = await upload(w.home.staff, 'sop.pdf', Buffer.from('#!/bin/sh\necho pwned\n'));
    assert.equal(disguised.status, 303);
    assert.doesNotMatch((await w.home.staff.agent.get(`/praktik/${practice.id}`)).text, /sop\.pdf/);
    assert.equal((await upload(w.other, 'lain.pdf', pdf)).status, 403);
  });

  test('purge – admin deletes for good – record, files and history gone; staff refused', async () => {
    const practice = await createTestPractice(w.home.staff.user.acting);
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const upload = await w.home.staff.agent.post(`/praktik/${practice.id}/lampiran?_csrf=${encodeURIComponent(w.home.staff.token)}`).attach('attachments', pdf, 'mou.pdf');
    assert.equal(upload.status, 303);
    assert.equal(await AttachmentModel.countDocuments({ ownerId: practice.id }), 1);
    assert.equal((await postForm(w.home.staff, `/praktik/${practice.id}/hapus-permanen`)).status, 403);
    assert.equal((await api(w.home.staff, 'delete', `/practices/${practice.id}?permanent=true`)).status, 403);
    assert.equal((await postForm(w.admin, `/praktik/${practice.id}/hapus-permanen`)).status, 303);
    assert.equal(await PracticeModel.countDocuments({ _id: practice.id }), 0);
    assert.equal(await AttachmentModel.countDocuments({ ownerId: practice.id }), 0);
    assert.equal((await listRevisions('practice', practice.id)).length, 0);
  });
});
