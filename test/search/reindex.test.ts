import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { metaIndexUid, SEARCH_DOCUMENT_VERSION, storedDocumentVersion } from '../../src/search/document-version.js';
import { deletePractice } from '../../src/modules/practices/practice.service.js';
import { KNOWLEDGE_INDEX } from '../../src/search/knowledge-index.js';
import { reindexKnowledge } from '../../src/search/reindex.js';
import { searchKnowledge } from '../../src/search/search.service.js';
import { createTestLesson, createTestPractice } from '../helpers/practice-factories.js';
import { useSearchSuite } from './search-harness.js';

describe('reindex', () => {
  const suite = useSearchSuite();

  test('reindex – engine without any index – every live record indexed, deleted ones left out, build index removed', async () => {
    const practices = await Promise.all([1, 2, 3].map((i) => createTestPractice(suite.staff.acting, { name: `Inovasi Bangun Ulang ${i}` })));
    await createTestLesson(suite.staff.acting, { title: 'Pelajaran bangun ulang indeks' });
    await deletePractice(suite.staff.acting, practices[2].id);
    const progress: Array<[number, number]> = [];
    const result = await reindexKnowledge({ client: suite.h.client, batchSize: 2, onProgress: (done, total) => progress.push([done, total]) });
    assert.equal(result.indexed, 3);
    assert.deepEqual(progress.at(-1), [3, 3]);
    const hits = (await searchKnowledge(suite.staff.acting, { q: 'bangun ulang' })).hits.map((hit) => hit.id);
    assert.equal(hits.length, 3);
    assert.ok(hits.includes(practices[0].id) && !hits.includes(practices[2].id));
    const indexes = (await suite.h.client.getIndexes()).results.map((index) => index.uid);
    assert.deepEqual(indexes.sort(), [KNOWLEDGE_INDEX, metaIndexUid(KNOWLEDGE_INDEX)]);
    // Documents of this code's shape: no worker pushes them all again at its next start.
    assert.equal(await storedDocumentVersion(suite.h.client, KNOWLEDGE_INDEX), SEARCH_DOCUMENT_VERSION);
  });

  test('reindex – live index already filled – swapped in place, searches keep answering', async () => {
    await suite.h.syncNow();
    const before = (await searchKnowledge(suite.staff.acting, { q: 'bangun ulang' })).totalHits;
    const during = reindexKnowledge({ client: suite.h.client });
    const whileRunning = await searchKnowledge(suite.staff.acting, { q: 'bangun ulang' });
    await during;
    assert.equal(whileRunning.totalHits, before);
    assert.equal((await searchKnowledge(suite.staff.acting, { q: 'bangun ulang' })).totalHits, before);
  });
});
