import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { searchKnowledge } from '../../src/search/search.service.js';
import { countPending } from '../../src/search/sync-status.js';
import { createTestPractice } from '../helpers/practice-factories.js';
import { useSearchSuite } from './search-harness.js';

describe('search sync workers', () => {
  const suite = useSearchSuite();

  test('sync workers – two running at once over 25 new records – each record pushed exactly once', async () => {
    const pushes = [0, 0];
    const workers = [0, 1].map((i) => suite.h.newWorker({ batchSize: 5, onPush: (n) => (pushes[i] += n) }));
    for (let i = 0; i < 25; i += 1) await createTestPractice(suite.staff.acting, { name: `Praktik Paralel ${i} Kampung Digital` });
    for (const worker of workers) worker.start();
    const deadline = Date.now() + 15_000;
    while ((await countPending()) > 0) {
      assert.ok(Date.now() < deadline, 'still pending after 15 s');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await Promise.all(workers.map((w) => w.stop()));
    assert.equal(pushes[0] + pushes[1], 25, `pushes ${pushes.join(' + ')}`);
    assert.equal((await searchKnowledge(suite.staff.acting, { q: 'paralel kampung digital', perPage: 50 })).totalHits, 25);
  });
});
