import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { searchKnowledge } from '../../src/search/search.service.js';
import { createUser } from '../helpers/factories.js';
import { createHostAgency } from '../helpers/knowledge-factories.js';
import { createTestPractice } from '../helpers/practice-factories.js';
import { useSearchSuite } from './search-harness.js';

describe('searchKnowledge – a word mistyped after the first ones, and a word of the domain no typo', () => {
  const suite = useSearchSuite();

  before(async () => {
    // No record holds "layanan pengaduan" and "masyarakat" together.
    await createTestPractice(suite.staff.acting, { name: 'Layanan Pengaduan Pasar', shortDescription: 'Pedagang menyampaikan keluhan lewat loket' });
    await createTestPractice(suite.staff.acting, { name: 'Forum Warga Peduli', shortDescription: 'Pertemuan masyarakat tiap bulan di balai' });
    // Of a Dinas Komunikasi dan Informatika: "informatif" is one typo from its name's last word.
    const host = await createUser({ role: 'staff', agency: (await createHostAgency('Sleman')).id });
    await createTestPractice(host.acting, { name: 'PPID Berpredikat Informatif', shortDescription: 'Penilaian mandiri sebelum monitoring Komisi Informasi' });
    await createTestPractice(host.acting, { name: 'Podcast Dinas', shortDescription: 'Obrolan kepala dinas setiap pekan' });
    await createTestPractice(host.acting, { name: 'Satu Peta Desa', shortDescription: 'Lapisan peta dari setiap perangkat daerah' });
    await suite.h.syncNow();
  });

  test('searchKnowledge – "layanan pengaduan masyrakat" – the hits of the first words, and the spelling the typo was read as suggested', async () => {
    const result = await searchKnowledge(suite.staff.acting, { q: 'layanan pengaduan masyrakat' });
    assert.equal(result.hits[0]?.title, 'Layanan Pengaduan Pasar');
    assert.equal(result.partial, true);
    assert.equal(result.suggestion, 'layanan pengaduan masyarakat');
  });

  test('searchKnowledge – every word spelled right, no record holding them together – nothing suggested', async () => {
    const result = await searchKnowledge(suite.staff.acting, { q: 'layanan pengaduan masyarakat' });
    assert.equal(result.partial, true);
    assert.equal(result.suggestion, undefined);
  });

  test('searchKnowledge – "informatif" (a predicate of the Komisi Informasi) – only the record saying it, not every record of a Dinas Komunikasi dan Informatika', async () => {
    const result = await searchKnowledge(suite.staff.acting, { q: 'informatif' });
    assert.deepEqual(result.hits.map((hit) => hit.title), ['PPID Berpredikat Informatif']);
  });

  test('searchKnowledge – "penta helix", which no record holds – no hit, not the record on a peta (one typo from penta)', async () => {
    const result = await searchKnowledge(suite.staff.acting, { q: 'penta helix' });
    assert.deepEqual(result.hits.map((hit) => hit.title), []);
  });
});
