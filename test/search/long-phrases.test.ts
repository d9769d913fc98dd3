import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { withLongPhrasesShort } from '../../src/search/long-phrases.js';

describe('long synonym phrases', () => {
  test('withLongPhrasesShort – a synonym phrase of more than three words typed whole (stop words aside) – its one-word member, the other words kept', () => {
    assert.deepEqual(withLongPhrasesShort(['pejabat', 'pengelola', 'informasi', 'dokumentasi', 'padang']), ['ppid', 'padang']);
    assert.deepEqual(withLongPhrasesShort(['inovasi', 'usaha', 'mikro', 'kecil', 'menengah']), ['inovasi', 'umkm']);
  });

  test('withLongPhrasesShort – a synonym phrase repeating a word (undang-undang), which the engine query would hold once – its one-word member', () => {
    assert.deepEqual(withLongPhrasesShort(['undang', 'undang', 'keterbukaan', 'informasi']), ['uu', 'keterbukaan', 'informasi']);
  });

  test('withLongPhrasesShort – a phrase of three words (the engine reads its synonyms), or a long one typed in part – as typed', () => {
    assert.deepEqual(withLongPhrasesShort(['musyawarah', 'perencanaan', 'pembangunan']), ['musyawarah', 'perencanaan', 'pembangunan']);
    assert.deepEqual(withLongPhrasesShort(['pejabat', 'pengelola', 'informasi']), ['pejabat', 'pengelola', 'informasi']);
  });
});
