/**
 * The synthetic knowledge corpus of the search benchmarks: agencies, one planner and `records`
 * practices, lessons and visits (60/30/10 %) written straight through the MongoDB driver, their
 * words drawn as corpus-text.ts says, from a fixed seed so every run sees the same data.
 */
import { randomBytes } from 'node:crypto';
import { Types } from 'mongoose';
import { provisionAgency } from '../../src/modules/agencies/agency.service.js';
import { LessonModel } from '../../src/modules/lessons/lesson.model.js';
import { PracticeModel } from '../../src/modules/practices/practice.model.js';
import { listRegionsByProvince } from '../../src/modules/regions/region.service.js';
import { provisionUser } from '../../src/modules/users/user.service.js';
import { VisitModel } from '../../src/modules/visits/visit.model.js';
import { seeded } from '../helpers/seeded-random.js';
import { corpusText, type CorpusKind } from './corpus-text.js';

const AGENCIES = 120;

const random = seeded(20261126);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];

const TOPICS = ['publikasi-konten', 'ppid', 'media-sosial', 'penyiaran', 'spbe', 'keamanan-informasi', 'kim', 'pelayanan-publik', 'kehumasan', 'data-statistik', 'aplikasi-layanan', 'smart-city', 'pengaduan'];
const STAGES = ['inisiatif', 'uji_coba', 'penerapan'] as const;
const someTopics = () => [...new Set([pick(TOPICS), pick(TOPICS)])].slice(0, 1 + Math.floor(random() * 2));
const dateIn = () => new Date(Date.UTC(2015 + Math.floor(random() * 11), Math.floor(random() * 12), 1 + Math.floor(random() * 28)));

/**
 * `count` different search queries (query strings) from the corpus' words: two or three words,
 * a quarter with a type filter, sort or second page. From their own seed, so the corpus stays the same.
 */
export function longTailQueries(count: number, kind: CorpusKind = 'domain'): string[] {
  const draw = seeded(7);
  const text = corpusText(kind);
  const extras = ['', '', '', '', '', '&type=practice', '&type=lesson', '&sort=newest', '&page=2'];
  const queries = new Set<string>();
  while (queries.size < count) {
    const words = [...new Set(text.query(draw))];
    queries.add(`q=${words.join('+')}${extras[Math.floor(draw() * extras.length)]}`);
  }
  return [...queries];
}

export interface SeededUser {
  email: string;
  password: string;
}

export async function seedKnowledgeCorpus(records: number, kind: CorpusKind = 'domain'): Promise<SeededUser> {
  const text = corpusText(kind);
  const regions = (await listRegionsByProvince()).flatMap((g) => g.regencies.slice(0, 4));
  const agencyIds: Types.ObjectId[] = [];
  for (let i = 0; i < AGENCIES; i += 1) {
    const region = regions[(i * 7) % regions.length];
    const { agency } = await provisionAgency({ name: `Dinas Komunikasi dan Informatika ${region.name} ${i}`, shortName: `Diskominfo ${region.name} ${i}`, aliases: [], level: region.kind, regionCode: region.code });
    agencyIds.push(new Types.ObjectId(agency.id));
  }
  const password = `Bench-${randomBytes(9).toString('base64url')}`;
  const email = 'perencana@bench.example';
  await provisionUser({ name: 'Perencana Bench', email, role: 'planner', position: 'Perencana', agency: agencyIds[0].toString(), password });

  const now = new Date();
  const sync = { searchSync: { pending: false, version: 1 }, deletedAt: null, deletedBy: null, createdAt: now, updatedAt: now };
  const status = () => (random() < 0.9 ? 'published' : 'draft');
  const practice = () => {
    const words = text.record(random);
    const name = words(5);
    return { ownerAgencyId: pick(agencyIds), name, nameKey: name, shortDescription: words(18), description: words(60), category: 'pelayanan_publik', topics: someTopics(), tags: [words(1)], channel: words(4), stage: pick(STAGES), startDate: dateIn(), digital: true, evidence: [], contact: {}, status: status(), ...sync };
  };
  const lesson = () => {
    const words = text.record(random);
    return { title: words(6), observation: words(30), lesson: words(20), recommendation: words(15), appliesTo: words(4), topics: someTopics(), tags: [], observedOn: dateIn(), recorderAgencyId: pick(agencyIds), status: status(), ...sync };
  };
  const visit = () => {
    const words = text.record(random);
    const [visiting, host] = [pick(agencyIds), pick(agencyIds)];
    const startDate = dateIn();
    return { visitingAgencyIds: [visiting], hostAgencyIds: [host], agencyIds: [visiting, host], startDate, endDate: startDate, place: words(3), purpose: words(10), summary: words(40), agenda: '', topics: someTopics(), tags: [], delegation: [], hostOfficials: [], sources: [], practiceIds: [], status: status(), ...sync };
  };
  const plan: Array<[{ collection: { insertMany(docs: object[]): Promise<unknown> } }, () => object, number]> = [
    [PracticeModel, practice, Math.round(records * 0.6)],
    [LessonModel, lesson, Math.round(records * 0.3)],
    [VisitModel, visit, records - Math.round(records * 0.6) - Math.round(records * 0.3)],
  ];
  for (const [model, make, count] of plan) {
    for (let done = 0; done < count; done += 5_000) {
      await model.collection.insertMany(Array.from({ length: Math.min(5_000, count - done) }, make));
    }
  }
  return { email, password };
}

