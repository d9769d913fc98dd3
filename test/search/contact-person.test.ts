import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { namesContact } from '../../src/search/contact-person.js';
import { searchKnowledge } from '../../src/search/search.service.js';
import { createTestLesson, createTestPractice } from '../helpers/practice-factories.js';
import { useSearchSuite } from './search-harness.js';

test('namesContact – a name, an email or a phone – true; a position alone, blanks, nothing – false', () => {
  assert.equal(namesContact({ name: 'Budi Santoso', position: '', email: '', phone: '' }), true);
  assert.equal(namesContact({ email: 'humas@uji.example' }), true);
  assert.equal(namesContact({ phone: '0812 3456 7890' }), true);
  assert.equal(namesContact({ name: '  ', position: 'Kepala Bidang IKP', email: '', phone: '' }), false);
  assert.equal(namesContact({}), false);
  assert.equal(namesContact(null), false);
  assert.equal(namesContact(undefined), false);
});

describe('searchKnowledge – whom to contact asked for', () => {
  const suite = useSearchSuite();
  const noContact = { name: '', position: '', email: '', phone: '' };

  before(async () => {
    // In insertion order, the engine's last tie-break: the podcast naming no contact comes first.
    await createTestPractice(suite.staff.acting, { name: 'Podcast Warga Nagari', shortDescription: 'Obrolan warga setiap pekan', contact: noContact });
    await createTestLesson(suite.staff.acting, { title: 'Podcast perlu jadwal tetap', lesson: 'Jadwal tetap membuat pendengar setia.' });
    await createTestPractice(suite.staff.acting, { name: 'Podcast Balai Kota', shortDescription: 'Obrolan wali kota setiap pekan', contact: { ...noContact, name: 'Rina Marlina', position: 'Pranata Humas' } });
    await suite.h.syncNow();
  });

  test('searchKnowledge – narahubung podcast, kontak person podcast – the podcast practice naming its contact first, though its text never says the word; nothing named missing', async () => {
    for (const q of ['narahubung podcast', 'kontak person podcast', 'contact person podcast', 'siapa narahubung podcast']) {
      const result = await searchKnowledge(suite.staff.acting, { q });
      assert.equal(result.hits[0]?.title, 'Podcast Balai Kota', `${q}: ${result.hits.map((hit) => hit.title).join(' | ')}`);
      assert.equal(result.hits.length, 3, q);
      assert.equal(result.missingWords, undefined, q);
    }
  });

  test('searchKnowledge – kontak alone – the practices naming a contact only', async () => {
    assert.deepEqual((await searchKnowledge(suite.staff.acting, { q: 'kontak' })).hits.map((hit) => hit.title), ['Podcast Balai Kota']);
  });
});
