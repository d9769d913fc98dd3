import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ActingUser } from '../../../src/auth/acting-user.js';
import { ForbiddenError } from '../../../src/http/errors.js';
import { AgencyModel } from '../../../src/modules/agencies/agency.model.js';
import {
  createAgency,
  getAgency,
  listAgencies,
  setAgencyActive,
  updateAgency,
} from '../../../src/modules/agencies/agency.service.js';
import { createAgency as makeAgency } from '../../helpers/factories.js';
import { validationDetails } from '../../helpers/rejections.js';
import { startTestDatabase, type TestDatabase } from '../test-database.js';

const admin: ActingUser = { id: '64b000000000000000000001', agencyId: '64b0000000000000000000aa', role: 'admin', name: 'Admin', email: 'a@uji.example' };
const staff: ActingUser = { ...admin, id: '64b000000000000000000002', role: 'staff', email: 's@uji.example' };

const solok = {
  name: 'Dinas Komunikasi dan Informatika Kota Solok',
  shortName: 'Diskominfo Kota Solok',
  aliases: 'Kominfo Solok\nDinas Kominfo Kota Solok',
  level: 'kota',
  regionCode: '13.72',
  address: 'Jl. Lubuk Sikarah, Solok',
  website: 'https://diskominfo.solokkota.go.id',
};

describe('agency service', () => {
  let db: TestDatabase;
  before(async () => {
    db = await startTestDatabase();
  });
  after(async () => {
    await db.stop();
  });

  test('createAgency – admin with a kota region code – stores names from the reference data', async () => {
    const agency = await createAgency(admin, solok);
    assert.equal(agency.regencyName, 'Kota Solok');
    assert.equal(agency.provinceName, 'Sumatera Barat');
    assert.equal(agency.provinceCode, '13');
    assert.deepEqual(agency.aliases, ['Kominfo Solok', 'Dinas Kominfo Kota Solok']);
    const stored = await AgencyModel.findById(agency.id).lean();
    assert.equal(stored?.nameKey, 'dinas komunikasi dan informatika kota solok');
    assert.ok(stored?.searchKeys.includes('kominfo solok'));
  });

  test('createAgency – same official name in other case – name field error, nothing stored', async () => {
    const details = await validationDetails(createAgency(admin, { ...solok, name: solok.name.toUpperCase(), shortName: 'Lain' }));
    assert.equal(details.name, 'agencies:errors.name_taken');
    assert.equal(await AgencyModel.countDocuments({ shortName: 'Lain' }), 0);
  });

  test('createAgency – staff acting user – refused by the policy, nothing stored', async () => {
    await assert.rejects(createAgency(staff, { ...solok, name: 'Dinas Baru Kota Solok' }), ForbiddenError);
    assert.equal(await AgencyModel.countDocuments({ name: 'Dinas Baru Kota Solok' }), 0);
  });

  test('createAgency – unknown, malformed and mismatched region codes – region field errors', async () => {
    const base = { ...solok, name: 'Dinas Wilayah Salah' };
    assert.equal((await validationDetails(createAgency(admin, { ...base, regionCode: '99.99' }))).regionCode, 'agencies:errors.region_unknown');
    assert.equal((await validationDetails(createAgency(admin, { ...base, regionCode: '13-72' }))).regionCode, 'agencies:errors.region_invalid');
    assert.equal((await validationDetails(createAgency(admin, { ...base, regionCode: '13.02' }))).regionCode, 'agencies:errors.region_not_kota');
    assert.equal((await validationDetails(createAgency(admin, { ...base, level: 'provinsi' }))).regionCode, 'agencies:errors.region_not_provinsi');
    assert.equal((await validationDetails(createAgency(admin, { ...base, regionCode: '' }))).regionCode, 'agencies:errors.region_required');
  });

  test('createAgency – missing fields and a bad website – one error per field', async () => {
    const details = await validationDetails(createAgency(admin, { name: '', shortName: '', level: 'desa', website: 'not a url' }));
    assert.ok(details.name);
    assert.ok(details.shortName);
    assert.equal(details.level, 'agencies:errors.level_invalid');
    assert.equal(details.website, 'agencies:errors.website_invalid');
  });

  test('createAgency – provincial and ministry agencies – province only, or no region', async () => {
    const province = await createAgency(admin, { name: 'Dinas Kominfo Provinsi Jawa Barat Uji', shortName: 'Diskominfo Jabar Uji', level: 'provinsi', regionCode: '32' });
    assert.equal(province.provinceName, 'Jawa Barat');
    assert.equal(province.regencyName, null);
    const ministry = await createAgency(admin, { name: 'Kementerian Uji Coba', shortName: 'Kemenuji', level: 'kementerian_lembaga' });
    assert.equal(ministry.regionCode, null);
    assert.equal(ministry.provinceName, null);
  });

  test('listAgencies – search by alias and filters – finds the matching agencies only', async () => {
    const found = await listAgencies(staff, { q: 'kominfo solok' });
    assert.deepEqual(found.items.map((a) => a.shortName), ['Diskominfo Kota Solok']);
    const byLevel = await listAgencies(staff, { level: 'provinsi' });
    assert.ok(byLevel.items.every((a) => a.level === 'provinsi') && byLevel.total >= 1);
    const byProvince = await listAgencies(staff, { province: '32' });
    assert.ok(byProvince.items.every((a) => a.provinceCode === '32') && byProvince.total >= 1);
    const regexText = await listAgencies(staff, { q: '.*' });
    assert.equal(regexText.total, 0, 'search text is matched literally, not as a pattern');
  });

  test('listAgencies – more agencies than one page – pages hold perPage items and report totals', async () => {
    for (let i = 0; i < 3; i++) await makeAgency({ level: 'kabupaten', regionCode: '13.06' });
    const first = await listAgencies(staff, { province: '13', perPage: 2, page: 1 });
    const second = await listAgencies(staff, { province: '13', perPage: 2, page: 2 });
    assert.equal(first.items.length, 2);
    assert.equal(first.totalPages, Math.ceil(first.total / 2));
    assert.notDeepEqual(first.items.map((a) => a.id), second.items.map((a) => a.id));
  });

  test('listAgencies – anonymous – refused', async () => {
    await assert.rejects(listAgencies(null, {}), ForbiddenError);
  });

  test('updateAgency – partial change of level and region – names follow the new region', async () => {
    const agency = await makeAgency();
    const updated = await updateAgency(admin, agency.id, { level: 'kabupaten', regionCode: '13.06' });
    assert.equal(updated.regencyName, 'Kabupaten Agam');
    assert.equal(updated.name, agency.name);
    assert.equal((await AgencyModel.findById(agency.id).lean())?.regionCode, '13.06');
  });

  test('setAgencyActive – admin deactivates then reactivates; staff refused', async () => {
    const agency = await makeAgency();
    assert.equal((await setAgencyActive(admin, agency.id, false)).active, false);
    assert.equal((await listAgencies(staff, { active: 'false', q: agency.shortName })).total, 1);
    await assert.rejects(setAgencyActive(staff, agency.id, true), ForbiddenError);
    assert.equal((await getAgency(staff, agency.id)).active, false);
    assert.equal((await setAgencyActive(admin, agency.id, true)).active, true);
  });
});
