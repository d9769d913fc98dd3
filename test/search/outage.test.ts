import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ServiceUnavailableError } from '../../src/http/errors.js';
import { searchKnowledge } from '../../src/search/search.service.js';
import { readSyncStatus } from '../../src/search/sync-status.js';
import { createTestPractice } from '../helpers/practice-factories.js';
import { updatePractice } from '../../src/modules/practices/practice.service.js';
import { useSearchSuite } from './search-harness.js';

async function eventually(check: () => Promise<boolean>, withinMs: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await check().catch(() => false)) return Date.now() - started;
    if (Date.now() - started > withinMs) throw new Error(`not true within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('search outage', () => {
  const suite = useSearchSuite();

  test('outage – engine stopped, records written, engine restarted – writes succeed and land within 10 s', async () => {
    const kept = await createTestPractice(suite.staff.acting, { name: 'Siaran Sebelum Gangguan' });
    suite.h.worker.start();
    await eventually(async () => (await searchKnowledge(suite.staff.acting, { q: 'sebelum gangguan' })).hits.some((hit) => hit.id === kept.id), 5_000);

    await suite.h.stopEngine();
    const created = await createTestPractice(suite.staff.acting, { name: 'Posko Informasi Banjir Bandang' });
    await updatePractice(suite.staff.acting, kept.id, { name: 'Siaran Sesudah Gangguan' });
    await assert.rejects(searchKnowledge(suite.staff.acting, { q: 'posko banjir' }), (err: unknown) => err instanceof ServiceUnavailableError && err.cause instanceof Error, 'unavailable, with the engine error attached for the log');
    await eventually(async () => (await readSyncStatus()).lastError !== null, 5_000);
    // The admin page says why, not only that a request failed.
    assert.match((await readSyncStatus()).lastError ?? '', /has failed: .*ECONNREFUSED/);
    assert.equal((await readSyncStatus()).pending, 2);

    await suite.h.restartEngine();
    const tookMs = await eventually(async () => {
      const [fresh, renamed] = await Promise.all([searchKnowledge(suite.staff.acting, { q: 'posko banjir bandang' }), searchKnowledge(suite.staff.acting, { q: 'sesudah gangguan' })]);
      return fresh.hits.some((hit) => hit.id === created.id) && renamed.hits.some((hit) => hit.id === kept.id);
    }, 10_000);
    process.stdout.write(`# pending changes searchable ${tookMs} ms after the engine restarted\n`);
    // The marks are cleared right after the engine confirmed the push.
    await eventually(async () => (await readSyncStatus()).pending === 0, 2_000);
  });
});
