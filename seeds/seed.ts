/**
 * The idempotent demo/reference seed: regions (by code), agencies (by official name), demo users
 * (by email). Running it twice leaves the same documents; only users created by this run get a
 * fresh generated password, returned so the command can print it once.
 */
import { readFile } from 'node:fs/promises';
import { parseInput } from '../src/http/validate.js';
import { findAgencyByReference } from '../src/modules/agencies/agency.lookup.js';
import { AgencyModel } from '../src/modules/agencies/agency.model.js';
import { provisionAgency } from '../src/modules/agencies/agency.service.js';
import { RegionModel } from '../src/modules/regions/region.model.js';
import { upsertReferenceRegions } from '../src/modules/regions/region.service.js';
import { generatePassword } from '../src/modules/users/generated-password.js';
import { UserModel, normaliseEmail } from '../src/modules/users/user.model.js';
import { userUpdateSchema } from '../src/modules/users/user.schemas.js';
import { provisionUser } from '../src/modules/users/user.service.js';

const DATA_DIR = new URL('./data/', import.meta.url);

async function readData(file: string): Promise<unknown[]> {
  const parsed: unknown = JSON.parse(await readFile(new URL(file, DATA_DIR), 'utf8'));
  if (!Array.isArray(parsed)) throw new Error(`seeds/data/${file} must hold a JSON array`);
  return parsed;
}

export interface NewCredential {
  email: string;
  name: string;
  role: string;
  agency: string;
  password: string;
}

export interface SeedResult {
  agenciesCreated: number;
  usersCreated: NewCredential[];
}

export interface SeedCounts {
  regions: number;
  agencies: number;
  users: number;
}

async function seedAgencies(): Promise<number> {
  let created = 0;
  for (const row of await readData('agencies.json')) {
    if ((await provisionAgency(row)).created) created += 1;
  }
  return created;
}

interface DemoUserRow {
  email: string;
  agency: string;
  [field: string]: unknown;
}

function asDemoUser(row: unknown): DemoUserRow {
  const r = row as Partial<DemoUserRow>;
  if (typeof r?.email !== 'string' || typeof r.agency !== 'string') {
    throw new Error('seeds/data/demo-users.json: every row needs an email and an agency short name');
  }
  return r as DemoUserRow;
}

/** New users get a generated password; existing ones keep theirs and get the data file's details. */
async function seedDemoUsers(): Promise<NewCredential[]> {
  const created: NewCredential[] = [];
  for (const row of (await readData('demo-users.json')).map(asDemoUser)) {
    const agency = await findAgencyByReference(row.agency);
    if (!agency) throw new Error(`seeds/data/demo-users.json: unknown agency "${row.agency}" for ${row.email}`);
    const fields = { ...row, agency: agency.id };
    const existing = await UserModel.findOne({ email: { $eq: normaliseEmail(row.email) } });
    if (existing) {
      existing.set(parseInput(userUpdateSchema, fields));
      await existing.save();
      continue;
    }
    const password = generatePassword();
    const user = await provisionUser({ ...fields, password });
    created.push({ email: user.email, name: user.name, role: user.role, agency: agency.shortName, password });
  }
  return created;
}

export async function runSeed(): Promise<SeedResult> {
  await upsertReferenceRegions();
  const agenciesCreated = await seedAgencies();
  const usersCreated = await seedDemoUsers();
  return { agenciesCreated, usersCreated };
}

/** What the database holds; taken after every part of the seed ran, so two runs compare equal. */
export async function seedCounts(): Promise<SeedCounts> {
  const [regions, agencies, users] = await Promise.all([
    RegionModel.countDocuments(),
    AgencyModel.countDocuments(),
    UserModel.countDocuments(),
  ]);
  return { regions, agencies, users };
}
