/**
 * Search quality on a labelled query set (eval-set.ts: fixtures/labelled-queries.json over
 * fixtures/eval-documents.json): recall@10 with and without affix-aware matching (stemming).
 * Prints both figures; run alone with `node --import tsx --test test/search/eval-recall.test.ts`.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ActingUser } from '../../src/auth/acting-user.js';
import { applyKnowledgeSettings, KNOWLEDGE_INDEX, PRIMARY_KEY, waitForTask } from '../../src/search/knowledge-index.js';
import { searchKnowledge } from '../../src/search/search.service.js';
import { evalSearchDocuments, LABELLED_QUERIES as queries } from './eval-set.js';
import { startSearchHarness, type SearchHarness } from './search-harness.js';

const ADMIN: ActingUser = { id: '000000000000000000000001', agencyId: '000000000000000000000002', role: 'admin', name: 'Admin', email: 'admin@uji.example' };

async function recallAt10(stemming: boolean): Promise<{ recall: number; misses: string[] }> {
  let sum = 0;
  const misses: string[] = [];
  for (const { q, expected } of queries) {
    const top = new Set((await searchKnowledge(ADMIN, { q, perPage: 10, stemming })).hits.map((h) => h.id));
    const found = expected.filter((key) => top.has(key));
    sum += found.length / expected.length;
    if (found.length < expected.length) misses.push(`${q}: missing ${expected.filter((k) => !top.has(k)).join(',')}`);
  }
  return { recall: sum / queries.length, misses };
}

describe('search quality', () => {
  let h: SearchHarness;
  before(async () => {
    h = await startSearchHarness();
    await applyKnowledgeSettings(h.client);
    const task = await h.client.index(KNOWLEDGE_INDEX).addDocuments(await evalSearchDocuments(), { primaryKey: PRIMARY_KEY });
    await waitForTask(h.client, task.taskUid);
  });
  after(async () => {
    await h.stop();
  });

  test('search quality – labelled set of ≥ 30 queries – recall@10 with stemming ≥ without', async () => {
    assert.ok(queries.length >= 30);
    const plain = await recallAt10(false);
    const stemmed = await recallAt10(true);
    process.stdout.write(`# recall@10 over ${queries.length} queries: without stemming ${plain.recall.toFixed(3)}, with stemming ${stemmed.recall.toFixed(3)}\n`);
    process.stdout.write(`# misses with stemming: ${stemmed.misses.join(' | ') || 'none'}\n`);
    process.stdout.write(`# misses without stemming: ${plain.misses.join(' | ') || 'none'}\n`);
    assert.ok(stemmed.recall >= plain.recall, `with ${stemmed.recall} < without ${plain.recall}`);
    assert.ok(stemmed.recall >= 0.8, `recall@10 with stemming ${stemmed.recall}`);
  });
});
