import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CROSSING_KEYS, crossingKeysOf } from '../../src/search/crossing.js';

const kotaSolok = { provinceCode: '13', regionCode: '13.72' };
const padangPanjang = { provinceCode: '13', regionCode: '13.74' };
const provinsiSumbar = { provinceCode: '13', regionCode: null };
const kotaJambi = { provinceCode: '15', regionCode: '15.71' };
const batam = { provinceCode: '21', regionCode: '21.71' };
const semarang = { provinceCode: '33', regionCode: '33.74' };
const denpasar = { provinceCode: '51', regionCode: '51.71' };
const nowhere = { provinceCode: null, regionCode: null };
const { province, region, island, sameProvince } = CROSSING_KEYS;

const cases: [string, Parameters<typeof crossingKeysOf>[0], Parameters<typeof crossingKeysOf>[1], string[]][] = [
  ['to another kabupaten/kota of the province', [kotaSolok], [padangPanjang], [region, sameProvince]],
  ['to another province of the island', [kotaSolok], [kotaJambi], [province, region]],
  ['to a province the islands group with Sumatera (Kepulauan Riau)', [kotaSolok], [batam], [province, region]],
  ['to another island', [kotaSolok], [semarang], [province, region, island]],
  ['from Bali, on no island listed, to Jawa', [denpasar], [semarang], [province, region, island]],
  ['within the same kabupaten/kota', [kotaSolok], [kotaSolok], [sameProvince]],
  ["a kota to its province's own agency", [kotaSolok], [provinsiSumbar], [region, sameProvince]],
  ['visitors from two places, the host at one of them', [kotaSolok, padangPanjang], [padangPanjang], [sameProvince]],
  ['one of two hosts in another province, on another island', [kotaSolok], [padangPanjang, semarang], [province, region, island]],
  ['visitors from two islands, the host on one of them', [kotaSolok, semarang], [padangPanjang], [region, sameProvince]],
  ['a host of no known place beside one in the province', [kotaSolok], [nowhere, padangPanjang], [region, sameProvince]],
  ['no place visited (a practice)', [kotaSolok], [], []],
  ['only a host of no known place (a ministry)', [kotaSolok], [nowhere], []],
  ['visitors of no known place', [nowhere], [semarang], []],
];
for (const [name, own, visited, keys] of cases) {
  test(`crossingKeysOf – ${name} – ${keys.length > 0 ? keys.join(', ') : 'no key'}`, () => {
    assert.deepEqual(crossingKeysOf(own, visited), keys);
  });
}
