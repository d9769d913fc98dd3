import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deniesReplication, unreplicatedFilter, withoutDeniedReplication } from '../../src/search/denied-replication.js';
import { asksUnreplicated } from '../../src/search/query-terms.js';
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

test('deniesReplication, asksUnreplicated – a denied word asks for practices nobody adopted, in English once read; the word alone or another denial does not', () => {
  assert.ok(deniesReplication(words('praktik yang belum pernah ditiru')));
  assert.ok(asksUnreplicated('practices not yet replicated'));
  assert.ok(!asksUnreplicated('videotron yang sudah diadopsi'));
  assert.ok(!asksUnreplicated('podcast belum berjalan'));
  // A quoted phrase is searched as typed, as every quoted query is.
  assert.ok(!asksUnreplicated('"videotron yang belum diadopsi"'));
});

test('unreplicatedFilter – asked – practices whose lineage does not say adopted by another; not asked – nothing', () => {
  assert.deepEqual(unreplicatedFilter(true), ['type = "practice"', 'lineage != "replicated"']);
  assert.deepEqual(unreplicatedFilter(undefined), []);
});
