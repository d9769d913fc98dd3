import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { seedKnowledge, type KnowledgeCounts } from '../seeds/knowledge/seed-knowledge.js';
import { runSeed } from '../seeds/seed.js';
import { findAgencyByReference } from '../src/modules/agencies/agency.lookup.js';
import { RevisionModel } from '../src/modules/history/revision.model.js';
import { LessonModel } from '../src/modules/lessons/lesson.model.js';
import { PracticeModel } from '../src/modules/practices/practice.model.js';
import { VisitModel } from '../src/modules/visits/visit.model.js';
import { startTestDatabase, type TestDatabase } from './modules/test-database.js';

describe('knowledge seed', () => {
  let db: TestDatabase;
  let first: KnowledgeCounts;
  let second: KnowledgeCounts;
  let revisionsAfterFirst: number;
  let revisionsAfterSecond: number;

  before(async () => {
    db = await startTestDatabase();
    await runSeed();
    first = await seedKnowledge();
    revisionsAfterFirst = await RevisionModel.countDocuments();
    second = await seedKnowledge();
    revisionsAfterSecond = await RevisionModel.countDocuments();
  });
  after(async () => {
    await db.stop();
  });

  test('seedKnowledge – run twice – same counts, no new revisions, the sizes the issue asks for', () => {
    assert.deepEqual(second, first);
    assert.equal(revisionsAfterSecond, revisionsAfterFirst);
    assert.ok(first.visits >= 40, `visits ${first.visits}`);
    assert.ok(first.practices >= 80, `practices ${first.practices}`);
    assert.ok(first.lessons >= 40, `lessons ${first.lessons}`);
  });

  test('seedKnowledge – Solok → Padang Panjang, 31 May 2022 – delegation, hosts, topics and its three practices', async () => {
    const solok = await findAgencyByReference('Diskominfo Kota Solok');
    const padangPanjang = await findAgencyByReference('Diskominfo Kota Padang Panjang');
    assert.ok(solok && padangPanjang);
    const visit = await VisitModel.findOne({ 'visitingAgencyIds.0': solok.id, 'hostAgencyIds.0': padangPanjang.id, startDate: new Date('2022-05-31T00:00:00Z') }).lean();
    assert.ok(visit, 'the visit of 31 May 2022 exists');
    assert.equal(visit.status, 'published');
    assert.deepEqual([...visit.topics].sort(), ['media-sosial', 'ppid', 'publikasi-konten']);
    assert.equal(visit.delegation[0]?.name, 'Alwa Dudi, S.T., M.M.');
    assert.deepEqual(visit.hostOfficials.map((h) => h.name), ['Budiono, S.ST', 'Yuliati Desi Putri, S.Pt', 'Arfisy, A.Md.']);
    const practices = await PracticeModel.find({ _id: { $in: visit.practiceIds } }).lean();
    assert.deepEqual(practices.map((p) => p.name).sort(), ['Majalah Serambi Mekkah', 'Padang Panjang Sepekan', 'Podcast Kominfo Corner']);
    assert.ok(practices.every((p) => p.ownerAgencyId.toString() === padangPanjang.id));
    const sepekan = practices.find((p) => p.name === 'Padang Panjang Sepekan');
    assert.deepEqual(sepekan?.evidence.map((e) => [e.date.toISOString().slice(0, 10), e.value]), [['2022-05-31', 'pekan ke-68']]);
    const lesson = await LessonModel.findOne({ visitId: visit._id }).lean();
    assert.ok(lesson, 'the visit has its lesson');
    assert.equal(lesson.recorderAgencyId.toString(), solok.id);
    assert.equal(lesson.appliesTo, 'Diskominfo yang menjalankan fungsi kehumasan');
    assert.match(lesson.recommendation, /mingguan/);
  });

  test('seedKnowledge – the 18 July 2022 follow-up – same pair of agencies, videotron practice under a Perwako', async () => {
    const solok = await findAgencyByReference('Diskominfo Kota Solok');
    const padangPanjang = await findAgencyByReference('Diskominfo Kota Padang Panjang');
    const visit = await VisitModel.findOne({ 'visitingAgencyIds.0': solok?.id, 'hostAgencyIds.0': padangPanjang?.id, startDate: new Date('2022-07-18T00:00:00Z') }).lean();
    assert.ok(visit);
    assert.deepEqual([...visit.topics].sort(), ['kim', 'media-sosial', 'publikasi-konten']);
    const names = (await PracticeModel.find({ _id: { $in: visit.practiceIds } }).lean()).map((p) => p.name);
    assert.ok(names.some((n) => /Videotron/.test(n) && /Perwako/.test(n)), names.join(', '));
  });

  test('seedKnowledge – spread – several provinces, years 2021–2025, some drafts, lineage kept', async () => {
    const years = new Set((await VisitModel.find({}, { year: 1 }).lean()).map((v) => v.year));
    for (const year of [2021, 2022, 2023, 2024, 2025]) assert.ok(years.has(year), `year ${year}`);
    const provinces = await VisitModel.distinct('provinceCodes');
    assert.ok(provinces.length >= 8, `provinces ${provinces.join(',')}`);
    assert.ok((await PracticeModel.countDocuments({ status: 'draft' })) >= 2);
    assert.ok((await LessonModel.countDocuments({ status: 'draft' })) >= 1);
    const copy = await PracticeModel.findOne({ name: 'Solok Sapekan' }).lean();
    const source = await PracticeModel.findById(copy?.adoptedFromId).lean();
    assert.equal(source?.name, 'Padang Panjang Sepekan');
  });
});
