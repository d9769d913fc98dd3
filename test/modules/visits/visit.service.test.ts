import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { listRevisions } from '../../../src/modules/history/revision.service.js';
import { provisionVisit } from '../../../src/modules/visits/visit-provision.js';
import { VisitModel } from '../../../src/modules/visits/visit.model.js';
import { getVisit, updateVisit } from '../../../src/modules/visits/visit.service.js';
import { createAgency, createUser } from '../../helpers/factories.js';
import { createTestVisit, visitInput } from '../../helpers/knowledge-factories.js';
import { startTestDatabase, type TestDatabase } from '../test-database.js';

describe('visit service', () => {
  let db: TestDatabase;
  before(async () => {
    db = await startTestDatabase();
  });
  after(async () => {
    await db.stop();
  });

  test('revisions – create then update – agencies by short name, dates as days, only changed fields, newest first', async () => {
    const solok = await createAgency({ shortName: 'Diskominfo Kota Solok' });
    const host = await createAgency({ shortName: 'Diskominfo Kota Padang Panjang', regionCode: '13.74' });
    const second = await createAgency({ shortName: 'Diskominfo Kota Bukittinggi', regionCode: '13.75' });
    const { acting } = await createUser({ agency: solok.id });
    const visit = await createTestVisit(acting, { hostAgencyIds: [host.id] });
    await updateVisit(acting, visit.id, { hostAgencyIds: [host.id, second.id], endDate: '2022-06-01', hostOfficials: [{ name: 'Budiono, S.ST', position: 'Pranata Humas Ahli Muda' }] });
    const [update, create] = await listRevisions('visit', visit.id);
    assert.equal(create?.action, 'create');
    assert.deepEqual(create?.changes.find((c) => c.field === 'visitingAgencyIds')?.after, ['Diskominfo Kota Solok']);
    assert.equal(create?.changes.find((c) => c.field === 'startDate')?.after, '2022-05-31');
    assert.deepEqual(create?.changes.find((c) => c.field === 'topics')?.after, ['Publikasi konten', 'Pelayanan PPID', 'Media sosial']);
    assert.equal(create?.changes.some((c) => c.field === 'agenda'), false, 'empty fields are not listed');
    assert.equal(update?.action, 'update');
    assert.equal(update?.actorName, acting.name);
    assert.deepEqual(update?.changes.map((c) => c.field), ['hostAgencyIds', 'endDate', 'hostOfficials'], 'in form order');
    assert.deepEqual(update?.changes.find((c) => c.field === 'hostAgencyIds'), {
      field: 'hostAgencyIds',
      before: ['Diskominfo Kota Padang Panjang'],
      after: ['Diskominfo Kota Padang Panjang', 'Diskominfo Kota Bukittinggi'],
    });
    assert.equal((await updateVisit(acting, visit.id, {})).id, visit.id);
    assert.equal((await listRevisions('visit', visit.id)).length, 2, 'a save without changes adds no revision');
    assert.deepEqual((await getVisit(acting, visit.id)).provinceCodes, ['13']);
  });

  test('provisionVisit – the same first visitor, first host and start date twice – one visit, updated', async () => {
    const { acting } = await createUser();
    const input = await visitInput(acting, { place: 'Pertama' });
    const first = await provisionVisit(input, null);
    const again = await provisionVisit({ ...input, place: 'Kedua' }, null);
    assert.equal(first.created, true);
    assert.equal(again.created, false);
    assert.equal(again.visit.id, first.visit.id);
    assert.equal((await VisitModel.findById(first.visit.id).lean())?.place, 'Kedua');
    const revisions = await listRevisions('visit', first.visit.id);
    assert.deepEqual(revisions.map((r) => [r.action, r.actorName]), [['update', ''], ['create', '']]);
    assert.equal((await VisitModel.findById(first.visit.id).lean())?.createdBy, null);
  });
});
