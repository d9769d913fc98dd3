import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { diffFields } from '../../../src/modules/history/field-diff.js';
import { displayValue } from '../../../src/modules/history/revision-values.js';

describe('revision field diff', () => {
  test('diffFields – changed text, list and sub-documents – one entry each with old and new values', () => {
    const before = { place: 'Kantor lama', topics: ['ppid'], delegation: [{ name: 'A', position: 'Kabid' }], status: 'draft', updatedAt: new Date(1) };
    const after = { place: 'Kantor baru', topics: ['ppid', 'kim'], delegation: [{ name: 'A', position: 'Kepala Bidang' }], status: 'draft', updatedAt: new Date(2) };
    assert.deepEqual(diffFields(before, after), [
      { field: 'place', before: 'Kantor lama', after: 'Kantor baru' },
      { field: 'topics', before: ['ppid'], after: ['ppid', 'kim'] },
      { field: 'delegation', before: [{ name: 'A', position: 'Kabid' }], after: [{ name: 'A', position: 'Kepala Bidang' }] },
    ]);
  });

  test('diffFields – created record – filled fields from null; empty fields and bookkeeping fields left out', () => {
    const changes = diffFields(null, { status: 'published', agenda: '', tags: [], createdBy: 'x', _id: 'y' });
    assert.deepEqual(changes, [{ field: 'status', before: null, after: 'published' }]);
    assert.deepEqual(diffFields({ agenda: '' }, { agenda: undefined }), []);
  });

  test('displayValue – lists and sub-documents – readable one-line text', () => {
    assert.equal(displayValue([{ name: 'Budiono, S.ST', position: 'Pranata Humas' }, { name: 'Arfisy', position: '' }]), 'Budiono, S.ST — Pranata Humas; Arfisy');
    assert.equal(displayValue(null), '');
  });
});
