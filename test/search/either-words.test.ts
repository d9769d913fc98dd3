import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { alternativeSearches, readAlternatives, withAlternativesJoined } from '../../src/search/either-words.js';
import { placeNamesOf, type PlaceNames } from '../../src/search/place-names.js';
import { loadReferenceRegions } from '../../src/modules/regions/region-reference.js';

let names: PlaceNames;

before(async () => {
  names = placeNamesOf(await loadReferenceRegions());
});

test('readAlternatives – words joined by atau, ataupun, maupun or or – the alternatives as typed, the other words as the rest', () => {
  assert.deepEqual(readAlternatives('podcast atau radio', names), { alternatives: ['podcast', 'radio'], rest: '', endsQuery: true });
  assert.deepEqual(readAlternatives('siaran Podcast ataupun Radio humas', names), { alternatives: ['Podcast', 'Radio'], rest: 'siaran humas', endsQuery: false });
  assert.deepEqual(readAlternatives('ppid or kim', names), { alternatives: ['ppid', 'kim'], rest: '', endsQuery: true });
  // "Baik … maupun …" (both … and …): the records on each; "baik" of "praktik baik" stays.
  assert.deepEqual(readAlternatives('baik podcast maupun radio', names), { alternatives: ['podcast', 'radio'], rest: '', endsQuery: true });
  assert.deepEqual(readAlternatives('praktik baik podcast maupun radio', names)?.rest, 'praktik baik');
});

test('readAlternatives – a list with commas, a chain of joiners, a synonym phrase – every alternative, the phrase whole', () => {
  assert.deepEqual(readAlternatives('podcast, radio, atau videotron di kota', names), { alternatives: ['podcast', 'radio', 'videotron'], rest: 'di kota', endsQuery: false });
  assert.deepEqual(readAlternatives('podcast, radio atau videotron', names)?.alternatives, ['podcast', 'radio', 'videotron']);
  assert.deepEqual(readAlternatives('podcast atau radio atau videotron', names)?.alternatives, ['podcast', 'radio', 'videotron']);
  assert.deepEqual(readAlternatives('pengelolaan media sosial atau website', names), { alternatives: ['media sosial', 'website'], rest: 'pengelolaan', endsQuery: true });
});

test('readAlternatives – places, kinds of place or record, years, aspects, one side only, dan/atau, a quoted phrase, punctuation alone – nothing read', () => {
  const unread = ['podcast di padang atau solok', 'inovasi kabupaten atau kota', 'kunjungan atau pelajaran', 'podcast 2022 atau 2023', 'manfaat atau biaya podcast', 'podcast atau', 'atau radio', 'podcast dan/atau radio', '"podcast atau radio"', 'podcast atau podcast', 'podcast atau di radio', 'podcast , atau radio'];
  for (const q of unread) assert.equal(readAlternatives(q, names), null, q);
});

test('alternativeSearches – each alternative leads its search, the rest after it; each leaves out what the ones before find: word, root, synonyms', () => {
  const [first, second, third] = alternativeSearches({ alternatives: ['Pengaduan', 'medsos', 'website'], rest: 'warga desa', endsQuery: false }, ['malang']);
  assert.deepEqual(first, { q: 'Pengaduan warga desa', excluded: ['malang'] });
  assert.equal(second.q, 'medsos warga desa');
  assert.deepEqual(second.excluded, ['malang', 'pengaduan', 'adu', 'aduan']);
  assert.equal(third.q, 'website warga desa');
  for (const term of ['malang', 'pengaduan', 'adu', 'medsos', 'media sosial']) assert.ok(third.excluded.includes(term), term);
});

test('alternativeSearches – as typed, the query ending in its last alternative – the other words before each, the word typed last', () => {
  const read = { alternatives: ['podcast', 'rad'], rest: 'siaran', endsQuery: true };
  assert.deepEqual(alternativeSearches(read, [], true).map((search) => search.q), ['siaran podcast', 'siaran rad']);
  assert.deepEqual(alternativeSearches(read, [], false).map((search) => search.q), ['podcast siaran', 'rad siaran']);
  assert.deepEqual(alternativeSearches({ ...read, endsQuery: false }, [], true).map((search) => search.q), ['podcast siaran', 'rad siaran']);
});

test('withAlternativesJoined – the words kept – the alternatives kept joined by atau first, the others after; fewer than two kept, the words as they are', () => {
  assert.equal(withAlternativesJoined('podcast atau radio xqzvw humas', ['podcast', 'radio', 'humas']), 'podcast atau radio humas');
  assert.equal(withAlternativesJoined('media sosial atau website xqzvw', ['media', 'sosial', 'website']), 'media sosial atau website');
  assert.equal(withAlternativesJoined('podcast atau xqzvw humas', ['podcast', 'humas']), 'podcast humas');
  assert.equal(withAlternativesJoined('podcast xqzvw humas', ['podcast', 'humas']), 'podcast humas');
});
