import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ServiceUnavailableError } from '../../src/http/errors.js';
import { searchKnowledge } from '../../src/search/search.service.js';
import { readSyncStatus } from '../../src/search/sync-status.js';
import { createUser, type CreatedUser } from '../helpers/factories.js';
import { createTestPractice } from '../helpers/practice-factories.js';
import { updatePractice } from '../../src/modules/practices/practice.service.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { startSearchHarness, type SearchHarness } from './search-harness.js';

async function eventually(check: () => Promise<boolean>, withinMs: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await check().catch(() => false)) return Date.now() - started;
    if (Date.now() - started > withinMs) throw new Error(`not true within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('search outage', () => {
  let t: TestApp;
  let h: SearchHarness;
  let staff: CreatedUser;

  before(async () => {
    t = await startTestApp();
    h = await startSearchHarness();
    staff = await createUser({ role: 'staff' });
  });
  after(async () => {
    await h.stop();
    await t.stop();
  });

  test('outage – engine stopped, records written, engine restarted – writes succeed and land within 10 s', async () => {
    const kept = await createTestPractice(staff.acting, { name: 'Siaran Sebelum Gangguan' });
    h.worker.start();
    await eventually(async () => (await searchKnowledge(staff.acting, { q: 'sebelum gangguan' })).hits.some((hit) => hit.id === kept.id), 5_000);

    await h.stopEngine();
    const created = await createTestPractice(staff.acting, { name: 'Posko Informasi Banjir Bandang' });
    await updatePractice(staff.acting, kept.id, { name: 'Siaran Sesudah Gangguan' });
    await assert.rejects(searchKnowledge(staff.acting, { q: 'posko banjir' }), ServiceUnavailableError);
    await eventually(async () => (await readSyncStatus()).lastError !== null, 5_000);
    assert.equal((await readSyncStatus()).pending, 2);

    await h.restartEngine();
    const tookMs = await eventually(async () => {
      const [fresh, renamed] = await Promise.all([searchKnowledge(staff.acting, { q: 'posko banjir bandang' }), searchKnowledge(staff.acting, { q: 'sesudah gangguan' })]);
      return fresh.hits.some((hit) => hit.id === created.id) && renamed.hits.some((hit) => hit.id === kept.id);
    }, 10_000);
    process.stdout.write(`# pending changes searchable ${tookMs} ms after the engine restarted\n`);
    // The marks are cleared right after the engine confirmed the push.
    await eventually(async () => (await readSyncStatus()).pending === 0, 2_000);
  });
});
