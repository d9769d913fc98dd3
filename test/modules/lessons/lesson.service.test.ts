import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ForbiddenError, NotFoundError, ValidationError } from '../../../src/http/errors.js';
import { LessonModel } from '../../../src/modules/lessons/lesson.model.js';
import { listLessonsByAgency, listLessonsByPractice, listLessonsByVisit } from '../../../src/modules/lessons/lesson.queries.js';
import { deleteLesson, getLesson, updateLesson } from '../../../src/modules/lessons/lesson.service.js';
import { deleteVisit, createVisit } from '../../../src/modules/visits/visit.service.js';
import { createAgency, createUser, type CreatedUser } from '../../helpers/factories.js';
import { createTestLesson, createTestPractice } from '../../helpers/practice-factories.js';
import { rejectsWith } from '../../helpers/rejections.js';
import { startTestDatabase, type TestDatabase } from '../test-database.js';

describe('lesson service', () => {
  let db: TestDatabase;
  let recorder: CreatedUser;
  let other: CreatedUser;

  before(async () => {
    db = await startTestDatabase();
    recorder = await createUser({ role: 'staff', agency: (await createAgency({ regionCode: '13.72' })).id });
    other = await createUser({ role: 'head', agency: (await createAgency({ regionCode: '13.74' })).id });
  });
  after(async () => {
    await db.stop();
  });

  test('createLesson – links to a visit and a practice, no date – dated by the visit, found from the visit, the practice and the agency', async () => {
    const practice = await createTestPractice(other.acting);
    const visit = await createVisit(recorder.acting, {
      visitingAgencyIds: [recorder.acting.agencyId], hostAgencyIds: [other.acting.agencyId], startDate: '2022-07-18', endDate: '2022-07-18', status: 'published',
    });
    const lesson = await createTestLesson(recorder.acting, { visitId: visit.id, practiceIds: [practice.id], observedOn: '' });
    assert.equal(lesson.recordedByName, recorder.acting.name);
    assert.equal(lesson.observedOn?.toISOString().slice(0, 10), '2022-07-18', 'dated by the visit');
    assert.deepEqual((await listLessonsByVisit(other.acting, visit.id)).map((l) => l.id), [lesson.id]);
    assert.deepEqual((await listLessonsByPractice(other.acting, practice.id)).map((l) => l.id), [lesson.id]);
    assert.ok((await listLessonsByAgency(other.acting, recorder.acting.agencyId)).some((l) => l.id === lesson.id));
  });

  test('createLesson – another agency’s draft practice, a deleted visit, unknown ids – field errors, nothing stored', async () => {
    const hiddenPractice = await createTestPractice(other.acting, { status: 'draft' });
    const visit = await createVisit(recorder.acting, {
      visitingAgencyIds: [recorder.acting.agencyId], hostAgencyIds: [other.acting.agencyId], startDate: '2023-01-10', endDate: '2023-01-10', status: 'published',
    });
    await deleteVisit(recorder.acting, visit.id);
    const before = await LessonModel.countDocuments();
    const error = await rejectsWith(createTestLesson(recorder.acting, { visitId: visit.id, practiceIds: [hiddenPractice.id] }), ValidationError);
    assert.equal(error.details?.visitId, 'lessons:errors.visit_unknown');
    assert.equal(error.details?.practiceIds, 'lessons:errors.practices_invalid');
    const bad = await rejectsWith(createTestLesson(recorder.acting, { visitId: 'bukan-id', observation: 'pendek' }), ValidationError);
    assert.equal(bad.details?.visitId, 'lessons:errors.visit_unknown');
    assert.equal(bad.details?.observation, 'lessons:errors.observation_required');
    assert.equal(await LessonModel.countDocuments(), before);
  });

  test('updateLesson and deleteLesson – other agency – forbidden; a draft of another agency – not found', async () => {
    const lesson = await createTestLesson(recorder.acting);
    await rejectsWith(updateLesson(other.acting, lesson.id, { title: 'Ubah' }), ForbiddenError);
    await rejectsWith(deleteLesson(other.acting, lesson.id), ForbiddenError);
    const draft = await createTestLesson(recorder.acting, { status: 'draft' });
    await rejectsWith(getLesson(other.acting, draft.id), NotFoundError);
    await rejectsWith(updateLesson(other.acting, draft.id, { title: 'Ubah' }), NotFoundError);
    assert.equal((await getLesson(recorder.acting, draft.id)).status, 'draft');
  });
});
