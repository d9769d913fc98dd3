import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { searchKnowledge } from '../../src/search/search.service.js';
import { createAgency, createUser, type CreatedUser } from '../helpers/factories.js';
import { createTestLesson, createTestPractice } from '../helpers/practice-factories.js';
import { useSearchSuite } from './search-harness.js';

describe('searchKnowledge – who adopted a practice named after its place', () => {
  const suite = useSearchSuite();
  let planner: CreatedUser;

  before(async () => {
    const padangPanjang = await createUser({ role: 'staff', agency: (await createAgency({ regionCode: '13.74' })).id });
    const solok = await createUser({ role: 'staff', agency: (await createAgency({ regionCode: '13.72' })).id });
    planner = await createUser({ role: 'planner' });
    const original = await createTestPractice(padangPanjang.acting, { name: 'Padang Panjang Sepekan', shortDescription: 'Berita pemerintah kota dirangkum sepekan sekali' });
    // Its text names neither Padang Panjang nor "sepekan"; it lies in Kota Solok.
    await createTestPractice(solok.acting, { name: 'Solok Sapekan', shortDescription: 'Rangkuman berita kota tiap pekan', adoptedFromId: original.id });
    // Padang Panjang's own records holding the words: above the replica by the words rule.
    await createTestLesson(padangPanjang.acting, { title: 'Rangkuman sepekan perlu naskah tetap' });
    await createTestPractice(padangPanjang.acting, { name: 'Agenda Sepekan Balai Kota', shortDescription: 'Agenda wali kota diumumkan sepekan sebelumnya' });
    await suite.h.syncNow();
  });

  test('searchKnowledge – "siapa yang mengadopsi Padang Panjang Sepekan" – the practice, then the one adopted from it, before the place\'s other records', async () => {
    for (const q of ['siapa yang mengadopsi padang panjang sepekan', 'who adopted padang panjang sepekan']) {
      const result = await searchKnowledge(planner.acting, { q });
      assert.deepEqual(result.hits.slice(0, 2).map((hit) => hit.title), ['Padang Panjang Sepekan', 'Solok Sapekan'], `${q}: ${result.hits.map((hit) => hit.title).join(' | ')}`);
    }
    // Not asked who adopted it: the words rule's order.
    const named = await searchKnowledge(planner.acting, { q: 'padang panjang sepekan' });
    assert.notEqual(named.hits[1]?.title, 'Solok Sapekan', named.hits.map((hit) => hit.title).join(' | '));
  });
});
