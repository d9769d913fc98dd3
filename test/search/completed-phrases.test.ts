import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { completedSynonymPhrase } from '../../src/search/completed-phrases.js';
import { expandQuery } from '../../src/search/query-terms.js';

describe('synonym phrases read while typed', () => {
  test('completedSynonymPhrase – the typed words end in the start of a phrase, its last word begun – the phrase whole, the words before it kept', () => {
    assert.deepEqual(completedSynonymPhrase(['podcast', 'hubungan', 'masya']), ['podcast', 'hubungan', 'masyarakat']);
    assert.deepEqual(completedSynonymPhrase(['hubungan', 'masyarakat']), ['hubungan', 'masyarakat']);
    // Three words of a longer phrase are enough to tell it.
    assert.deepEqual(completedSynonymPhrase(['pejabat', 'pengelola', 'inform']), ['pejabat', 'pengelola', 'informasi', 'dan', 'dokumentasi']);
  });

  test('completedSynonymPhrase – two words of a longer phrase, a last word of two letters, phrases of two groups, a phrase whose synonyms share its roots, or no phrase – null', () => {
    assert.equal(completedSynonymPhrase(['pejabat', 'pengelola']), null);
    assert.equal(completedSynonymPhrase(['hubungan', 'ma']), null);
    // Diskominfo (dinas komunikasi informatika) or Diskominfotik (… dan statistik).
    assert.equal(completedSynonymPhrase(['dinas', 'komunikasi', 'inf']), null);
    assert.equal(completedSynonymPhrase(['podcast', 'huma']), null);
    // Its synonyms share its roots (layanan publik), which find them; publ… may be publikasi.
    assert.equal(completedSynonymPhrase(['pelayanan', 'publ']), null);
  });

  test('expandQuery – typing the start of a synonym phrase – the phrase as the submitted search reads it (whole, or its one-word member)', () => {
    assert.equal(expandQuery('hubungan masya', true), 'hubungan masyarakat');
    assert.equal(expandQuery('pejabat pengelola inform', true), 'ppid');
    // Another word being typed: its start last, the words before it by their roots.
    assert.equal(expandQuery('hubungan pemerin', true), 'hubung pemerin');
  });
});
