import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadReferenceRegions } from '../../src/modules/regions/region-reference.js';
import { placesLeftOutFilter, readPlacesLeftOut, withoutKeptNames } from '../../src/search/outside-places.js';
import { placeNamesOf, type PlaceNames } from '../../src/search/place-names.js';

const JAVA = ['31', '32', '33', '34', '35', '36'];
const NONE = { codes: [], names: [] };
/** What a query reads as left out: the query left, the places by code and name, involved or visited, the words read and the names kept. */
const involving = (q: string, codes: string[], names: string[], phrase: string) => ({ q, left: { involved: { codes, names }, visited: NONE }, phrase, kept: [] });
const visiting = (q: string, codes: string[], names: string[], phrase: string, kept: string[] = []) => ({ q, left: { involved: NONE, visited: { codes, names } }, phrase, kept });

describe('places left out of a query (di luar Sumbar, selain Jawa, ke luar Sumbar)', () => {
  let names: PlaceNames;
  before(async () => {
    names = placeNamesOf(await loadReferenceRegions());
  });
  const read = (q: string) => readPlacesLeftOut(q, names);

  test('readPlacesLeftOut – a province after "di luar" (diluar, selain) – read off with "di", its records left out by code and name', () => {
    assert.deepEqual(read('praktik di luar Sumatera Barat'), involving('praktik', ['13'], ['Sumatera Barat'], 'di luar Sumatera Barat'));
    // Its other names (synonym data) and a kabupaten by its kind word.
    assert.deepEqual(read('podcast luar sumbar')?.left.involved.codes, ['13']);
    // "Diluar", as often written.
    assert.deepEqual(read('praktek baik diluar sumbar')?.left.involved.codes, ['13']);
    assert.deepEqual(read('podcast di luar kab. solok')?.left.involved, { codes: ['13.02'], names: ['Kabupaten Solok'] });
    // A name two places share: both.
    assert.deepEqual(read('selain solok')?.left.involved, { codes: ['13.02', '13.72'], names: ['Solok'] });
  });

  test('readPlacesLeftOut – an island – its provinces; the longer name wins (Sumatera Barat is the province), an island over the province of its name (Papua)', () => {
    assert.deepEqual(read('inovasi luar jawa')?.left.involved, { codes: JAVA, names: ['Jawa'] });
    assert.deepEqual(read('inovasi selain nusa tenggara')?.left.involved.codes, ['52', '53']);
    assert.deepEqual(read('ppid di luar sumatera barat')?.left.involved.codes, ['13']);
    assert.equal(read('ppid di luar papua')?.left.involved.codes.length, 6);
  });

  test('readPlacesLeftOut – after "ke" (ke luar, keluar, selain ke) – the place visited: leaving it, its name stays in the query (its own visits first); an island\'s does not, nor a place only not visited', () => {
    assert.deepEqual(read('kunjungan ke luar sumbar'), visiting('kunjungan sumbar', ['13'], ['Sumatera Barat'], 'ke luar sumbar', ['sumbar']));
    // Written as one word.
    assert.deepEqual(read('kunjungan keluar sumbar')?.q, 'kunjungan sumbar');
    assert.deepEqual(read('kunjungan keluar sumbar')?.left.visited.codes, ['13']);
    // Other than to a place: no preference for its own visits.
    assert.deepEqual(read('studi tiru selain ke padang panjang'), visiting('studi tiru', ['13.74'], ['Kota Padang Panjang'], 'selain ke padang panjang'));
    assert.deepEqual(read('studi tiru ke luar jawa'), visiting('studi tiru', JAVA, ['Jawa'], 'ke luar jawa'));
  });

  test('readPlacesLeftOut – English (outside, except) – the place\'s English name read as Indonesian', () => {
    assert.deepEqual(read('practices outside west sumatra'), involving('practices', ['13'], ['Sumatera Barat'], 'outside west sumatra'));
    assert.deepEqual(read('podcasts except java')?.left.involved.codes, JAVA);
    assert.equal(read('thinking outside the box'), null);
  });

  test('readPlacesLeftOut – "luar" before no place (luar kota, luar ruang, luar biasa), or a quoted phrase – nothing read', () => {
    for (const q of ['studi tiru luar kota', 'kunjungan ke luar provinsi', 'videotron luar ruang', 'inovasi luar biasa', 'selain itu', '"di luar sumbar"']) assert.equal(read(q), null, q);
  });

  test('withoutKeptNames – a suggestion for the query read – without the names of places left, its last occurrence each', () => {
    assert.equal(withoutKeptNames('kunjungan kab solok', ['Kab Solok']), 'kunjungan');
    assert.equal(withoutKeptNames('solok sapekan solok', ['solok']), 'solok sapekan');
    assert.equal(withoutKeptNames('kunjungan', []), 'kunjungan');
  });

  test('placesLeftOutFilter – provinces, kabupaten/kota and places visited – one NOT IN clause each, codes once', () => {
    assert.deepEqual(placesLeftOutFilter({ involved: { codes: ['13', '13.72', '13'], names: [] }, visited: { codes: ['32'], names: [] } }), [
      'provinceCodes NOT IN ["13"]',
      'regionCodes NOT IN ["13.72"]',
      'visitedCodes NOT IN ["32"]',
    ]);
    assert.deepEqual(placesLeftOutFilter(undefined), []);
  });
});
