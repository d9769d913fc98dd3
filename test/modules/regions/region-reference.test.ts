import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { displayRegionName, loadReferenceRegions } from '../../../src/modules/regions/region-reference.js';

describe('region reference data', () => {
  test('displayRegionName – upper-case reference names – title case, DKI kept', () => {
    assert.equal(displayRegionName('KOTA PADANG PANJANG'), 'Kota Padang Panjang');
    assert.equal(displayRegionName('DKI JAKARTA'), 'DKI Jakarta');
    assert.equal(displayRegionName('KABUPATEN LIMA PULUH KOTA'), 'Kabupaten Lima Puluh Kota');
  });

  test('loadReferenceRegions – the package data – provinces and the 19 kabupaten/kota of Sumatera Barat', async () => {
    const regions = await loadReferenceRegions();
    const provinces = regions.filter((r) => r.kind === 'provinsi');
    assert.ok(provinces.length >= 34, `expected all provinces, got ${provinces.length}`);
    const sumbar = regions.filter((r) => r.provinceCode === '13' && r.kind !== 'provinsi');
    assert.equal(sumbar.length, 19);
    assert.equal(sumbar.filter((r) => r.kind === 'kota').length, 7);
    const solok = regions.find((r) => r.code === '13.72');
    assert.deepEqual(solok && { name: solok.name, kind: solok.kind }, { name: 'Kota Solok', kind: 'kota' });
  });
});
