import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { contactPersonOf, namesContact } from '../../src/search/contact-person.js';
import { searchKnowledge } from '../../src/search/search.service.js';
import { createTestLesson, createTestPractice } from '../helpers/practice-factories.js';
import { signIn } from '../helpers/auth.js';
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

test('contactPersonOf – a name, with or without a position – the person, trimmed; an email alone, nothing – null', () => {
  assert.deepEqual(contactPersonOf({ name: ' Rina Marlina ', position: 'Pranata Humas', email: 'rina@uji.example' }), { name: 'Rina Marlina', position: 'Pranata Humas' });
  assert.deepEqual(contactPersonOf({ name: 'Rina Marlina' }), { name: 'Rina Marlina', position: '' });
  assert.equal(contactPersonOf({ name: '', email: 'humas@uji.example' }), null);
  assert.equal(contactPersonOf(null), null);
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

  test('searchKnowledge – narahubung podcast, kontak person podcast, nomor hp podcast, alamat email podcast – the podcast practice naming its contact first, though its text never says the word; nothing named missing', async () => {
    const asked = ['narahubung podcast', 'kontak person podcast', 'contact person podcast', 'siapa narahubung podcast', 'siapa yang bisa dihubungi untuk podcast', 'who to contact about the podcast', 'siapa penanggung jawab podcast', 'who is responsible for the podcast', 'person in charge of the podcast', 'nomor hp podcast', 'no. telp podcast', 'alamat email podcast', 'email pengelola podcast', 'phone number of the podcast', 'email address for the podcast'];
    for (const q of asked) {
      const result = await searchKnowledge(suite.staff.acting, { q });
      assert.equal(result.hits[0]?.title, 'Podcast Balai Kota', `${q}: ${result.hits.map((hit) => hit.title).join(' | ')}`);
      assert.equal(result.hits.length, 3, q);
      assert.equal(result.missingWords, undefined, q);
    }
  });

  test('searchKnowledge – kontak alone – the practices naming a contact only', async () => {
    assert.deepEqual((await searchKnowledge(suite.staff.acting, { q: 'kontak' })).hits.map((hit) => hit.title), ['Podcast Balai Kota']);
  });

  test('search page and API – the contact person on the practice naming one: on the page when asked for only, in the API always', async () => {
    const agent = suite.t.agent();
    await signIn(agent, suite.staff.user.email, suite.staff.password);
    const asked = await agent.get('/cari').query({ q: 'narahubung podcast' });
    assert.equal(asked.status, 200);
    assert.equal(asked.text.match(/<dt>Narahubung<\/dt>/g)?.length, 1, asked.text.slice(asked.text.indexOf("search-hits"), asked.text.indexOf("search-hits") + 1500));
    assert.match(asked.text, /<dt>Narahubung<\/dt><dd>Rina Marlina \(Pranata Humas\)<\/dd>/);
    const plain = await agent.get('/cari').query({ q: 'podcast' });
    assert.doesNotMatch(plain.text, /Narahubung|Rina Marlina/);
    const api = await agent.get('/api/v1/search').query({ q: 'podcast' });
    const byTitle = new Map(api.body.data.map((hit: { title: string; contactPerson?: unknown }) => [hit.title, hit.contactPerson]));
    assert.deepEqual(byTitle.get('Podcast Balai Kota'), { name: 'Rina Marlina', position: 'Pranata Humas' });
    assert.equal(byTitle.get('Podcast Warga Nagari'), undefined);
    assert.ok(byTitle.has('Podcast Warga Nagari'));
  });
});
