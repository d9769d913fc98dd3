import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { rootOfAffixedReading, synonymTyposIn, withTyposRead } from '../../src/search/synonym-typos.js';

describe('synonym words mistyped', () => {
  test('synonymTyposIn – a typo of a word with synonyms (medsoss, pemkott, dinkominfo, ppidd) – that word', () => {
    assert.deepEqual([...synonymTyposIn('Medsoss pemkott Padang')], [['medsoss', 'medsos'], ['pemkott', 'pemkot']]);
    assert.deepEqual([...synonymTyposIn('dinkominfo ppidd')], [['dinkominfo', 'diskominfo'], ['ppidd', 'ppid']]);
  });

  test('synonymTyposIn – words of the language, of the language data, of place names, English, short or numbered words – none', () => {
    for (const q of ['pelayanan publik', 'medsos humas', 'padang panjang', 'complaint handling', 'kmi', 'ppid2']) assert.deepEqual([...synonymTyposIn(q)], [], q);
  });

  test('synonymTyposIn – a typo of a word that has synonyms only as part of a phrase (pengelola of "pejabat pengelola informasi") – none', () => {
    assert.deepEqual([...synonymTyposIn('pejabat pngelola')], []);
  });

  test('synonymTyposIn – a synonym phrase typed whole but for a typo in one word (daftar informasi publk, dinas komunikasi dan informatik) – that word of the phrase', () => {
    assert.deepEqual([...synonymTyposIn('daftar informasi publk')], [['publk', 'publik']]);
    assert.deepEqual([...synonymTyposIn('dinas komunikasi dan informatik padang')], [['informatik', 'informatika']]);
    assert.deepEqual([...synonymTyposIn('informasi publk')], []);
  });

  test('synonymTyposIn – a typo reading as an affixed word of another root (pengadun: adun, keterbukan: buk) – that word, its root given for the caller to count; none for a root or a word the engine reads whole', () => {
    assert.deepEqual([...synonymTyposIn('aplikasi pengadun')], [['pengadun', 'pengaduan']]);
    // An affixed form of the word it is near is that word, found by its root.
    assert.deepEqual([...synonymTyposIn('videotron direplikasi')], []);
    assert.deepEqual([rootOfAffixedReading('pengadun'), rootOfAffixedReading('keterbukan')], ['adun', 'buk']);
    for (const word of ['medsoss', 'adun', 'pengaduan', 'layanan', 'kmi']) assert.equal(rootOfAffixedReading(word), undefined, word);
  });

  test('synonymTyposIn – a query with a quoted phrase – none: the phrase is the user\'s to word', () => {
    assert.deepEqual([...synonymTyposIn('"medsoss" padang')], []);
  });

  test('withTyposRead – the words read replaced, everything else as typed', () => {
    assert.equal(withTyposRead('Medsoss, Kota Padang -bukittinggi', new Map([['medsoss', 'medsos']])), 'medsos, Kota Padang -bukittinggi');
  });
});
