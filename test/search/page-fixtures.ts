/**
 * A small knowledge base for the search page and API tests, made through the real services and
 * synced into the embedded engine: three agencies in two provinces, practices of different years,
 * a lesson, a visit, another agency's draft and a title with markup in it.
 */
import { markUnsyncedRecords } from '../../src/search/sync-worker.js';
import type { SearchHarness } from './search-harness.js';
import { createAgency, createUser, type CreatedUser } from '../helpers/factories.js';
import { createTestLesson, createTestPractice } from '../helpers/practice-factories.js';
import { createTestVisit } from '../helpers/knowledge-factories.js';

export const XSS_TITLE = '<script>alert("xss")</script> Videotron Balai Kota';
export const DRAFT_TITLE = 'Podcast Rahasia Zamrud';

export interface SearchWorld {
  /** Diskominfo Kota Solok (13.72, Sumatera Barat). */
  solok: CreatedUser;
  /** Diskominfo Kota Padang Panjang (13.74, Sumatera Barat): owns the draft. */
  padangPanjang: CreatedUser;
  /** Diskominfo Kota Bandung (32.73, Jawa Barat). */
  bandung: CreatedUser;
  titles: { podcastSolok: string; podcastBandung: string; siaran: string; lesson: string };
  /** Six practices whose name contains "Kalender" (pagination). */
  kalenderCount: number;
}

export async function seedSearchWorld(harness: SearchHarness): Promise<SearchWorld> {
  const solokAgency = await createAgency({ name: 'Dinas Komunikasi dan Informatika Kota Solok', shortName: 'Diskominfo Solok', regionCode: '13.72' });
  const ppAgency = await createAgency({ name: 'Dinas Komunikasi dan Informatika Kota Padang Panjang', shortName: 'Diskominfo Padang Panjang', regionCode: '13.74' });
  const bandungAgency = await createAgency({ name: 'Dinas Komunikasi dan Informatika Kota Bandung', shortName: 'Diskominfo Bandung', regionCode: '32.73' });
  const solok = await createUser({ agency: solokAgency.id, role: 'planner' });
  const padangPanjang = await createUser({ agency: ppAgency.id, role: 'staff' });
  const bandung = await createUser({ agency: bandungAgency.id, role: 'staff' });

  const titles = {
    podcastSolok: 'Podcast Kominfo Corner Solok',
    podcastBandung: 'Podcast Humas Bandung Juara',
    siaran: 'Padang Panjang Sepekan di PPTV',
    lesson: 'Kehumasan mengikuti program prioritas kepala daerah',
  };
  const podcastSolok = await createTestPractice(solok.acting, { name: titles.podcastSolok, startDate: '2021-03-01', topics: ['kehumasan'], stage: 'uji_coba' });
  // Adopted from Solok's: the answers carry a lineage.
  await createTestPractice(bandung.acting, { name: titles.podcastBandung, startDate: '2023-06-01', topics: ['kehumasan', 'media-sosial'], adoptedFromId: podcastSolok.id });
  await createTestPractice(padangPanjang.acting, { name: titles.siaran, startDate: '2022-05-31', topics: ['publikasi-konten'] });
  await createTestPractice(padangPanjang.acting, { name: DRAFT_TITLE, status: 'draft', startDate: '2024-01-01' });
  await createTestPractice(solok.acting, { name: XSS_TITLE, shortDescription: 'Videotron <b>tebal</b> di balai kota', startDate: '2022-07-18' });
  const kalenderCount = 6;
  for (let i = 1; i <= kalenderCount; i += 1) {
    await createTestPractice(bandung.acting, { name: `Kalender Publikasi Triwulan ${i}`, startDate: `202${i % 4}-0${i}-15` });
  }
  await createTestLesson(solok.acting, { title: titles.lesson });
  await createTestVisit(solok.acting, { hostAgencyIds: [ppAgency.id] });
  // As the worker does at start: records written without a sync mark get one, so nothing is missed.
  await markUnsyncedRecords();
  await harness.syncNow();
  return { solok, padangPanjang, bandung, titles, kalenderCount };
}
