/**
 * Test data builders. Each call makes fresh, valid, unique records through the same services the
 * app uses (so the stored shape is real); overrides replace any field.
 */
import { randomUUID } from 'node:crypto';
import type { ActingUser, Role } from '../../src/auth/acting-user.js';
import { AgencyModel } from '../../src/modules/agencies/agency.model.js';
import { provisionAgency, type AgencyRecord } from '../../src/modules/agencies/agency.service.js';
import { generatePassword } from '../../src/modules/users/generated-password.js';
import { UserModel, toActingUser } from '../../src/modules/users/user.model.js';
import type { UserRecord } from '../../src/modules/users/user.record.js';
import { provisionUser } from '../../src/modules/users/user.service.js';

let sequence = 0;
const nextId = () => `${++sequence}-${randomUUID().slice(0, 8)}`;

export interface AgencyOverrides {
  name?: string;
  shortName?: string;
  aliases?: string[];
  level?: string;
  regionCode?: string;
  address?: string;
  website?: string;
  active?: boolean;
}

/** A city-level agency in Kota Solok (13.72) unless overridden. */
export async function createAgency(overrides: AgencyOverrides = {}): Promise<AgencyRecord> {
  const id = nextId();
  const { active, ...fields } = overrides;
  const { agency } = await provisionAgency({
    name: `Dinas Uji Coba ${id} Kota Solok`,
    shortName: `Dinas Uji ${id}`,
    aliases: [],
    level: 'kota',
    regionCode: '13.72',
    ...fields,
  });
  if (active === false) {
    await AgencyModel.updateOne({ _id: agency.id }, { $set: { active: false } });
    return { ...agency, active: false };
  }
  return agency;
}

export interface UserOverrides {
  name?: string;
  email?: string;
  nip?: string;
  position?: string;
  /** Agency id; a new agency is created when absent. */
  agency?: string;
  role?: Role;
  /** Plain password; a strong one is generated when absent. */
  password?: string;
  active?: boolean;
}

export interface CreatedUser {
  user: UserRecord;
  password: string;
  /** The same account as the services see it. */
  acting: ActingUser;
}

export async function createUser(overrides: UserOverrides = {}): Promise<CreatedUser> {
  const id = nextId();
  const { active, password = generatePassword(), ...fields } = overrides;
  const agency = fields.agency ?? (await createAgency()).id;
  const user = await provisionUser({
    name: `Pengguna Uji ${id}, S.Kom.`,
    email: `pengguna-${id}@uji.example`,
    role: 'staff',
    position: 'Pranata Humas',
    ...fields,
    agency,
    password,
  });
  if (active === false) await UserModel.updateOne({ _id: user.id }, { $set: { active: false } });
  const doc = await UserModel.findById(user.id).orFail();
  return { user: { ...user, active: doc.active }, password, acting: toActingUser(doc) };
}
