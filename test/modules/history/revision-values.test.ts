import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { presentRevision } from '../../../src/modules/history/revision.presenter.js';
import { asDay, byLabel, byName, lifecycleReaders, valuesIn, type HistoryWords } from '../../../src/modules/history/revision-values.js';
import type { RevisionRecord } from '../../../src/modules/history/revision.service.js';

/** Two translations (a key without one reads its default, as i18next does) and date formats that show what they were asked for. */
const TRANSLATED: Record<string, string> = { 'practices:stages.uji_coba': 'Uji coba', 'practices:statuses.published': 'Terbit' };
const words: HistoryWords = {
  lang: 'id',
  t: (key, options) => TRANSLATED[key] ?? options?.defaultValue ?? key,
  formatDate: (value) => `day ${value}`,
  formatDateTime: (value) => `moment ${value}`,
};

const revision = (changes: RevisionRecord['changes']): RevisionRecord => ({ id: 'r', entityType: 'practice', entityId: 'p', action: 'update', actorId: null, actorName: '', at: new Date(0), changes });

describe('revision values read for the history', () => {
  test('byName – ids and lists of ids – their names; an id the names lack – the text for a record not seen, or as stored', () => {
    const names = new Map([['a1', 'Diskominfo Kota Solok'], ['t1', 'Kehumasan']]);
    assert.equal(byName(names)('a1'), 'Diskominfo Kota Solok');
    assert.equal(byName(names)(['t1', 'a1']), 'Kehumasan; Diskominfo Kota Solok');
    assert.equal(byName(names, 'catatan lain')('zz'), 'catatan lain');
    assert.equal(byName(names)('zz'), 'zz');
  });

  test('byLabel, asDay, lifecycleReaders – codes by label, days and moments in the page\'s format; other shapes left to the plain reading', () => {
    assert.equal(byLabel(words, 'practices:stages')('uji_coba'), 'Uji coba');
    assert.equal(byLabel(words, 'practices:stages')(true), undefined);
    assert.equal(asDay(words)('2021-03-01'), 'day 2021-03-01');
    const lifecycle = lifecycleReaders(words, 'practices:statuses');
    assert.equal(lifecycle.deletedAt?.('2024-01-02T03:04:05.000Z'), 'moment 2024-01-02T03:04:05.000Z');
    assert.equal(lifecycle.status?.('published'), 'Terbit');
    // A code without a translation reads as stored.
    assert.equal(lifecycle.status?.('archived'), 'archived');
  });

  test('presentRevision – each value through its field\'s reader, the others plain, empty as ""', () => {
    const view = presentRevision(revision([
      { field: 'stage', before: 'penerapan', after: 'uji_coba' },
      { field: 'tags', before: null, after: ['videotron', 'perwako'] },
    ]), { stage: byLabel(words, 'practices:stages') });
    assert.deepEqual(view.changes, [
      { field: 'stage', before: 'penerapan', after: 'Uji coba' },
      { field: 'tags', before: '', after: 'videotron; perwako' },
    ]);
  });

  test('valuesIn – the strings of the fields asked, before and after, lists flattened, once each', () => {
    const revisions = [revision([{ field: 'ownerAgencyId', before: 'a1', after: 'a2' }, { field: 'name', before: 'x', after: 'y' }]), revision([{ field: 'practiceIds', before: null, after: ['p1', 'a2'] }])];
    assert.deepEqual(valuesIn(revisions, ['ownerAgencyId', 'practiceIds']), ['a1', 'a2', 'p1']);
  });
});
