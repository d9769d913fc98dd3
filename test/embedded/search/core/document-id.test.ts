import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inferPrimaryKey, validateDocumentId } from '../../../../src/embedded/search/core/index.js';
import { codeOf } from './meili-error-code.js';

describe('document ids', () => {
  for (const id of [1, 0, -3, 'abc', 'a-b_C9', 'x'.repeat(511)]) {
    test(`validateDocumentId – ${JSON.stringify(id).slice(0, 20)} – accepted as its string form`, () => {
      assert.equal(validateDocumentId(id), String(id));
    });
  }
  for (const id of ['a b', 'é', '', 'x'.repeat(512), 1.5, true, null, { a: 1 }, ['1']]) {
    test(`validateDocumentId – ${JSON.stringify(id).slice(0, 20)} – throws invalid_document_id`, () => {
      assert.equal(codeOf(() => validateDocumentId(id)), 'invalid_document_id');
    });
  }

  test('inferPrimaryKey – one attribute ending in id – picks it', () => {
    assert.equal(inferPrimaryKey({ title: 'x', practiceId: 3 }), 'practiceId');
    assert.equal(inferPrimaryKey({ ID: 3, name: 'x' }), 'ID');
  });

  test('inferPrimaryKey – no candidate – throws index_primary_key_no_candidate_found', () => {
    assert.equal(codeOf(() => inferPrimaryKey({ title: 'x' })), 'index_primary_key_no_candidate_found');
  });

  test('inferPrimaryKey – two candidates – throws index_primary_key_multiple_candidates_found', () => {
    assert.equal(codeOf(() => inferPrimaryKey({ id: 1, authorId: 2 })), 'index_primary_key_multiple_candidates_found');
  });
});
