import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exclusionsFirst, readExclusions } from '../../src/search/query-operators.js';

test('readExclusions – a dash before a word or a quoted phrase, at the start or after a space – read off, the rest as typed', () => {
  assert.deepEqual(readExclusions('podcast -malang'), { q: 'podcast', excluded: ['malang'] });
  assert.deepEqual(readExclusions('aduan -"Media Sosial" warga'), { q: 'aduan warga', excluded: ['media sosial'] });
  assert.deepEqual(readExclusions('-podcast -radio -podcast'), { q: '', excluded: ['podcast', 'radio'] });
});

test('readExclusions – NOT before a word, AND and OR, in capitals – NOT excludes, AND is left out, OR read as atau; in small letters, words', () => {
  assert.deepEqual(readExclusions('podcast NOT malang'), { q: 'podcast', excluded: ['malang'] });
  assert.deepEqual(readExclusions('ppid OR kim AND humas'), { q: 'ppid atau kim humas', excluded: [] });
  for (const q of ['not yet replicated', 'ppid or kim', 'NOTA dinas', 'ORGANISASI']) assert.equal(readExclusions(q), null, q);
});

test('readExclusions – a dash inside a word, alone, or before nothing to read – no exclusion', () => {
  for (const q of ['e-office', 'pelatihan se-sumbar', '2020-2023', 'podcast - radio', 'podcast -', 'podcast -"" radio']) assert.equal(readExclusions(q), null, q);
});

test('exclusionsFirst – words and phrases – each with its dash, a phrase quoted, a space after each; nothing without any', () => {
  assert.equal(exclusionsFirst(['malang', 'media sosial']), '-malang -"media sosial" ');
  assert.equal(exclusionsFirst(undefined), '');
});
