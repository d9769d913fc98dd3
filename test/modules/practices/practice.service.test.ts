import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ForbiddenError, NotFoundError, ValidationError } from '../../../src/http/errors.js';
import { listRevisions } from '../../../src/modules/history/revision.service.js';
import { PracticeModel } from '../../../src/modules/practices/practice.model.js';
import {
  findPracticeSummaries,
  listAdoptionsOf,
  listPractices,
  listPracticesByOwner,
  searchPracticesForPicker,
} from '../../../src/modules/practices/practice.queries.js';
import {
  createPracticeInline,
  deletePractice,
  getPractice,
  restorePractice,
  updatePractice,
} from '../../../src/modules/practices/practice.service.js';
import { createAgency, createUser, type CreatedUser } from '../../helpers/factories.js';
import { createTestPractice, practiceInput } from '../../helpers/practice-factories.js';
import { rejectsWith } from '../../helpers/rejections.js';
import { startTestDatabase, type TestDatabase } from '../test-database.js';

describe('practice service', () => {
  let db: TestDatabase;
  let owner: CreatedUser;
  let colleague: CreatedUser;
  let other: CreatedUser;
  let admin: CreatedUser;

  before(async () => {
    db = await startTestDatabase();
    const padangPanjang = await createAgency({ regionCode: '13.74' });
    owner = await createUser({ role: 'staff', agency: padangPanjang.id });
    colleague = await createUser({ role: 'head', agency: padangPanjang.id });
    other = await createUser({ role: 'planner', agency: (await createAgency({ level: 'kota', regionCode: '32.73' })).id });
    admin = await createUser({ role: 'admin' });
  });
  after(async () => {
    await db.stop();
  });

  test('createPractice – valid input – stored with parsed dates, evidence and contact, create revision', async () => {
    const practice = await createTestPractice(owner.acting);
    assert.equal(practice.ownerAgencyId, owner.acting.agencyId);
    assert.equal(practice.startDate?.toISOString(), '2021-01-08T00:00:00.000Z');
    assert.equal(practice.evidence[0]?.value, 'pekan ke-68');
    assert.equal(practice.contact.email, 'budi@uji.example');
    const revisions = await listRevisions('practice', practice.id);
    assert.equal(revisions.length, 1);
    assert.equal(revisions[0]?.action, 'create');
    assert.ok(revisions[0]?.changes.some((c) => c.field === 'name' && c.after === practice.name));
  });

  test('createPractice – missing fields, bad date, unknown topic – every error at once, nothing stored', async () => {
    const before = await PracticeModel.countDocuments();
    const error = await rejectsWith(
      createTestPractice(owner.acting, { name: '', stage: 'selesai', startDate: '2022-02-30', topics: ['bukan-topik'], evidence: 'kemarin | tanpa tanggal' }),
      ValidationError,
    );
    assert.equal(error.details?.name, 'practices:errors.name_required');
    assert.equal(error.details?.stage, 'practices:errors.stage_invalid');
    assert.equal(error.details?.startDate, 'practices:errors.start_date_invalid');
    assert.equal(error.details?.['evidence.0.date'], 'practices:errors.evidence_date');
    assert.equal(await PracticeModel.countDocuments(), before);
  });

  test('createPractice – unknown topic code – topics error', async () => {
    const error = await rejectsWith(createTestPractice(owner.acting, { topics: ['bukan-topik'] }), ValidationError);
    assert.equal(error.details?.topics, 'topics:errors.unknown');
  });

  test('createPractice – non-admin naming another owner – owner error; admin may', async () => {
    const error = await rejectsWith(createTestPractice(other.acting, { ownerAgencyId: owner.acting.agencyId }), ValidationError);
    assert.equal(error.details?.ownerAgencyId, 'practices:errors.owner_not_yours');
    const byAdmin = await createTestPractice(admin.acting, { ownerAgencyId: owner.acting.agencyId });
    assert.equal(byAdmin.ownerAgencyId, owner.acting.agencyId);
  });

  test('createPractice – same name twice for one owner – name taken', async () => {
    const first = await createTestPractice(owner.acting);
    const error = await rejectsWith(createTestPractice(colleague.acting, { name: first.name.toUpperCase() }), ValidationError);
    assert.equal(error.details?.name, 'practices:errors.name_taken');
  });

  test('draft – other agency – not found on get, absent from lists; owner agency sees it', async () => {
    const draft = await createTestPractice(owner.acting, { status: 'draft' });
    await rejectsWith(getPractice(other.acting, draft.id), NotFoundError);
    assert.equal((await getPractice(colleague.acting, draft.id)).id, draft.id);
    const seenByOther = await listPractices(other.acting, { q: draft.name });
    assert.equal(seenByOther.total, 0);
    assert.equal((await listPractices(colleague.acting, { q: draft.name })).total, 1);
    assert.equal((await searchPracticesForPicker(other.acting, draft.name)).length, 0);
    assert.equal((await listPracticesByOwner(other.acting, owner.acting.agencyId)).some((p) => p.id === draft.id), false);
  });

  test('updatePractice – other agency – forbidden, record unchanged', async () => {
    const practice = await createTestPractice(owner.acting);
    await rejectsWith(updatePractice(other.acting, practice.id, { name: 'Diambil alih' }), ForbiddenError);
    assert.equal((await getPractice(owner.acting, practice.id)).name, practice.name);
  });

  test('updatePractice – colleague of the owner – partial change stored, revision lists old → new', async () => {
    const practice = await createTestPractice(owner.acting);
    const updated = await updatePractice(colleague.acting, practice.id, { stage: 'uji_coba', tags: 'video, podcast' });
    assert.equal(updated.stage, 'uji_coba');
    assert.deepEqual(updated.tags, ['video', 'podcast']);
    assert.equal(updated.name, practice.name);
    const [latest] = await listRevisions('practice', practice.id);
    assert.equal(latest?.action, 'update');
    assert.equal(latest?.actorName, colleague.acting.name);
    assert.deepEqual(latest?.changes.map((c) => c.field).sort(), ['stage', 'tags']);
    assert.deepEqual(latest?.changes.find((c) => c.field === 'stage'), { field: 'stage', before: 'penerapan', after: 'uji_coba' });
    assert.deepEqual(latest?.changes.find((c) => c.field === 'tags'), { field: 'tags', before: ['video', 'berita'], after: ['video', 'podcast'] });
  });

  test('updatePractice – nothing changed – no extra revision', async () => {
    const practice = await createTestPractice(owner.acting);
    await updatePractice(owner.acting, practice.id, {});
    assert.equal((await listRevisions('practice', practice.id)).length, 1);
  });

  test('adoptedFrom – lineage on both sides; a cycle is refused', async () => {
    const original = await createTestPractice(owner.acting);
    const copy = await createTestPractice(other.acting, { adoptedFromId: original.id });
    assert.deepEqual((await listAdoptionsOf(owner.acting, original.id)).map((p) => p.id), [copy.id]);
    const error = await rejectsWith(updatePractice(owner.acting, original.id, { adoptedFromId: copy.id }), ValidationError);
    assert.equal(error.details?.adoptedFromId, 'practices:errors.adopted_from_cycle');
  });

  test('soft delete – owner deletes, admin restores – hidden meanwhile, revisions delete and restore', async () => {
    const practice = await createTestPractice(owner.acting);
    await rejectsWith(deletePractice(other.acting, practice.id), ForbiddenError);
    await deletePractice(owner.acting, practice.id);
    await rejectsWith(getPractice(owner.acting, practice.id), NotFoundError);
    assert.equal((await listPractices(owner.acting, { q: practice.name })).total, 0);
    assert.equal((await listPractices(admin.acting, { q: practice.name, status: 'deleted' })).total, 1);
    await rejectsWith(restorePractice(owner.acting, practice.id), ForbiddenError);
    const restored = await restorePractice(admin.acting, practice.id);
    assert.equal(restored.deletedAt, null);
    assert.equal((await getPractice(other.acting, practice.id)).id, practice.id);
    const actions = (await listRevisions('practice', practice.id)).map((r) => r.action);
    assert.deepEqual(actions, ['restore', 'delete', 'create']);
  });

  test('listPractices – filters by agency, province, topic, year, stage and status', async () => {
    const agencyPractice = await createTestPractice(other.acting, { topics: ['spbe'], stage: 'inisiatif', startDate: '2019-03-01' });
    const byAll = await listPractices(owner.acting, { agency: other.acting.agencyId, province: '32', topic: 'spbe', year: '2019', stage: 'inisiatif', status: 'published' });
    assert.deepEqual(byAll.items.map((p) => p.id), [agencyPractice.id]);
    assert.equal((await listPractices(owner.acting, { agency: other.acting.agencyId, province: '13' })).total, 0);
    assert.equal((await listPractices(owner.acting, { agency: other.acting.agencyId, year: '2020' })).total, 0);
  });

  test('createPracticeInline – visitor records the host practice – published, owned by the host, editable only by the host', async () => {
    const inline = await createPracticeInline(other.acting, { ownerAgencyId: owner.acting.agencyId, name: 'Podcast Sudut Kominfo Uji', shortDescription: 'Bincang-bincang mingguan dengan kepala OPD.' });
    assert.equal(inline.status, 'published');
    assert.equal(inline.ownerAgencyId, owner.acting.agencyId);
    await rejectsWith(updatePractice(other.acting, inline.id, { name: 'Ubah' }), ForbiddenError);
    const summaries = await findPracticeSummaries(other.acting, [inline.id, '000000000000000000000000']);
    assert.deepEqual(summaries.map((s) => s.name), ['Podcast Sudut Kominfo Uji']);
  });

  test('practice input – XSS-looking text – stored as typed (escaping is the view’s job)', async () => {
    const payload = '<script>alert(1)</script>';
    const practice = await createTestPractice(owner.acting, practiceInput({ name: `Uji ${payload}` }));
    assert.equal(practice.name, `Uji ${payload}`);
  });
});
