import type { ActingUser } from '../../auth/acting-user.js';
import { ForbiddenError, ValidationError, type FieldErrors } from '../../http/errors.js';
import { parseInput } from '../../http/validate.js';
import { placeRegion } from '../regions/region.service.js';
import { AgencyModel, normaliseAgencyName, type AgencyDocument, type AgencyLevel } from './agency.model.js';
import { canManageAgencies, canReadAgencies } from './agency.policy.js';
import {
  agencyActiveSchema,
  agencyInputSchema,
  agencyListQuerySchema,
  agencyNameSchema,
  agencyPlacementSchema,
  type AgencyInput,
} from './agency.schemas.js';
import { bodyObject, collectInput, isDuplicateKeyError } from './schema-kit.js';
import { escapeRegex, fetchPage, type Page } from './list-query.js';
import { findDocumentById } from './find-document.js';

/** Plain agency data handed to presenters and other modules (never a mongoose document). */
export interface AgencyRecord {
  id: string;
  name: string;
  shortName: string;
  aliases: string[];
  level: AgencyLevel;
  regionCode: string | null;
  provinceCode: string | null;
  provinceName: string | null;
  regencyName: string | null;
  address: string;
  website: string;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export function toAgencyRecord(doc: AgencyDocument): AgencyRecord {
  return {
    id: doc._id.toString(),
    name: doc.name,
    shortName: doc.shortName,
    aliases: [...doc.aliases],
    level: doc.level as AgencyLevel,
    regionCode: doc.regionCode ?? null,
    provinceCode: doc.provinceCode ?? null,
    provinceName: doc.provinceName ?? null,
    regencyName: doc.regencyName ?? null,
    address: doc.address ?? '',
    website: doc.website ?? '',
    active: doc.active,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

function assertCanRead(actor: ActingUser | null): void {
  if (!canReadAgencies(actor)) throw new ForbiddenError();
}

function assertCanManage(actor: ActingUser | null): void {
  if (!canManageAgencies(actor)) throw new ForbiddenError();
}

export async function listAgencies(actor: ActingUser | null, rawQuery: unknown): Promise<Page<AgencyRecord>> {
  assertCanRead(actor);
  const query = parseInput(agencyListQuerySchema, rawQuery);
  const filter: Record<string, unknown> = {};
  const text = normaliseAgencyName(query.q);
  if (text) filter.searchKeys = { $regex: escapeRegex(text) };
  if (query.level) filter.level = { $eq: query.level };
  if (query.province) filter.provinceCode = { $eq: query.province };
  if (query.active !== undefined) filter.active = { $eq: query.active };
  return fetchPage(
    query,
    (skip, limit) => AgencyModel.find(filter).sort({ provinceCode: 1, regionCode: 1, nameKey: 1 }).skip(skip).limit(limit),
    () => AgencyModel.countDocuments(filter),
    toAgencyRecord,
  );
}

async function findAgencyDocument(id: string): Promise<AgencyDocument> {
  return findDocumentById(id, (valid) => AgencyModel.findById(valid));
}

export async function getAgency(actor: ActingUser | null, id: string): Promise<AgencyRecord> {
  assertCanRead(actor);
  return toAgencyRecord(await findAgencyDocument(id));
}

interface Placement {
  regionCode: string | null;
  provinceCode: string | null;
  provinceName: string | null;
  regencyName: string | null;
}

/** Checks the region code against the reference data and the level; names come from the data. */
async function resolvePlacement(level: AgencyLevel, regionCode: string, errors: FieldErrors): Promise<Placement> {
  const none: Placement = { regionCode: null, provinceCode: null, provinceName: null, regencyName: null };
  if (regionCode === '') {
    if (level !== 'kementerian_lembaga') errors.regionCode = 'agencies:errors.region_required';
    return none;
  }
  const placement = await placeRegion(regionCode);
  if (!placement) {
    errors.regionCode = 'agencies:errors.region_unknown';
    return none;
  }
  // Region kinds are named like the levels: a 'kota' agency needs a 'kota' region, and so on.
  if (level !== 'kementerian_lembaga' && placement.region.kind !== level) {
    errors.regionCode = `agencies:errors.region_not_${level}`;
    return none;
  }
  const isProvince = placement.region.kind === 'provinsi';
  return {
    regionCode: placement.region.code,
    provinceCode: placement.province.code,
    provinceName: placement.province.name,
    regencyName: isProvince ? null : placement.region.name,
  };
}

async function checkNameFree(name: string, exceptId: string | null, errors: FieldErrors): Promise<void> {
  const clash = await AgencyModel.findOne({ nameKey: { $eq: normaliseAgencyName(name) } }, { _id: 1 }).lean();
  if (clash && clash._id.toString() !== exceptId) errors.name = 'agencies:errors.name_taken';
}

/**
 * Validates a complete field set — schema and database checks together, so a form shows every
 * problem at once — and writes it to `doc` (new or existing).
 */
async function applyInput(doc: AgencyDocument, raw: unknown, errors: FieldErrors = {}): Promise<AgencyRecord> {
  const input = collectInput(agencyInputSchema, raw, errors);
  const where = collectInput(agencyPlacementSchema, raw, {});
  const placement = where ? await resolvePlacement(where.level, where.regionCode, errors) : null;
  const name = collectInput(agencyNameSchema, raw, {})?.name;
  if (name) await checkNameFree(name, doc.isNew ? null : doc._id.toString(), errors);
  if (!input || !placement || Object.keys(errors).length > 0) throw new ValidationError(errors);
  doc.set({ ...input, ...placement });
  try {
    await doc.save();
  } catch (error) {
    // Two admins saving the same name at once: the unique index decides, reported like the check.
    if (isDuplicateKeyError(error)) throw new ValidationError({ name: 'agencies:errors.name_taken' });
    throw error;
  }
  return toAgencyRecord(doc);
}

export async function createAgency(actor: ActingUser | null, raw: unknown): Promise<AgencyRecord> {
  assertCanManage(actor);
  return applyInput(new AgencyModel(), raw);
}

/**
 * Full (form) or partial (API PATCH) update: given fields replace the stored ones, the result is
 * validated as a whole. PATCH may also set `active`.
 */
export async function updateAgency(actor: ActingUser | null, id: string, raw: unknown): Promise<AgencyRecord> {
  assertCanManage(actor);
  const doc = await findAgencyDocument(id);
  const { active: activeRaw, ...changes } = bodyObject(raw);
  const errors: FieldErrors = {};
  const active = collectInput(agencyActiveSchema, { active: activeRaw }, errors)?.active;
  if (active !== undefined) doc.active = active;
  const current = toAgencyRecord(doc);
  const stored = { ...current, regionCode: current.regionCode ?? '' };
  return applyInput(doc, { ...pickInputFields(stored), ...changes }, errors);
}

function pickInputFields(agency: AgencyInput): AgencyInput {
  const { name, shortName, aliases, level, regionCode, address, website } = agency;
  return { name, shortName, aliases, level, regionCode, address, website };
}

export async function setAgencyActive(actor: ActingUser | null, id: string, active: boolean): Promise<AgencyRecord> {
  assertCanManage(actor);
  const doc = await findAgencyDocument(id);
  doc.active = active;
  await doc.save();
  return toAgencyRecord(doc);
}

/**
 * Creates the agency, or updates the one with the same official name (any case): the seed's
 * idempotent upsert. Trusted callers only — there is no acting user to check.
 */
export async function provisionAgency(raw: unknown): Promise<{ agency: AgencyRecord; created: boolean }> {
  const name = bodyObject(raw).name;
  const existing = typeof name === 'string' ? await AgencyModel.findOne({ nameKey: { $eq: normaliseAgencyName(name) } }) : null;
  const agency = await applyInput(existing ?? new AgencyModel(), raw);
  return { agency, created: existing === null };
}
