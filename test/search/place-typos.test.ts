import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { placeNamesOf, type PlaceNames } from '../../src/search/place-names.js';
import { placeTyposIn } from '../../src/search/place-typos.js';
import { loadReferenceRegions } from '../../src/modules/regions/region-reference.js';

describe('place names typed with a typo', () => {
  let names: PlaceNames;
  before(async () => {
    names = placeNamesOf(await loadReferenceRegions());
  });

  test('placeTyposIn – a typo of a word of a place\'s name (bukitinggi, padng, sawahlnto) – that word', () => {
    assert.deepEqual([...placeTyposIn('studi tiru ke Bukitinggi', names)], [['bukitinggi', 'bukittinggi']]);
    assert.deepEqual([...placeTyposIn('podcast kota padng panjng', names)], [['padng', 'padang'], ['panjng', 'panjang']]);
    assert.deepEqual([...placeTyposIn('sawahlnto', names)], [['sawahlnto', 'sawahlunto']]);
  });

  test('placeTyposIn – place names, words of the language, English, words too short for a typo, or a quoted phrase – none', () => {
    for (const q of ['studi tiru ke bukittinggi', 'pelayanan publik', 'complaint handling', 'kab solk', '"bukitinggi"']) assert.deepEqual([...placeTyposIn(q, names)], [], q);
  });
});
