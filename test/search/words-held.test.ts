import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lacksPlace, lacksTypedWord } from '../../src/search/words-held.js';

test('lacksTypedWord – a hit holding the roots but not the forms ending the query – holds every word typed', () => {
  const asked = ['publikasi', 'konten', 'mempublikasikan'];
  assert.equal(lacksTypedWord({ matchingWords: 2, maxMatchingWords: 3 }, asked, null, true), false);
  assert.equal(lacksTypedWord({ matchingWords: 1, maxMatchingWords: 3 }, asked, null, true), true);
  // Without stemming the forms are words typed.
  assert.equal(lacksTypedWord({ matchingWords: 2, maxMatchingWords: 3 }, asked, null, false), true);
});

test('lacksTypedWord – a form before another root, counts that disagree, place keys – only the trailing forms within what is needed are spared', () => {
  // A form followed by a root still counts: the hit holding two words may lack the kind word.
  assert.equal(lacksTypedWord({ matchingWords: 2, maxMatchingWords: 3 }, ['publikasi', 'mempublikasikan', 'praktik'], null, true), true);
  // The engine counted other words than the app: nothing is spared.
  assert.equal(lacksTypedWord({ matchingWords: 2, maxMatchingWords: 4 }, ['publikasi', 'konten', 'mempublikasikan'], null, true), true);
  // With place keys only the words before them are needed, their trailing forms spared.
  assert.equal(lacksTypedWord({ matchingWords: 1, maxMatchingWords: 4 }, ['layan', 'pelayanan', 'wil13', 'manfaat'], 2, true), false);
  assert.equal(lacksTypedWord({ matchingWords: 0, maxMatchingWords: 4 }, ['layan', 'pelayanan', 'wil13', 'manfaat'], 2, true), true);
});

test('lacksPlace – a hit holding the words before the first place key and no more – lacks the place; past it, short of it (a form lacked) or without keys, not', () => {
  // ppid wil33 wilke33 jawa tengah: the key is the second word.
  assert.equal(lacksPlace({ matchingWords: 1, maxMatchingWords: 5 }, 1), true);
  assert.equal(lacksPlace({ matchingWords: 2, maxMatchingWords: 5 }, 1), false);
  // Fewer than the words before the key (a form typed beside its root lacked): the key unknown.
  assert.equal(lacksPlace({ matchingWords: 1, maxMatchingWords: 5 }, 2), false);
  assert.equal(lacksPlace({ matchingWords: 1, maxMatchingWords: 1 }, null), false);
});
