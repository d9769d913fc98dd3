import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Tokenizer, normalizeText } from '../../../../src/embedded/search/core/tokenizer.js';

describe('tokenizer', () => {
  const plain = new Tokenizer();
  // A dictionary entry that never occurs forces the general (regular expression) path.
  const general = new Tokenizer({ separatorTokens: [], nonSeparatorTokens: [], dictionary: ['qqqzzz'] });
  const texts = [
    'Pelayanan Publik di Dinas Kominfo. Podcast PPID!',
    'Café résumé naïve São Paulo — ÉLAN',
    'e-gov, smart_city; 2024: 3.5 juta\nbaris baru',
    'emoji 😀 di tengah 𝐁𝐨𝐥𝐝 teks 日本語',
    '   ',
    '',
  ];
  for (const text of texts) {
    test(`tokens – ${JSON.stringify(text).slice(0, 30)} – fast scanner and general pattern agree`, () => {
      assert.deepEqual(plain.tokens(text), general.tokens(text));
    });
  }

  test('tokens – hard separator – positions jump by 8, soft by 1', () => {
    assert.deepEqual(
      plain.tokens('Satu dua. Tiga').map((t) => [t.term, t.position, t.start, t.end]),
      [
        ['satu', 0, 0, 4],
        ['dua', 1, 5, 8],
        ['tiga', 9, 10, 14],
      ],
    );
  });

  test('normalizeText – case and diacritics – folded', () => {
    assert.equal(normalizeText('ÉLAN Naïve'), 'elan naive');
  });
});
