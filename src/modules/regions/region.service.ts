import { RegionModel } from './region.model.js';
import { loadReferenceRegions, type RegionKind } from './region-reference.js';

export interface Region {
  code: string;
  name: string;
  kind: RegionKind;
  provinceCode: string;
}

/** Where an agency sits: the region itself plus its province, both named from reference data. */
export interface RegionPlacement {
  region: Region;
  province: Region;
}

/** Upserts every reference region by code; returns how many regions the collection holds. */
export async function upsertReferenceRegions(): Promise<number> {
  const rows = await loadReferenceRegions();
  await RegionModel.bulkWrite(
    rows.map((row) => ({
      updateOne: { filter: { code: row.code }, update: { $set: row }, upsert: true },
    })),
    { ordered: false },
  );
  return RegionModel.countDocuments();
}

let loadedInThisProcess = false;

/**
 * The region collection is filled by `npm run seed`; this makes lookups work on a database that
 * was never seeded (a fresh test database, a first boot) by loading the reference data once.
 */
export async function ensureRegionsLoaded(): Promise<void> {
  if (loadedInThisProcess) return;
  const expected = (await loadReferenceRegions()).length;
  if ((await RegionModel.countDocuments()) < expected) await upsertReferenceRegions();
  loadedInThisProcess = true;
}

function toRegion(doc: { code: string; name: string; kind: string; provinceCode: string }): Region {
  return { code: doc.code, name: doc.name, kind: doc.kind as RegionKind, provinceCode: doc.provinceCode };
}

export async function findRegion(code: string): Promise<Region | null> {
  await ensureRegionsLoaded();
  const doc = await RegionModel.findOne({ code: { $eq: code } }).lean();
  return doc ? toRegion(doc) : null;
}

/** The region and its province, or null when the code is not a known Kemendagri code. */
export async function placeRegion(code: string): Promise<RegionPlacement | null> {
  const region = await findRegion(code);
  if (!region) return null;
  const province = region.kind === 'provinsi' ? region : await findRegion(region.provinceCode);
  return province ? { region, province } : null;
}

export interface ProvinceGroup {
  province: Region;
  regencies: Region[];
}

/** Every province with its kabupaten/kota, ordered by code, for region pickers. */
export async function listRegionsByProvince(): Promise<ProvinceGroup[]> {
  await ensureRegionsLoaded();
  const docs = await RegionModel.find().sort({ code: 1 }).lean();
  const groups = new Map<string, ProvinceGroup>();
  for (const doc of docs.map(toRegion)) {
    if (doc.kind === 'provinsi') groups.set(doc.code, { province: doc, regencies: [] });
  }
  for (const doc of docs.map(toRegion)) {
    if (doc.kind !== 'provinsi') groups.get(doc.provinceCode)?.regencies.push(doc);
  }
  return [...groups.values()];
}

export async function listProvinces(): Promise<Region[]> {
  await ensureRegionsLoaded();
  const docs = await RegionModel.find({ kind: 'provinsi' }).sort({ code: 1 }).lean();
  return docs.map(toRegion);
}
