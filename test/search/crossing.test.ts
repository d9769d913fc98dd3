import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CROSSING_KEYS, crossingKeysOf } from '../../src/search/crossing.js';

const kotaSolok = { provinceCode: '13', regionCode: '13.72' };
const padangPanjang = { provinceCode: '13', regionCode: '13.74' };
const provinsiSumbar = { provinceCode: '13', regionCode: null };
const semarang = { provinceCode: '33', regionCode: '33.74' };
const nowhere = { provinceCode: null, regionCode: null };
const { province, region } = CROSSING_KEYS;

const cases: [string, Parameters<typeof crossingKeysOf>[0], Parameters<typeof crossingKeysOf>[1], string[]][] = [
  ['to another kabupaten/kota of the province', [kotaSolok], [padangPanjang], [region]],
  ['to another province', [kotaSolok], [semarang], [province, region]],
  ['within the same kabupaten/kota', [kotaSolok], [kotaSolok], []],
  ['a kota to its province\'s own agency', [kotaSolok], [provinsiSumbar], [region]],
  ['visitors from two places, the host at one of them', [kotaSolok, padangPanjang], [padangPanjang], []],
  ['one of two hosts in another province', [kotaSolok], [padangPanjang, semarang], [province, region]],
  ['no place visited (a practice)', [kotaSolok], [], []],
  ['visitors of no known place', [nowhere], [semarang], []],
];
for (const [name, own, visited, keys] of cases) {
  test(`crossingKeysOf – ${name} – ${keys.length > 0 ? keys.join(', ') : 'no key'}`, () => {
    assert.deepEqual(crossingKeysOf(own, visited), keys);
  });
}
