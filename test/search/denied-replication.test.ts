import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withoutDeniedReplication } from '../../src/search/denied-replication.js';
import { words } from '../../src/search/stemmer.js';

const read = (q: string): string => withoutDeniedReplication(words(q)).join(' ');

test('withoutDeniedReplication – a denial right before the word, or with pernah/sempat between – both left out', () => {
  assert.equal(read('praktik yang belum diadopsi'), 'praktik yang');
  assert.equal(read('videotron yang belum pernah ditiru daerah lain'), 'videotron yang daerah lain');
  assert.equal(read('inovasi tidak direplikasi'), 'inovasi');
});

test('withoutDeniedReplication – the word not denied, a denial of something else, a denial ending the query – left as typed', () => {
  assert.equal(read('videotron yang sudah diadopsi'), 'videotron yang sudah diadopsi');
  assert.equal(read('podcast belum berjalan'), 'podcast belum berjalan');
  assert.equal(read('diadopsi atau belum'), 'diadopsi atau belum');
  assert.equal(read('belum pernah'), 'belum pernah');
});
