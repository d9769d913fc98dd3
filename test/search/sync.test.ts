import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { deletePractice, purgePractice, restorePractice, updatePractice } from '../../src/modules/practices/practice.service.js';
import { PracticeModel } from '../../src/modules/practices/practice.model.js';
import { VisitModel } from '../../src/modules/visits/visit.model.js';
import { AgencyModel } from '../../src/modules/agencies/agency.model.js';
import { updateAgency } from '../../src/modules/agencies/agency.service.js';
import { createTopic, updateTopic } from '../../src/modules/topics/topic.admin.js';
import { deleteLesson } from '../../src/modules/lessons/lesson.service.js';
import { searchKnowledge } from '../../src/search/search.service.js';
import { countPending } from '../../src/search/sync-status.js';
import { KNOWLEDGE_INDEX, waitForTask } from '../../src/search/knowledge-index.js';
import { metaIndexUid, recordDocumentVersion, SEARCH_DOCUMENT_VERSION, storedDocumentVersion } from '../../src/search/document-version.js';
import { REPLICATION_KEY } from '../../src/search/replication.js';
import { SyncLease } from '../../src/search/sync-lease.js';
import { SYNC_LEASE_NAME } from '../../src/search/sync-worker.js';
import { syncPendingBatch } from '../../src/search/sync-batch.js';
import { createUser, type CreatedUser } from '../helpers/factories.js';
import { createTestLesson, createTestPractice } from '../helpers/practice-factories.js';
import { createHostAgency, createTestVisit } from '../helpers/knowledge-factories.js';
import { useSearchSuite, withHook } from './search-harness.js';

/** The records the query finds as a whole (not those of the search again without words no record holds). */
const ids = async (actor: CreatedUser, q: string) => {
  const result = await searchKnowledge(actor.acting, { q });
  return result.missingWords ? [] : result.hits.map((h) => h.id);
};

describe('search sync', () => {
  const suite = useSearchSuite();
  let admin: CreatedUser;

  before(async () => {
    admin = await createUser({ role: 'admin' });
  });

  test('sync – practice created – marked pending in MongoDB, then searchable by name', async () => {
    const practice = await createTestPractice(suite.staff.acting, { name: 'Siaran Jendela Kotaraya' });
    const stored = await PracticeModel.findById(practice.id).lean<{ searchSync: { pending: boolean; version: number } }>();
    assert.deepEqual(stored?.searchSync, { pending: true, version: 1 });
    await suite.h.syncNow();
    assert.ok((await ids(suite.staff, 'jendela kotaraya')).includes(practice.id));
    const synced = await PracticeModel.findById(practice.id).lean<{ searchSync: { pending: boolean } }>();
    assert.equal(synced?.searchSync.pending, false);
    assert.equal(await countPending(), 0);
  });

  test('sync – practice renamed – new name found, old name gone, version incremented', async () => {
    const practice = await createTestPractice(suite.staff.acting, { name: 'Layanan Ruang Tunggu Ceria' });
    await suite.h.syncNow();
    await updatePractice(suite.staff.acting, practice.id, { name: 'Layanan Pojok Baca Digital' });
    const stored = await PracticeModel.findById(practice.id).lean<{ searchSync: { pending: boolean; version: number } }>();
    assert.deepEqual(stored?.searchSync, { pending: true, version: 2 });
    await suite.h.syncNow();
    assert.ok((await ids(suite.staff, 'pojok baca digital')).includes(practice.id));
    assert.ok(!(await ids(suite.staff, 'ruang tunggu ceria')).includes(practice.id));
  });

  test('sync – soft delete then restore – removed from the index, then back', async () => {
    const practice = await createTestPractice(suite.staff.acting, { name: 'Gerai Informasi Keliling Nagari' });
    await suite.h.syncNow();
    await deletePractice(suite.staff.acting, practice.id);
    await suite.h.syncNow();
    assert.ok(!(await ids(suite.staff, 'gerai keliling nagari')).includes(practice.id));
    await restorePractice(admin.acting, practice.id);
    await suite.h.syncNow();
    assert.ok((await ids(suite.staff, 'gerai keliling nagari')).includes(practice.id));
  });

  test('sync – hard delete (purge) – tombstone removes the document', async () => {
    const practice = await createTestPractice(suite.staff.acting, { name: 'Majalah Dinding Kelurahan Terpadu' });
    await suite.h.syncNow();
    await purgePractice(admin.acting, practice.id);
    assert.equal(await countPending(), 1, 'the tombstone waits');
    await suite.h.syncNow();
    assert.ok(!(await ids(admin, 'majalah dinding kelurahan')).includes(practice.id));
    assert.equal(await countPending(), 0);
  });

  test('sync – visit and lesson – indexed with their type and removed after delete', async () => {
    const visit = await createTestVisit(suite.staff.acting, { purpose: 'Belajar pengelolaan videotron alun-alun' });
    const lesson = await createTestLesson(suite.staff.acting, { title: 'Videotron butuh peraturan wali kota' });
    await suite.h.syncNow();
    const result = await searchKnowledge(suite.staff.acting, { q: 'videotron' });
    const found = new Map(result.hits.map((hit) => [hit.id, hit.type]));
    assert.equal(found.get(visit.id), 'visit');
    assert.equal(found.get(lesson.id), 'lesson');
    await deleteLesson(suite.staff.acting, lesson.id);
    await suite.h.syncNow();
    assert.ok(!(await ids(suite.staff, 'videotron')).includes(lesson.id));
  });

  test('sync – owner agency renamed – its practice is re-indexed under the new name, its own last update left as it was', async () => {
    const practice = await createTestPractice(suite.staff.acting, { name: 'Kanal Aspirasi Pemuda' });
    await suite.h.syncNow();
    const updatedAt = (await PracticeModel.findById(practice.id).orFail()).get('updatedAt') as Date;
    const agency = await AgencyModel.findById(suite.staff.acting.agencyId).orFail();
    agency.set({ shortName: 'Diskominfo Nagari Baruh' });
    await agency.save();
    await suite.h.syncNow();
    const hit = (await searchKnowledge(suite.staff.acting, { q: 'nagari baruh' })).hits.find((found) => found.id === practice.id);
    assert.deepEqual(hit?.agencyNames, ['Diskominfo Nagari Baruh']);
    assert.deepEqual((await PracticeModel.findById(practice.id).orFail()).get('updatedAt'), updatedAt);
  });

  test('sync – topic renamed – its records are found by the new name and show it, their own last update left as it was', async () => {
    await createTopic(admin.acting, { code: 'ruang-kreatif', name: 'Ruang kreatif', nameEn: 'Creative space' });
    const practice = await createTestPractice(suite.staff.acting, { name: 'Kanal Karya Warga', topics: ['ruang-kreatif'] });
    await suite.h.syncNow();
    const updatedAt = (await PracticeModel.findById(practice.id).orFail()).get('updatedAt') as Date;
    await updateTopic(admin.acting, 'ruang-kreatif', { name: 'Galeri wirausaha muda' });
    await suite.h.syncNow();
    const hit = (await searchKnowledge(suite.staff.acting, { q: 'galeri wirausaha' })).hits.find((found) => found.id === practice.id);
    assert.deepEqual(hit?.topics, ['Galeri wirausaha muda']);
    assert.ok(!(await ids(suite.staff, 'ruang kreatif')).includes(practice.id), 'the old name no longer finds it');
    assert.deepEqual((await PracticeModel.findById(practice.id).orFail()).get('updatedAt'), updatedAt);
  });

  test('sync – host agency moved to another province – its visit and the lesson learned there take the new place as visited, and the border crossed', async () => {
    // Hosted in Kota Padang Panjang (13.74), visited from Kota Solok (13.72): same province.
    const host = await createHostAgency('Lembah Anai');
    const visit = await createTestVisit(suite.staff.acting, { hostAgencyIds: [host.id] });
    const lesson = await createTestLesson(suite.staff.acting, { title: 'Naskah siaran dibagi per rubrik', visitId: visit.id });
    await suite.h.syncNow();
    const index = suite.h.client.index(KNOWLEDGE_INDEX);
    const keysOf = async (uid: string) => ((await index.getDocument(uid)) as { markerKeys: string[] }).markerKeys;
    const uids = [`visit-${visit.id}`, `lesson-${lesson.id}`];
    for (const uid of uids) {
      const keys = await keysOf(uid);
      assert.ok(keys.includes('wilke1374') && !keys.includes('wilantarprovinsi'), `${uid}: ${keys.join(' ')}`);
    }

    // To Kota Semarang (33.74): the visit is marked through its agencies, the lesson through its visit.
    const visitUpdatedAt = (await VisitModel.findById(visit.id).orFail()).get('updatedAt') as Date;
    await updateAgency(admin.acting, host.id, { regionCode: '33.74' });
    await suite.h.syncNow();
    for (const uid of uids) {
      const keys = await keysOf(uid);
      assert.ok(keys.includes('wilke3374') && keys.includes('wilke33') && keys.includes('wilantarprovinsi'), `${uid}: ${keys.join(' ')}`);
      assert.ok(!keys.includes('wilke1374'), `${uid}: ${keys.join(' ')}`);
    }
    assert.deepEqual((await VisitModel.findById(visit.id).orFail()).get('updatedAt'), visitUpdatedAt, 'a moved host is no edit of the visit');
  });

  test('sync – a practice adopted from another – both ends hold the replication key while the other is published and live; unpublished, relinked or purged, the key follows', async () => {
    const original = await createTestPractice(suite.staff.acting, { name: 'Mading Digital Kelurahan' });
    const other = await createTestPractice(suite.staff.acting, { name: 'Papan Info Warga' });
    const replica = await createTestPractice(suite.staff.acting, { name: 'Mading Digital Nagari', adoptedFromId: original.id });
    const index = suite.h.client.index(KNOWLEDGE_INDEX);
    const inLineage = async () => {
      await suite.h.syncNow();
      const holds = async (id: string) => ((await index.getDocument(`practice-${id}`)) as { markerKeys: string[] }).markerKeys.includes(REPLICATION_KEY);
      return { original: await holds(original.id), replica: await holds(replica.id), other: await holds(other.id) };
    };
    assert.deepEqual(await inLineage(), { original: true, replica: true, other: false });

    // A draft lends nothing: the original no longer counts it; the draft itself still names a published original.
    await updatePractice(suite.staff.acting, replica.id, { status: 'draft' });
    assert.deepEqual(await inLineage(), { original: false, replica: true, other: false });
    await updatePractice(suite.staff.acting, replica.id, { status: 'published' });
    assert.deepEqual(await inLineage(), { original: true, replica: true, other: false });

    // Adopted from another one instead: the practice it left is pushed again too.
    await updatePractice(suite.staff.acting, replica.id, { adoptedFromId: other.id });
    assert.deepEqual(await inLineage(), { original: false, replica: true, other: true });

    // Purged while live: its tombstone names the practices it was adopted from.
    await purgePractice(admin.acting, replica.id);
    await suite.h.syncNow();
    for (const id of [original.id, other.id]) {
      assert.ok(!((await index.getDocument(`practice-${id}`)) as { markerKeys: string[] }).markerKeys.includes(REPLICATION_KEY), id);
    }
  });

  test('sync – a practice adopted by two – its replications counted; one replica deleted, then restored, the count follows though the practice stays replicated', async () => {
    const original = await createTestPractice(suite.staff.acting, { name: 'Kotak Saran Daring' });
    const first = await createTestPractice(suite.staff.acting, { name: 'Kotak Saran Nagari', adoptedFromId: original.id });
    await createTestPractice(suite.staff.acting, { name: 'Kotak Saran Pasar', adoptedFromId: original.id });
    const replications = async () => {
      await suite.h.syncNow();
      return ((await suite.h.client.index(KNOWLEDGE_INDEX).getDocument(`practice-${original.id}`)) as { replications?: number }).replications;
    };
    assert.equal(await replications(), 2);
    await deletePractice(suite.staff.acting, first.id);
    assert.equal(await replications(), 1);
    await restorePractice(admin.acting, first.id);
    assert.equal(await replications(), 2);
  });

  test('sync – linked records – a visit found by the name of a practice shown on it, a lesson by its visit; renamed, unpublished or purged, the name follows', async () => {
    const host = await createHostAgency('Bukit Kabut');
    const hostStaff = await createUser({ role: 'staff', agency: host.id });
    const shown = await createTestPractice(hostStaff.acting, { name: 'Layar Warta Simpang Lima' });
    const visit = await createTestVisit(suite.staff.acting, { hostAgencyIds: [host.id], practiceIds: [shown.id] });
    const lesson = await createTestLesson(suite.staff.acting, { title: 'Jadwal tayang dibuat bersama', visitId: visit.id });
    await suite.h.syncNow();
    const viaPractice = (await searchKnowledge(suite.staff.acting, { q: 'warta simpang lima' })).hits.find((hit) => hit.id === visit.id);
    // The hit says why it was found.
    assert.equal(viaPractice?.relatedHtml, 'Layar <mark>Warta</mark> <mark>Simpang</mark> <mark>Lima</mark>.');
    // Also when another query word matched the visit's own title: "warta" did not.
    const both = (await searchKnowledge(suite.staff.acting, { q: 'bukit kabut warta' })).hits.find((hit) => hit.id === visit.id);
    assert.equal(both?.relatedHtml, 'Layar <mark>Warta</mark> Simpang Lima.');
    // The lesson carries its visit's title, with the host's name.
    assert.ok((await ids(suite.staff, 'bukit kabut')).includes(lesson.id));

    await updatePractice(hostStaff.acting, shown.id, { name: 'Layar Kabar Simpang Lima' });
    await suite.h.syncNow();
    assert.ok((await ids(suite.staff, 'kabar simpang lima')).includes(visit.id));
    assert.ok(!(await ids(suite.staff, 'warta simpang lima')).includes(visit.id));

    // A draft lends no name: another agency could otherwise find it out through the visit.
    await updatePractice(hostStaff.acting, shown.id, { status: 'draft' });
    await suite.h.syncNow();
    assert.ok(!(await ids(admin, 'kabar simpang lima')).includes(visit.id));

    await updatePractice(hostStaff.acting, shown.id, { status: 'published' });
    await suite.h.syncNow();
    assert.ok((await ids(suite.staff, 'kabar simpang lima')).includes(visit.id));
    await purgePractice(admin.acting, shown.id);
    await suite.h.syncNow();
    assert.ok(!(await ids(admin, 'kabar simpang lima')).includes(visit.id));
  });

  test('sync – which practices and visits changed, asked every cycle – answered by an index, not a scan of the collection', async () => {
    for (const model of [PracticeModel, VisitModel]) {
      await model.init();
      const plan = await model.collection.find({ updatedAt: { $gt: new Date() } }).explain();
      assert.equal(plan.queryPlanner.winningPlan.inputStage?.stage, 'IXSCAN', model.modelName);
    }
  });

  test('sync – practices replicating each other – each found by the other\'s name, and the sync comes to rest', { timeout: 60_000 }, async () => {
    const first = await createTestPractice(suite.staff.acting, { name: 'Kotak Saran Keliling' });
    const second = await createTestPractice(suite.staff.acting, { name: 'Meja Tanya Jawab Pasar' });
    // A circle no form offers, written straight to the models: marking the linking records must not chase it for ever.
    await PracticeModel.updateOne({ _id: first.id }, { $set: { adoptedFromId: second.id } });
    await PracticeModel.updateOne({ _id: second.id }, { $set: { adoptedFromId: first.id } });
    await suite.h.syncNow();
    await PracticeModel.updateOne({ _id: first.id }, { $set: { name: 'Kotak Saran Berjalan', nameKey: 'kotak saran berjalan' } });
    await suite.h.syncNow();
    assert.equal(await countPending(), 0);
    assert.ok((await ids(suite.staff, 'kotak saran berjalan')).includes(second.id));
    assert.ok((await ids(suite.staff, 'meja tanya jawab pasar')).includes(first.id));
  });

  test('sync – record changed while its push is in flight – mark kept, new version lands next round', async () => {
    const practice = await createTestPractice(suite.staff.acting, { name: 'Warung Data Kecamatan' });
    // A client whose push lets another write land after the worker read the record.
    const racing = withHook(suite.h.client, () => PracticeModel.updateOne({ _id: practice.id }, { $set: { name: 'Warung Statistik Kecamatan' } }));
    await syncPendingBatch(racing, KNOWLEDGE_INDEX, 100);
    const stored = await PracticeModel.findById(practice.id).lean<{ searchSync: { pending: boolean; version: number } }>();
    assert.deepEqual(stored?.searchSync, { pending: true, version: 2 });
    await suite.h.syncNow();
    assert.ok((await ids(suite.staff, 'warung statistik')).includes(practice.id));
  });

  test('sync – index holds an older document shape – every record pushed again once; a worker of an older version pushes nothing', async () => {
    const practice = await createTestPractice(suite.staff.acting, { name: 'Pojok Baca Digital' });
    await suite.h.syncNow();
    const uid = `practice-${practice.id}`;
    const index = suite.h.client.index(KNOWLEDGE_INDEX);
    const titleInIndex = async () => ((await index.getDocument(uid)) as { title: string }).title;
    // What an older version of the app left: another shape in the index, an older version recorded.
    await waitForTask(suite.h.client, (await index.updateDocuments([{ uid, title: 'Bentuk Lama' }])).taskUid);
    await recordDocumentVersion(suite.h.client, KNOWLEDGE_INDEX, SEARCH_DOCUMENT_VERSION - 1);
    await suite.h.syncNow();
    assert.equal(await titleInIndex(), 'Pojok Baca Digital');
    assert.equal(await countPending(), 0);
    assert.equal(await storedDocumentVersion(suite.h.client, KNOWLEDGE_INDEX), SEARCH_DOCUMENT_VERSION);

    // A newer version recorded: this code's worker leaves the pending change to it, and frees the lease.
    await recordDocumentVersion(suite.h.client, KNOWLEDGE_INDEX, SEARCH_DOCUMENT_VERSION + 1);
    await updatePractice(suite.staff.acting, practice.id, { name: 'Pojok Baca Warga' });
    assert.equal(await suite.h.worker.runCycle(), 0);
    assert.equal(await countPending(), 1);
    assert.equal(await titleInIndex(), 'Pojok Baca Digital');
    const probe = new SyncLease(SYNC_LEASE_NAME, 'probe', 1_000);
    assert.equal(await probe.acquire(), true, 'the lease was let go');
    await probe.release();
    await recordDocumentVersion(suite.h.client, KNOWLEDGE_INDEX, SEARCH_DOCUMENT_VERSION);
    await suite.h.syncNow();
    assert.equal(await titleInIndex(), 'Pojok Baca Warga');
  });

  test('sync – engine lost its data (both indexes, or the index alone) – refilled from MongoDB without anyone acting', async () => {
    const practice = await createTestPractice(suite.staff.acting, { name: 'Kampung Literasi Digital' });
    await suite.h.syncNow();
    for (const lost of [[KNOWLEDGE_INDEX, metaIndexUid(KNOWLEDGE_INDEX)], [KNOWLEDGE_INDEX]]) {
      for (const uid of lost) await waitForTask(suite.h.client, (await suite.h.client.deleteIndex(uid)).taskUid);
      await suite.h.syncNow();
      assert.ok((await ids(suite.staff, 'kampung literasi')).includes(practice.id), `after losing ${lost.join(' and ')}`);
      assert.ok((await ids(suite.staff, 'pojok baca warga')).length > 0, 'records synced long before are back too');
    }
  });
});
