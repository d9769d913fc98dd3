/**
 * The knowledge seed: extra agencies, practices, visits and lessons from the JSON files next to
 * this one, each upserted by its natural key (agency: official name; practice: owner + name;
 * visit: first visiting agency + first host + start date; lesson: recorder agency + title).
 * Running it twice leaves the same documents and adds no revisions. Needs the agencies and demo
 * users of the main seed (seeds/seed.ts) first.
 */
import { readFile } from 'node:fs/promises';
import { findAgencyByReference } from '../../src/modules/agencies/agency.lookup.js';
import { provisionAgency } from '../../src/modules/agencies/agency.service.js';
import { LessonModel } from '../../src/modules/lessons/lesson.model.js';
import { provisionLesson } from '../../src/modules/lessons/lesson.service.js';
import { PracticeModel } from '../../src/modules/practices/practice.model.js';
import { provisionPractice } from '../../src/modules/practices/practice.service.js';
import { UserModel, normaliseEmail } from '../../src/modules/users/user.model.js';
import { VisitModel } from '../../src/modules/visits/visit.model.js';
import { provisionVisit } from '../../src/modules/visits/visit-provision.js';

const DATA_DIR = new URL('./', import.meta.url);

async function readRows<T>(file: string): Promise<T[]> {
  const parsed: unknown = JSON.parse(await readFile(new URL(file, DATA_DIR), 'utf8'));
  if (!Array.isArray(parsed)) throw new Error(`seeds/knowledge/${file} must hold a JSON array`);
  return parsed as T[];
}

interface PracticeRef {
  owner: string;
  name: string;
}

interface PracticeRow extends Record<string, unknown> {
  owner: string;
  name: string;
  adoptedFrom?: PracticeRef;
}

interface VisitRow extends Record<string, unknown> {
  key: string;
  visiting: string[];
  hosts: string[];
  startDate: string;
  delegation: { name: string; position: string; agency: string }[];
  practices: PracticeRef[];
}

interface LessonRow extends Record<string, unknown> {
  visit: string;
  recorder: string;
  title: string;
  practices: PracticeRef[];
  recordedBy: string | null;
  recordedByName: string;
}

/** Agency short names (or official names) → ids, failing loudly on a typo in the data. */
class AgencyIds {
  private readonly cache = new Map<string, string>();

  async of(reference: string): Promise<string> {
    let id = this.cache.get(reference);
    if (!id) {
      const agency = await findAgencyByReference(reference);
      if (!agency) throw new Error(`seeds/knowledge: unknown agency "${reference}"`);
      id = agency.id;
      this.cache.set(reference, id);
    }
    return id;
  }

  all(references: string[]): Promise<string[]> {
    return Promise.all(references.map((r) => this.of(r)));
  }
}

const practiceKey = (ref: PracticeRef) => `${ref.owner}\u0000${ref.name}`;

/** Sources before their adoptions, so every adoptedFrom link can be resolved on the first run. */
async function seedPractices(agencies: AgencyIds): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  let pending = await readRows<PracticeRow>('practices.json');
  while (pending.length > 0) {
    const ready = pending.filter((row) => !row.adoptedFrom || ids.has(practiceKey(row.adoptedFrom)));
    if (ready.length === 0) throw new Error(`seeds/knowledge/practices.json: unresolved adoptedFrom of "${pending[0]?.name}"`);
    for (const { owner, adoptedFrom, ...fields } of ready) {
      const adoptedFromId = adoptedFrom ? ids.get(practiceKey(adoptedFrom)) : null;
      const { practice } = await provisionPractice({ ...fields, ownerAgencyId: await agencies.of(owner), adoptedFromId });
      ids.set(practiceKey({ owner, name: fields.name }), practice.id);
    }
    pending = pending.filter((row) => !ready.includes(row));
  }
  return ids;
}

function practiceIdsOf(refs: PracticeRef[], practices: Map<string, string>): string[] {
  return refs.map((ref) => {
    const id = practices.get(practiceKey(ref));
    if (!id) throw new Error(`seeds/knowledge: unknown practice "${ref.name}" of "${ref.owner}"`);
    return id;
  });
}

interface SeededVisit {
  id: string;
  startDate: string;
  leadName: string;
}

async function seedVisits(agencies: AgencyIds, practices: Map<string, string>): Promise<Map<string, SeededVisit>> {
  const visits = new Map<string, SeededVisit>();
  for (const { key, visiting, hosts, delegation, practices: shown, ...fields } of await readRows<VisitRow>('visits.json')) {
    const people = await Promise.all(delegation.map(async (p) => ({ name: p.name, position: p.position, agencyId: await agencies.of(p.agency) })));
    const { visit } = await provisionVisit(
      {
        ...fields,
        visitingAgencyIds: await agencies.all(visiting),
        hostAgencyIds: await agencies.all(hosts),
        delegation: people,
        practiceIds: practiceIdsOf(shown, practices),
      },
      null,
    );
    visits.set(key, { id: visit.id, startDate: fields.startDate, leadName: delegation[0]?.name ?? '' });
  }
  return visits;
}

async function recorderOf(row: LessonRow, visit: SeededVisit): Promise<{ id: string | null; name: string }> {
  const user = row.recordedBy ? await UserModel.findOne({ email: { $eq: normaliseEmail(row.recordedBy) } }, { name: 1 }).lean() : null;
  if (user) return { id: user._id.toString(), name: user.name };
  return { id: null, name: row.recordedByName || visit.leadName };
}

async function seedLessons(agencies: AgencyIds, practices: Map<string, string>, visits: Map<string, SeededVisit>): Promise<void> {
  for (const row of await readRows<LessonRow>('lessons.json')) {
    const visit = visits.get(row.visit);
    if (!visit) throw new Error(`seeds/knowledge/lessons.json: unknown visit "${row.visit}"`);
    const { title, observation, lesson, recommendation, appliesTo, topics, status } = row;
    await provisionLesson(
      {
        title, observation, lesson, recommendation, appliesTo, topics, status,
        recorderAgencyId: await agencies.of(row.recorder),
        visitId: visit.id,
        practiceIds: practiceIdsOf(row.practices, practices),
        observedOn: visit.startDate,
      },
      await recorderOf(row, visit),
    );
  }
}

export interface KnowledgeCounts {
  agencies: number;
  practices: number;
  visits: number;
  lessons: number;
}

export async function seedKnowledge(): Promise<KnowledgeCounts> {
  const extraAgencies = await readRows<Record<string, unknown>>('agencies.json');
  for (const row of extraAgencies) await provisionAgency(row);
  const agencies = new AgencyIds();
  const practices = await seedPractices(agencies);
  const visits = await seedVisits(agencies, practices);
  await seedLessons(agencies, practices, visits);
  const [practiceCount, visitCount, lessonCount] = await Promise.all([
    PracticeModel.countDocuments({ deletedAt: null }),
    VisitModel.countDocuments({ deletedAt: null }),
    LessonModel.countDocuments({ deletedAt: null }),
  ]);
  return { agencies: extraAgencies.length, practices: practiceCount, visits: visitCount, lessons: lessonCount };
}
