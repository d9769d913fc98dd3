import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { listPractices } from '../../../src/modules/practices/practice.queries.js';
import { createTestPractice } from '../../helpers/practice-factories.js';
import { api, startKnowledgeWorld, type KnowledgeTestWorld } from './knowledge-test-kit.js';

describe('practices list – most replicated first', () => {
  let w: KnowledgeTestWorld;
  const q = 'Urut Replikasi';

  before(async () => {
    w = await startKnowledgeWorld();
    const home = w.home.staff.user.acting;
    const other = w.other.user.acting;
    // Created oldest first: the newest come first among equals.
    const once = await createTestPractice(home, { name: `${q} Sekali` });
    const twice = await createTestPractice(home, { name: `${q} Dua Kali` });
    await createTestPractice(home, { name: `${q} Tanpa Tiruan` });
    await createTestPractice(other, { name: `${q} Tiruan A`, adoptedFromId: twice.id });
    await createTestPractice(other, { name: `${q} Tiruan B`, adoptedFromId: twice.id });
    await createTestPractice(other, { name: `${q} Tiruan C`, adoptedFromId: once.id });
    // A draft replica shows nobody that the practice spread: "Sekali" stays at one.
    await createTestPractice(other, { name: `${q} Tiruan Draf`, adoptedFromId: once.id, status: 'draft' });
  });
  after(async () => {
    await w.t.stop();
  });

  const names = async (page: number, perPage: number): Promise<string[]> =>
    (await listPractices(w.other.user.acting, { q, sort: 'replicated', page: String(page), perPage: String(perPage) })).items.map((p) => p.name.slice(q.length + 1));

  test('listPractices – sort "replicated" – by published replicas, then the others newest first; pages cut across both', async () => {
    const all = ['Dua Kali', 'Sekali', 'Tiruan Draf', 'Tiruan C', 'Tiruan B', 'Tiruan A', 'Tanpa Tiruan'];
    assert.deepEqual(await names(1, 20), all);
    assert.deepEqual([...(await names(1, 3)), ...(await names(2, 3)), ...(await names(3, 3))], all);
    const page = await listPractices(w.other.user.acting, { q, sort: 'replicated', page: '3', perPage: '3' });
    assert.equal(page.total, 7);
    assert.equal(page.totalPages, 3);
  });

  test('GET /praktik?sort=replicated – the sort offered and chosen; each replicated practice tagged with its count', async () => {
    const res = await w.other.agent.get('/praktik').query({ q, sort: 'replicated' });
    assert.equal(res.status, 200);
    assert.match(res.text, /<option value="replicated" selected>Terbanyak direplikasi<\/option>/);
    assert.match(res.text, /Urut Replikasi Dua Kali<\/strong><\/a>\s*<span class="tag tag--neutral">Direplikasi 2 kali<\/span>/);
    assert.match(res.text, /Urut Replikasi Sekali<\/strong><\/a>\s*<span class="tag tag--neutral">Direplikasi 1 kali<\/span>/);
    assert.match(res.text, /Urut Replikasi Tanpa Tiruan<\/strong><\/a>\s*<br>/);
  });

  test('GET /api/v1/practices – sort "replicated" in the same order, each with its count; an unknown sort 422', async () => {
    const res = await api(w.other, 'get', `/practices?q=${encodeURIComponent(q)}&sort=replicated&perPage=2`);
    assert.equal(res.status, 200);
    assert.deepEqual(
      res.body.data.map((p: { name: string; replications: number }) => [p.name, p.replications]),
      [
        [`${q} Dua Kali`, 2],
        [`${q} Sekali`, 1],
      ],
    );
    // The count stands beside any sort: a practice nobody adopted has 0.
    const newest = await api(w.other, 'get', `/practices?q=${encodeURIComponent(`${q} Tanpa`)}`);
    assert.deepEqual(
      newest.body.data.map((p: { replications: number }) => p.replications),
      [0],
    );
    assert.equal((await api(w.other, 'get', '/practices?sort=terbanyak')).status, 422);
  });
});
