import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { deletePractice } from '../../src/modules/practices/practice.service.js';
import { searchKnowledge } from '../../src/search/search.service.js';
import { createAgency, createUser, type CreatedUser } from '../helpers/factories.js';
import { createTestVisit } from '../helpers/knowledge-factories.js';
import { createTestLesson, createTestPractice } from '../helpers/practice-factories.js';
import { useSearchSuite } from './search-harness.js';

describe('searchKnowledge', () => {
  const suite = useSearchSuite();
  let owner: CreatedUser;
  let other: CreatedUser;
  let admin: CreatedUser;
  let draftId: string;
  let undatedId: string;

  before(async () => {
    owner = suite.staff;
    const otherAgency = await createAgency({ regionCode: '33.74' });
    other = await createUser({ role: 'planner', agency: otherAgency.id });
    admin = await createUser({ role: 'admin' });
    draftId = (await createTestPractice(owner.acting, { name: 'Rahasia Dapur Redaksi', shortDescription: 'Draf praktik redaksi internal', topics: ['keamanan-informasi'], status: 'draft' })).id;
    await createTestPractice(owner.acting, { name: 'Redaksi Terbuka Warga', shortDescription: 'Redaksi berita warga bersama KIM', topics: ['publikasi-konten'] });
    await createTestPractice(other.acting, { name: 'Pengelolaan Medsos Terpadu', shortDescription: 'Semua akun media sosial OPD dikelola bersama', topics: ['media-sosial'] });
    await createTestPractice(other.acting, { name: 'Kalender Konten Pemerintah Kota', shortDescription: 'Jadwal unggahan bersama seluruh dinas', topics: ['publikasi-konten'] });
    await createTestPractice(owner.acting, { name: 'Videotron Alun-alun Kota', shortDescription: 'Layar LED untuk mempublikasikan agenda daerah' });
    // Says "perbup", on another subject than the videotron.
    await createTestPractice(other.acting, { name: 'Jam Layanan Kantor Desa', shortDescription: 'Ditetapkan dengan perbup tentang pelayanan desa' });
    await createTestLesson(other.acting, { title: 'Redaksi perlu rapat mingguan', lesson: 'Rapat redaksi mingguan menjaga mutu berita.' });
    await createTestLesson(owner.acting, { title: 'Draf catatan rapat internal', observedOn: '2024-02-01', status: 'draft' });
    await createTestLesson(other.acting, { title: 'Koordinasi lintas bidang tiap triwulan', observedOn: '2023-08-15' });
    await createTestPractice(other.acting, { name: 'Jabar Saber Hoaks', shortDescription: 'Tim klarifikasi kabar bohong' });
    // "Pelaporan" is two letters from "pelajaran", and "mempelajari" holds its root.
    await createTestPractice(other.acting, { name: 'Pelaporan Kinerja Terbuka', shortDescription: 'Warga mempelajari laporan kinerja dinas' });
    await createTestLesson(other.acting, { title: 'Warga membaca laporan kinerja yang ringkas', observedOn: '2021-03-01' });
    // "Podcast humas" side by side in the lesson's text; the practice has the words in its title and its topic.
    await createTestLesson(other.acting, { title: 'Kehumasan perlu kanal sendiri', observation: 'Podcast humas disiarkan tiap pekan dari studio dinas.', observedOn: '2020-01-10' });
    await createTestPractice(other.acting, { name: 'Podcast Balai Kota', shortDescription: 'Obrolan wali kota bersama warga', topics: ['kehumasan'] });
    await createTestPractice(other.acting, { name: 'Aduan Warga Dibalas Terbuka', shortDescription: 'Setiap aduan ditindaklanjuti dalam tiga hari.' });
    await createTestPractice(owner.acting, { name: 'Wi-Fi Publik Taman', shortDescription: 'Titik internet gratis di ruang terbuka' });
    await createTestPractice(other.acting, { name: 'Jaringan Penyuluh Digital', shortDescription: 'Penyuluh dilatih oleh Diskominfo bersama relawan' });
    await createTestPractice(other.acting, { name: 'Solok Sapekan', shortDescription: 'Meniru Padang Panjang Sepekan untuk berita kota' });
    await createTestPractice(owner.acting, { name: 'Padang Panjang Sepekan', shortDescription: 'Siaran berita pemerintah kota' });
    // "Dip" begins "dipasang"; DIP stands for "daftar informasi publik". "Sampai" (a stop word) is one letter from "sampah".
    await createTestPractice(other.acting, { name: 'Layar Informasi di Pasar', shortDescription: 'Layar dipasang di pasar dan buka sampai malam' });
    await createTestPractice(other.acting, { name: 'PPID Desa Terbuka', shortDescription: 'Daftar informasi publik desa disusun bersama warga' });
    await createTestPractice(other.acting, { name: 'Usulan Pembangunan Nagari Daring', shortDescription: 'Wali nagari mengirim usulan warga lewat formulir daring' });
    await createTestPractice(other.acting, { name: 'Rapat Konten Senin Pagi', shortDescription: 'Dipimpin Kepala Bidang IKP bersama admin media' });
    await createTestPractice(other.acting, { name: 'Kanal Keluhan Pasar', shortDescription: 'Keluhan pedagang diterima lewat aplikasi pesan' });
    await createTestPractice(other.acting, { name: 'Perekaman KTP di Desa', shortDescription: 'Pelayanan administrasi kependudukan dibawa ke kantor desa' });
    await createTestPractice(other.acting, { name: 'Meja PPID Keliling', shortDescription: 'Dibawa ke pasar tiap Sabtu' });
    // Says "media sosial", not "medsos"; "Solsel" (Solok Selatan) is one letter from "sulsel", a word of the synonym data.
    await createTestPractice(other.acting, { name: 'Etika Bermedia Pegawai', shortDescription: 'Tata tertib media sosial bagi aparatur' });
    await createTestPractice(other.acting, { name: 'Kopi Solsel Mendunia', shortDescription: 'Kedai kopi lokal dipromosikan lewat pameran' });
    // An agency's practice saying "studi tiru" in its summary, and its visit, which says it nowhere.
    const lubuk = await createUser({ role: 'staff', agency: (await createAgency({ name: 'Diskominfo Kota Lubuk', shortName: 'Diskominfo Lubuk' })).id });
    await createTestPractice(lubuk.acting, { name: 'Koran Dinding Pasar', shortDescription: 'Dirintis setelah studi tiru ke kota tetangga', topics: ['publikasi-konten'] });
    await createTestVisit(lubuk.acting, { hostAgencyIds: [other.acting.agencyId], purpose: 'Belajar koran dinding', topics: ['publikasi-konten'] });
    // "Situs" alone, as records say a website as often as "website".
    await createTestPractice(other.acting, { name: 'Inventaris Situs Perangkat Daerah', shortDescription: 'Daftar subdomain dan pengelolanya diperbarui tiap triwulan' });
    await createTestPractice(other.acting, { name: 'Website Kecamatan Seragam', shortDescription: 'Satu templat untuk semua kecamatan' });
    // Says neither "aplikasi" nor "tte"; the record after it says "aplikasi" and "desa", which would lead if "aplikasi" did.
    await createTestPractice(other.acting, { name: 'Tanda Tangan Elektronik Kepala Desa', shortDescription: 'Surat keterangan ditandatangani dari ponsel' });
    await createTestPractice(other.acting, { name: 'Aplikasi Surat Desa', shortDescription: 'Warga desa meminta surat keterangan secara daring' });
    // Says "layanan" and "aplikasi", farther apart than the records above say layanan and desa; no record says "pelayan".
    await createTestPractice(other.acting, { name: 'Aplikasi Surat Keterangan', shortDescription: 'Warga mengurus surat tanpa datang; layanan ini dibuka bagi setiap desa' });
    // "Realisasi" is two letters from "replikasi", which a record holds too.
    await createTestPractice(other.acting, { name: 'Rencana Realisasi Anggaran Terbuka', shortDescription: 'Serapan belanja diumumkan tiap bulan' });
    await createTestPractice(other.acting, { name: 'Replikasi Aplikasi Antrean', shortDescription: 'Meniru antrean daring kota tetangga' });
    // "Antre" alone, three letters from "antrian", the spelling people type.
    await createTestPractice(other.acting, { name: 'Izin Tanpa Antre', shortDescription: 'Berkas dikirim dari rumah' });
    // "Stunting" is a typo from "sunting" and "sakip" from "sakit": words of the domain matched as written only.
    await createTestPractice(owner.acting, { name: 'Posyandu Cegah Stunting', shortDescription: 'Kader menimbang balita tiap bulan' });
    await createTestPractice(other.acting, { name: 'Hak Sunting Lapisan Peta', shortDescription: 'Pemilik lapisan memperbarui petanya sendiri' });
    await createTestPractice(other.acting, { name: 'Rujukan Rumah Sakit Terpadu', shortDescription: 'Ambulans dipanggil lewat satu nomor' });
    // "Kendala" (an obstacle) is a typo from "kendali" (control), "warga" from "harga".
    await createTestPractice(other.acting, { name: 'Ruang Kendali Lalu Lintas', shortDescription: 'Pantauan kamera di persimpangan' });
    await createTestPractice(other.acting, { name: 'Papan Harga Pangan', shortDescription: 'Harga beras diperbarui tiap pagi' });
    // "Penghargaan" (an award) has the root of "harga" (a price) to the stemmer; the records say "anugerah".
    await createTestPractice(other.acting, { name: 'Arsip PPID Tertata', shortDescription: 'Anugerah keterbukaan informasi diraih dua tahun berturut-turut' });
    // Training on another subject than humas; its contact is no Pranata Humas, as the factory's users are.
    await createTestPractice(other.acting, {
      name: 'Bimtek Keamanan Situs',
      shortDescription: 'Bimbingan teknis bagi pengelola subdomain',
      contact: { name: 'Rahmat Hidayat', position: 'Sandiman Ahli Muda', email: 'sandi@uji.example', phone: '0752 555 124' },
    });
    await createTestPractice(other.acting, { name: 'Sinyal Pulau Terluar', shortDescription: 'Tantangan jaringan diatasi dengan menara bersama' });
    // Says "luar" (outdoor), not "luar negeri" (abroad): no record here holds that.
    await createTestPractice(other.acting, { name: 'Papan Informasi Luar Ruang', shortDescription: 'Media luar ruang di taman kota' });
    await createTestPractice(owner.acting, {
      name: 'Buletin Kelurahan Cetak',
      shortDescription: 'Lembar berita kelurahan dibagikan tiap bulan',
      contact: { name: 'Yuliati Desi Putri', position: 'Pranata Humas Ahli Muda', email: 'narahubung.buletin@uji.example', phone: '0752 555 123' },
    });
    // "Tayangan" is two letters from "tantangan", an aspect word no record holds by its root (tantang).
    // "Dasar hukum": a synonym phrase of "payung hukum", whose "payung" no record holds.
    await createTestPractice(other.acting, { name: 'Jadwal Tayangan Layar Kota', shortDescription: 'Iklan layanan masyarakat diatur per jam dengan dasar hukum yang jelas' });
    // "Kunci" and "lebih" of an aspect (kunci keberhasilan, kelebihan) said otherwise.
    await createTestPractice(other.acting, { name: 'Lemari Kunci Arsip', shortDescription: 'Kunci ruang arsip dipegang petugas piket, lebih aman' });
    // "E-office": the first word of "e-budgeting", a synonym phrase whose second word no record holds.
    await createTestPractice(other.acting, { name: 'Surat E-Office Kecamatan', shortDescription: 'Naskah dinas kecamatan dikirim lewat e-office' });
    // Their text names no stage; only the stored stage tells them apart.
    await createTestPractice(other.acting, { name: 'Kios Keliling Kecamatan', shortDescription: 'Mobil kios singgah di halaman kantor camat', stage: 'uji_coba' });
    await createTestPractice(other.acting, { name: 'Kios Keliling Kelurahan', shortDescription: 'Mobil kios singgah di halaman kantor lurah', stage: 'penerapan' });
    await createTestPractice(other.acting, { name: 'Kios Keliling Desa', shortDescription: 'Mobil kios singgah di balai desa', stage: 'inisiatif' });
    undatedId = (await createTestPractice(other.acting, { name: 'Arsip Foto Tanpa Tanggal', startDate: undefined, description: 'Arsip foto kegiatan disimpan rapi.', channel: 'Galeri daring' })).id;
    await suite.h.syncNow();
  });

  test('searchKnowledge – another agency searches for a draft – absent from hits and from every facet count', async () => {
    const result = await searchKnowledge(other.acting, { q: 'redaksi' });
    assert.ok(!result.hits.some((hit) => hit.id === draftId));
    assert.ok(result.hits.length >= 2);
    assert.equal(result.totalHits, result.hits.length);
    assert.ok(!result.facets.status.some((f) => f.value === 'draft'));
    assert.ok(!result.facets.topic.some((f) => f.value === 'keamanan-informasi'));
    const typeCount = result.facets.type.reduce((sum, f) => sum + f.count, 0);
    assert.equal(typeCount, result.totalHits);
  });

  test('searchKnowledge – other agency asks for drafts through the parameters – still nothing of the owner', async () => {
    const result = await searchKnowledge(other.acting, { q: 'rahasia', status: ['draft'], agency: [owner.acting.agencyId] });
    assert.equal(result.totalHits, 0);
    assert.deepEqual(result.hits, []);
  });

  test('searchKnowledge – owner agency and admin – see the draft', async () => {
    assert.ok((await searchKnowledge(owner.acting, { q: 'rahasia dapur' })).hits.some((hit) => hit.id === draftId && hit.status === 'draft'));
    assert.ok((await searchKnowledge(admin.acting, { q: 'rahasia dapur' })).hits.some((hit) => hit.id === draftId));
  });

  test('searchKnowledge – synonyms – medsos and sosmed find media sosial, pemkot finds pemerintah kota, disinformasi the hoax records', async () => {
    assert.ok((await searchKnowledge(other.acting, { q: 'akun medsos' })).hits.some((hit) => hit.title === 'Pengelolaan Medsos Terpadu'));
    assert.ok((await searchKnowledge(other.acting, { q: 'media sosial terpadu' })).hits.some((hit) => hit.title === 'Pengelolaan Medsos Terpadu'));
    assert.ok((await searchKnowledge(other.acting, { q: 'kalender konten pemkot' })).hits.some((hit) => hit.title === 'Kalender Konten Pemerintah Kota'));
    // Sosmed, as often typed as medsos; disinformasi, as the anti-hoax records name their work.
    assert.ok((await searchKnowledge(other.acting, { q: 'etika sosmed' })).hits.some((hit) => hit.title === 'Etika Bermedia Pegawai'));
    assert.equal((await searchKnowledge(other.acting, { q: 'disinformasi' })).hits[0]?.title, 'Jabar Saber Hoaks');
  });

  test('searchKnowledge – a synonym word mistyped (medsoss) – found with its synonyms too, the spelling offered; a look-alike records hold (solsel) – searched as typed', async () => {
    const medsos = await searchKnowledge(other.acting, { q: 'medsoss' });
    assert.deepEqual([medsos.hits.some((hit) => hit.title === 'Etika Bermedia Pegawai'), medsos.suggestion], [true, 'medsos']);
    const solsel = await searchKnowledge(other.acting, { q: 'solsel' });
    assert.deepEqual([solsel.hits[0]?.title, solsel.suggestion], ['Kopi Solsel Mendunia', undefined]);
  });

  test('searchKnowledge – a synonym phrase holding an affixed word (hubungan masyarakat) – the records of its synonym (humas), which say neither word', async () => {
    const result = await searchKnowledge(other.acting, { q: 'hubungan masyarakat' });
    assert.ok(result.hits.some((hit) => hit.title === 'Kehumasan perlu kanal sendiri'), result.hits.map((hit) => hit.title).join(' | '));
    assert.equal(result.missingWords, undefined);
    // Typed with a typo in it, the phrase is read whole, and the spelling offered.
    const typo = await searchKnowledge(other.acting, { q: 'hubungn masyarakat' });
    assert.deepEqual([typo.hits.some((hit) => hit.title === 'Kehumasan perlu kanal sendiri'), typo.suggestion], [true, 'hubungan masyarakat']);
  });

  test('searchKnowledge – an official name longer than the engine reads synonyms from (pejabat pengelola informasi dan dokumentasi) – the records saying its acronym (PPID)', async () => {
    const result = await searchKnowledge(other.acting, { q: 'Pejabat Pengelola Informasi dan Dokumentasi' });
    assert.ok(result.hits.some((hit) => hit.title === 'Meja PPID Keliling'), result.hits.map((hit) => hit.title).join(' | '));
    assert.deepEqual([result.partial, result.missingWords], [undefined, undefined]);
  });

  test('searchKnowledge – a synonym phrase holding a stop word (monitoring dan evaluasi) – the records saying its acronym (monev), and the other way round', async () => {
    await createTestPractice(other.acting, { name: 'Kartu Monev Kebun', shortDescription: 'Diisi mandor kebun setiap Jumat' });
    await createTestPractice(other.acting, { name: 'Rapat Kebun Bibit', shortDescription: 'Monitoring dan evaluasi kebun bibit setiap Jumat' });
    await suite.h.syncNow();
    const titles = async (q: string): Promise<string[]> => (await searchKnowledge(other.acting, { q })).hits.map((hit) => hit.title);
    assert.ok((await titles('monitoring dan evaluasi')).includes('Kartu Monev Kebun'));
    assert.ok((await titles('monev')).includes('Rapat Kebun Bibit'));
  });

  test('searchKnowledge – aplikasi pengaduan – the complaints app whose title says aduan before the tourism app that mentions pengaduan', async () => {
    await createTestPractice(other.acting, { name: 'Aplikasi Aduan Kelurahan', shortDescription: 'Warga melapor jalan rusak dan lampu mati dari ponsel' });
    await createTestPractice(other.acting, { name: 'Portal Wisata Kota Tua', shortDescription: 'Aplikasi wisata berisi jadwal acara, parkir, dan pengaduan wisatawan' });
    await suite.h.syncNow();
    const titles = (await searchKnowledge(other.acting, { q: 'aplikasi pengaduan' })).hits.map((hit) => hit.title);
    assert.ok(titles.indexOf('Aplikasi Aduan Kelurahan') < titles.indexOf('Portal Wisata Kota Tua'), titles.join(' | '));
    // Mistyped as a word of another root (pengadun: adun) that no record holds: read as pengaduan all the same.
    const mistyped = await searchKnowledge(other.acting, { q: 'aplikasi pengadun' });
    const mistypedTitles = mistyped.hits.map((hit) => hit.title);
    assert.deepEqual(mistypedTitles.slice(0, 2), ['Aplikasi Aduan Kelurahan', 'Portal Wisata Kota Tua']);
    assert.equal(mistyped.suggestion, 'aplikasi pengaduan');
  });

  test('searchKnowledge – undang-undang (a law) – the record citing one, not one saying mengundang (to invite); beside words no record holds with it, named missing as typed', async () => {
    await createTestPractice(other.acting, { name: 'Temu Tokoh Kampung', shortDescription: 'Lurah mengundang tokoh kampung tiap bulan' });
    await suite.h.syncNow();
    const beside = await searchKnowledge(other.acting, { q: 'undang-undang podcast' });
    assert.deepEqual([beside.missingWords, beside.hits.some((hit) => hit.title.startsWith('Podcast'))], [['undang-undang'], true]);
    await createTestPractice(other.acting, { name: 'Sosialisasi Keterbukaan Desa', shortDescription: 'Undang-Undang keterbukaan informasi dijelaskan kepada kepala desa' });
    await suite.h.syncNow();
    assert.deepEqual((await searchKnowledge(other.acting, { q: 'undang-undang' })).hits.map((hit) => hit.title), ['Sosialisasi Keterbukaan Desa']);
  });

  test('searchKnowledge – satpol pp – the record saying Satuan Polisi Pamong Praja, and no PPID record through the two letters of pp', async () => {
    await createTestPractice(other.acting, { name: 'Patroli Malam Terpadu', shortDescription: 'Satuan Polisi Pamong Praja berpatroli bersama warga' });
    await suite.h.syncNow();
    const result = await searchKnowledge(other.acting, { q: 'satpol pp' });
    assert.deepEqual(result.hits.map((hit) => hit.title), ['Patroli Malam Terpadu']);
  });

  test('searchKnowledge – a digital billboard (billboard digital, reklame digital) – the videotron record, nothing named missing', async () => {
    for (const q of ['billboard digital', 'reklame digital']) {
      const result = await searchKnowledge(other.acting, { q });
      assert.deepEqual([result.hits[0]?.title, result.missingWords], ['Videotron Alun-alun Kota', undefined], q);
    }
  });

  test('searchKnowledge – hits holding every word, then some holding fewer – partialFrom: where those begin', async () => {
    const result = await searchKnowledge(other.acting, { q: 'redaksi rapat' });
    const from = result.partialFrom ?? -1;
    assert.ok(from > 0, String(result.partialFrom));
    const titles = result.hits.map((hit) => hit.title);
    assert.ok(titles.slice(0, from).includes('Redaksi perlu rapat mingguan') && titles.slice(from).includes('Redaksi Terbuka Warga'), `${from}: ${titles.join(' | ')}`);
    // Every hit holding every word: none.
    assert.equal((await searchKnowledge(other.acting, { q: 'redaksi' })).partialFrom, undefined);
  });

  test('searchKnowledge – a later page whose first hit lacks a word the best hit holds – not partial, partialFrom 0; a page of a partial search still is partial', async () => {
    // The second record holding "redaksi" does not say "rapat".
    const second = await searchKnowledge(other.acting, { q: 'redaksi rapat', perPage: 1, page: 2 });
    assert.equal(second.hits.length, 1);
    assert.deepEqual([second.partial, second.partialFrom], [undefined, 0], second.hits[0]?.title);
    const partial = await searchKnowledge(other.acting, { q: 'redaksi stunting', perPage: 1, page: 2 });
    assert.deepEqual([partial.partial, partial.partialFrom], [true, undefined]);
  });

  test('searchKnowledge – "rekomendasi" or "saran" with a subject – the lessons on it first: a lesson is a recommendation, whatever its text says', async () => {
    for (const q of ['rekomendasi redaksi', 'saran untuk redaksi', 'recommendations for redaksi']) {
      const result = await searchKnowledge(other.acting, { q });
      assert.equal(result.hits[0]?.type, 'lesson', `${q}: ${result.hits.map((hit) => hit.title).join(' | ')}`);
      assert.equal(result.partial, undefined, q);
    }
  });

  test('searchKnowledge – an officer\'s title abbreviated (kabid ikp) – the record spelling it out found, nothing named missing', async () => {
    const result = await searchKnowledge(other.acting, { q: 'kabid ikp' });
    assert.equal(result.hits[0]?.title, 'Rapat Konten Senin Pagi');
    assert.equal(result.missingWords, undefined);
  });

  test('searchKnowledge – a messaging app or a social network by its brand (keluhan whatsapp, akun instagram), the office by its work (dukcapil) – the record saying "aplikasi pesan", "media sosial" or "administrasi kependudukan" found, nothing named missing', async () => {
    for (const [q, found] of [
      ['dukcapil', 'Perekaman KTP di Desa'],
      ['keluhan whatsapp', 'Kanal Keluhan Pasar'],
      ['keluhan wa', 'Kanal Keluhan Pasar'],
      ['akun instagram', 'Pengelolaan Medsos Terpadu'],
      ['tiktok opd', 'Pengelolaan Medsos Terpadu'],
    ]) {
      const result = await searchKnowledge(other.acting, { q });
      assert.equal(result.hits[0]?.title, found, q);
      assert.equal(result.missingWords, undefined, q);
    }
  });

  test('searchKnowledge – a website as records say it (situs, laman) – found by "website", and the other way round', async () => {
    for (const [q, found] of [
      ['website perangkat daerah', 'Inventaris Situs Perangkat Daerah'],
      ['situs kecamatan', 'Website Kecamatan Seragam'],
      ['laman kecamatan', 'Website Kecamatan Seragam'],
    ]) {
      assert.equal((await searchKnowledge(other.acting, { q })).hits[0]?.title, found, q);
    }
  });

  test('searchKnowledge – an app of something (aplikasi tanda tangan elektronik desa) – the record on it first, though it never says "aplikasi"', async () => {
    const result = await searchKnowledge(other.acting, { q: 'aplikasi tanda tangan elektronik desa' });
    assert.equal(result.hits[0]?.title, 'Tanda Tangan Elektronik Kepala Desa');
  });

  test('searchKnowledge – a form no record holds before another word (aplikasi pelayan desa; records say pelayanan, layanan) – searched by its root, the record holding every other word first, no notice', async () => {
    const result = await searchKnowledge(other.acting, { q: 'aplikasi pelayan desa' });
    assert.equal(result.hits[0]?.title, 'Aplikasi Surat Keterangan', result.hits.map((hit) => hit.title).join(' | '));
    // The word it was found by is marked beside the word the engine marked.
    assert.match(result.hits[0]?.snippet ?? '', /<mark>layanan<\/mark> ini dibuka bagi setiap <mark>desa<\/mark>/);
    assert.equal(result.partial, undefined);
    assert.equal(result.missingWords, undefined);
  });

  test('searchKnowledge – an aspect\'s word mistyped before the subject (pengelolan aduan) – the records on the subject first, not those on pengelolaan', async () => {
    const result = await searchKnowledge(other.acting, { q: 'pengelolan aduan' });
    assert.equal(result.hits[0]?.title, 'Aduan Warga Dibalas Terbuka', result.hits.map((hit) => hit.title).join(' | '));
  });

  test('searchKnowledge – masyarakat (the public: pengaduan masyarakat) – the records saying warga found, all words held', async () => {
    const result = await searchKnowledge(other.acting, { q: 'pengaduan masyarakat' });
    assert.equal(result.hits[0]?.title, 'Aduan Warga Dibalas Terbuka');
    assert.equal(result.partial, undefined);
    assert.equal(result.missingWords, undefined);
  });

  test('searchKnowledge – a village by another region\'s name (desa, nagari) – the records saying the other name found', async () => {
    for (const [q, title] of [['usulan desa', 'Usulan Pembangunan Nagari Daring'], ['ppid nagari', 'PPID Desa Terbuka']]) {
      const result = await searchKnowledge(other.acting, { q });
      assert.equal(result.hits[0]?.title, title, q);
      assert.equal(result.partial, undefined, q);
    }
  });

  test('searchKnowledge – pemkot with a city – the city\'s records, though none says pemkot or pemerintah kota', async () => {
    const titles = (await searchKnowledge(owner.acting, { q: 'pemkot semarang' })).hits.map((hit) => hit.title);
    assert.ok(titles.includes('Pengelolaan Medsos Terpadu'), titles.join(' | '));
  });

  test('searchKnowledge – a spelling variant – wifi finds Wi-Fi', async () => {
    assert.equal((await firstHit('wifi gratis'))?.title, 'Wi-Fi Publik Taman');
  });

  test('searchKnowledge – a word for an aspect before the subject (kendala videotron, kunci keberhasilan videotron) – the subject\'s records, though none says kendala', async () => {
    assert.equal((await firstHit('kendala videotron'))?.title, 'Videotron Alun-alun Kota');
    // A record says "kunci", none with "videotron": the subject still leads.
    assert.equal((await firstHit('kunci keberhasilan videotron'))?.title, 'Videotron Alun-alun Kota');
    assert.equal((await firstHit('kelebihan videotron'))?.title, 'Videotron Alun-alun Kota');
    // An instrument ruling it: a record saying "perbup" on another subject had come first.
    assert.equal((await firstHit('perbup videotron'))?.title, 'Videotron Alun-alun Kota');
  });

  test('searchKnowledge – an award (penghargaan) – the records saying anugerah, none on prices', async () => {
    const result = await searchKnowledge(other.acting, { q: 'penghargaan keterbukaan informasi' });
    assert.equal(result.hits[0]?.title, 'Arsip PPID Tertata');
    assert.ok(!result.hits.some((hit) => hit.title === 'Papan Harga Pangan'));
  });

  test('searchKnowledge – training in a subject (bimtek humas), no record on both – the subject\'s records lead', async () => {
    const titles = (await searchKnowledge(other.acting, { q: 'bimtek humas' })).hits.map((hit) => hit.title);
    assert.ok(['Kehumasan perlu kanal sendiri', 'Podcast Balai Kota'].includes(titles[0]), titles.join(', '));
    assert.ok(!titles.includes('Bimtek Keamanan Situs'), titles.join(', '));
  });

  test('searchKnowledge – a kind of training (bimtek humas), a record on a pelatihan in the subject – that record first, not partial', async () => {
    const training = await createTestPractice(other.acting, { name: 'Kelas Rilis untuk Pranata Humas', shortDescription: 'Pelatihan menulis rilis bagi kehumasan kecamatan' });
    await suite.h.syncNow();
    const result = await searchKnowledge(other.acting, { q: 'bimtek humas' });
    assert.equal(result.hits[0]?.id, training.id);
    assert.equal(result.partial, undefined);
  });

  test('searchKnowledge – a word no record holds among others – searched without it, the word named', async () => {
    const result = await searchKnowledge(other.acting, { q: 'contoh SOP videotron' });
    assert.equal(result.hits[0]?.title, 'Videotron Alun-alun Kota');
    // Named as typed.
    assert.deepEqual(result.missingWords, ['SOP']);
    // One word, every word missing, or more words than are counted one by one: the empty result as it is.
    for (const q of ['hologram', 'hologram zzkata', 'hologram satu dua tiga empat lima enam tujuh videotron']) {
      const empty = await searchKnowledge(other.acting, { q });
      assert.equal(empty.totalHits, 0, q);
      assert.equal(empty.missingWords, undefined, q);
    }
    // Found as a whole: nothing named missing.
    assert.equal((await searchKnowledge(other.acting, { q: 'videotron alun' })).missingWords, undefined);
  });

  test('searchKnowledge – a word no record holds after words that some records hold – named, and the words after it still count', async () => {
    // The "last" strategy alone would keep only "videotron" and say nothing of "hologram".
    const result = await searchKnowledge(other.acting, { q: 'videotron hologram alun' });
    assert.deepEqual(result.missingWords, ['hologram']);
    assert.equal(result.hits[0]?.title, 'Videotron Alun-alun Kota');
    // Words that records hold, though no record holds both: nothing named missing.
    const apart = await searchKnowledge(other.acting, { q: 'redaksi videotron' });
    assert.equal(apart.missingWords, undefined);
    assert.ok(apart.totalHits > 0);
  });

  test('searchKnowledge – a word no record holds as the query reads it – named as typed, the other words searched', async () => {
    const cases: [q: string, missing: string, found: string][] = [
      // English read as a word no record holds (waste → sampah).
      ['Waste management podcast', 'Waste', 'Podcast Balai Kota'],
      // The start of a word, but not the query's last: the engine reads it whole there.
      ['redak podcast', 'redak', 'Podcast Balai Kota'],
      // An English word of a query not read as English is searched as typed, though records hold its reading (aduan).
      ['videotron alun complaint', 'complaint', 'Videotron Alun-alun Kota'],
      // Beside a word of neither language only, it is read as English once that word is left out.
      ['complaint covid', 'covid', 'Aduan Warga Dibalas Terbuka'],
    ];
    for (const [q, missing, found] of cases) {
      const result = await searchKnowledge(other.acting, { q });
      assert.deepEqual(result.missingWords, [missing], q);
      assert.equal(result.hits[0]?.title, found, q);
    }
  });

  test('searchKnowledge – a typo read as an affixed word of another root (penyulu → ulu) – searched again as typed, nothing named missing', async () => {
    for (const q of ['penyulu', 'penyulu dilatih']) {
      const result = await searchKnowledge(other.acting, { q });
      assert.equal(result.hits[0]?.title, 'Jaringan Penyuluh Digital', q);
      assert.equal(result.missingWords, undefined, q);
    }
  });

  test('searchKnowledge – such a typo one letter from a word the best hit holds (pelapoan → lapo, a root of the dictionary) – corrected in the suggestion', async () => {
    const result = await searchKnowledge(other.acting, { q: 'pelapoan kinerja' });
    assert.equal(result.hits[0]?.title, 'Pelaporan Kinerja Terbuka');
    assert.equal(result.suggestion, 'pelaporan kinerja');
  });

  test('searchKnowledge – missing words – counted with the permission filter: a word only another agency\'s draft holds is missing too', async () => {
    const result = await searchKnowledge(other.acting, { q: 'sop videotron rahasia' });
    assert.deepEqual(result.missingWords, ['sop', 'rahasia']);
    assert.ok(!result.hits.some((hit) => hit.id === draftId));
    // The owner sees the draft: for them the word is not missing.
    assert.deepEqual((await searchKnowledge(owner.acting, { q: 'sop videotron rahasia' })).missingWords, ['sop']);
  });

  test('searchKnowledge – a spelling off the standard no typo reaches (antrian for antre) – read as the standard root', async () => {
    const result = await searchKnowledge(other.acting, { q: 'izin antrian' });
    assert.equal(result.hits[0]?.title, 'Izin Tanpa Antre');
    // It holds both words: nothing named missing, nothing said of a partial result.
    assert.equal(result.missingWords, undefined);
    assert.equal(result.partial, undefined);
  });

  test('searchKnowledge – manajemen for pengelolaan – finds the practice named with the other word', async () => {
    assert.equal((await firstHit('manajemen medsos'))?.title, 'Pengelolaan Medsos Terpadu');
  });

  test('searchKnowledge – Diskominfo variants – every spelling finds the practice', async () => {
    for (const q of ['diskominfo', 'dinas kominfo', 'kominfo', 'dinas komunikasi dan informatika']) {
      assert.ok((await searchKnowledge(other.acting, { q })).hits.some((hit) => hit.title === 'Jaringan Penyuluh Digital'), q);
    }
  });

  test('searchKnowledge – facets off (search-as-you-type) – hits only, every facet list empty', async () => {
    const result = await searchKnowledge(other.acting, { q: 'redaksi', facets: false });
    assert.ok(result.hits.length > 0);
    assert.ok(Object.values(result.facets).every((values) => values.length === 0));
  });

  test('searchKnowledge – an acronym of the synonym data (DIP) – the records with its long form, none with a word it begins (dipasang)', async () => {
    const titles = (await searchKnowledge(other.acting, { q: 'DIP' })).hits.map((hit) => hit.title);
    assert.deepEqual(titles, ['PPID Desa Terbuka']);
  });

  test('searchKnowledge – an office by its English name (public information officer) – a synonym phrase of PPID, not three words read apart: the PPID record saying none of them found', async () => {
    const result = await searchKnowledge(other.acting, { q: 'public information officer' });
    assert.ok(result.hits.some((hit) => hit.title === 'Meja PPID Keliling'), result.hits.map((hit) => hit.title).join());
  });

  test('searchKnowledge – English read as the words records use (disaster early warning: peringatan dini bencana; one data: satu data) – the record first, nothing named missing', async () => {
    const cases = [
      ['disaster early warning', 'Sirene Pantai Terpadu', 'Peringatan dini bencana tsunami untuk warga pesisir'],
      ['one data', 'Portal Satu Data Kota', 'Data sektoral seluruh dinas dalam satu portal'],
    ];
    for (const [, name, shortDescription] of cases) await createTestPractice(other.acting, { name, shortDescription });
    await suite.h.syncNow();
    for (const [q, name] of cases) {
      const result = await searchKnowledge(other.acting, { q });
      assert.deepEqual([result.hits[0]?.title, result.missingWords], [name, undefined], q);
    }
  });

  test('searchKnowledge – English (complaint handling), a word of the language matched through a look-alike (replikasi → realisasi), a stop word\'s look-alike (sampah → sampai) – the first hit, and no word "corrected"', async () => {
    // No record holds "sampah", and the stop word "sampai" is not reached through a typo: nothing found.
    const cases: [string, string | null][] = [
      ['complaint handling', 'Aduan Warga Dibalas Terbuka'],
      ['rencana replikasi', 'Rencana Realisasi Anggaran Terbuka'],
      ['sampah', null],
    ];
    for (const [q, first] of cases) {
      const result = await searchKnowledge(other.acting, { q });
      assert.equal(result.hits[0]?.title, first ?? undefined, q);
      assert.equal(result.suggestion, undefined, q);
    }
  });

  test('searchKnowledge – aspects alone (kendala anggaran) – the records on the budget, which none says with an obstacle', async () => {
    assert.equal((await firstHit('kendala anggaran'))?.title, 'Rencana Realisasi Anggaran Terbuka');
  });

  test('searchKnowledge – a word for an obstacle (kendala jaringan) – the record saying another (tantangan) first: records say "tantangan" or "kesulitan" as often as "kendala"', async () => {
    assert.equal((await searchKnowledge(other.acting, { q: 'kendala jaringan' })).hits[0]?.title, 'Sinyal Pulau Terluar');
  });

  test('searchKnowledge – a word of the domain a typo from another (stunting, sakip, kendala, warga) – only the records holding it, nothing "corrected"; its own typo still finds it', async () => {
    const stunting = await searchKnowledge(other.acting, { q: 'stunting' });
    assert.deepEqual(stunting.hits.map((hit) => hit.title), ['Posyandu Cegah Stunting']);
    const sakip = await searchKnowledge(other.acting, { q: 'sakip' });
    assert.deepEqual([sakip.totalHits, sakip.suggestion], [0, undefined]);
    for (const q of ['kendala', 'warga']) assert.ok(!(await searchKnowledge(other.acting, { q })).hits.some((hit) => ['Ruang Kendali Lalu Lintas', 'Papan Harga Pangan'].includes(hit.title)), q);
    const typo = await searchKnowledge(other.acting, { q: 'stuntimg' });
    assert.deepEqual([typo.hits.map((hit) => hit.title), typo.suggestion], [['Posyandu Cegah Stunting'], 'stunting']);
  });

  test('searchKnowledge – an affixed word whose root is a typo from a name (pemasangan: pasang, Padang) – the records holding the root, none of Padang', async () => {
    const titles = (await searchKnowledge(other.acting, { q: 'pemasangan' })).hits.map((hit) => hit.title);
    assert.deepEqual(titles, ['Layar Informasi di Pasar']);
  });

  test('searchKnowledge – typo in a long word – still found, with a suggestion', async () => {
    const result = await searchKnowledge(other.acting, { q: 'videotrom' });
    assert.equal(result.hits[0]?.title, 'Videotron Alun-alun Kota');
    assert.equal(result.suggestion, 'videotron');
  });

  test('searchKnowledge – an affixed word of the language no record holds (dirumuskan: rumus), two letters from one a record holds (diumumkan) – not "corrected" to it', async () => {
    const result = await searchKnowledge(other.acting, { q: 'dirumuskan' });
    assert.equal(result.hits[0]?.title, 'Rencana Realisasi Anggaran Terbuka');
    assert.equal(result.suggestion, undefined);
  });

  test('searchKnowledge – an aspect word searched again as typed (tantangan, a typo from tayangan) – still after the subject: the podcast records first', async () => {
    const result = await searchKnowledge(other.acting, { q: 'tantangan podcast' });
    assert.ok(result.hits.length > 1, JSON.stringify(result.hits.map((hit) => hit.title)));
    assert.match(result.hits[0]?.title ?? '', /Podcast/);
  });

  test('searchKnowledge – visits abroad (studi tiru luar negeri, kunjungan mancanegara), which no record holds – the phrase named missing whole and the visits listed, not the records saying "luar" alone', async () => {
    for (const [q, missing] of [['studi tiru luar negeri', 'luar negeri'], ['studi tiru ke mancanegara', 'mancanegara']]) {
      const result = await searchKnowledge(other.acting, { q });
      assert.deepEqual(result.missingWords, [missing], q);
      assert.ok(result.hits.length > 0, q);
      assert.deepEqual([...new Set(result.hits.map((hit) => hit.type))], ['visit'], q);
    }
  });

  test('searchKnowledge – a synonym phrase typed whole (payung hukum), one of its words held by no record – found through the phrase, the word not named missing; an aspect, after the subject', async () => {
    // No record holds all three words, so each is counted on its own.
    const result = await searchKnowledge(other.acting, { q: 'payung hukum podcast' });
    assert.equal(result.hits[0]?.title, 'Podcast Balai Kota');
    assert.ok(!(result.missingWords ?? []).includes('payung'), JSON.stringify(result.missingWords));
    // The records without the subject, which leads the engine query, not without the aspect typed first.
    assert.equal(result.withoutFirstWord?.word, 'podcast');
    assert.ok(result.withoutFirstWord.hits.some((hit) => hit.title === 'Jadwal Tayangan Layar Kota'), JSON.stringify(result.withoutFirstWord));
  });

  test('searchKnowledge – a synonym phrase (e-budgeting) whose letter records hold (e-office), its word none – no hit: the letter alone is no word', async () => {
    const result = await searchKnowledge(other.acting, { q: 'e-budgeting' });
    assert.equal(result.totalHits, 0, result.hits.map((hit) => hit.title).join(' | '));
    assert.deepEqual(result.hits, []);
    // Its synonym finds the records of the other phrase: tnde, "tata naskah dinas elektronik".
    assert.equal((await searchKnowledge(other.acting, { q: 'tnde' })).hits[0]?.title, 'Surat E-Office Kecamatan');
  });

  test('searchKnowledge – a synonym phrase no record holds (e-katalog), its word held alone – the records holding the word, not those holding the letter (e-office); the phrase named missing as typed', async () => {
    await createTestPractice(other.acting, { name: 'Katalog Arsip Kelurahan', shortDescription: 'Daftar arsip kelurahan yang bisa dipinjam warga' });
    await suite.h.syncNow();
    const result = await searchKnowledge(other.acting, { q: 'E-Katalog' });
    assert.deepEqual(result.hits.map((hit) => hit.title), ['Katalog Arsip Kelurahan']);
    assert.deepEqual(result.missingWords, ['E-Katalog']);
  });

  test('searchKnowledge – a word saying "about" before the subject (seputar podcast, perihal, terkait) – the subject\'s records, not one saying the word', async () => {
    await createTestPractice(other.acting, { name: 'Kabar Seputar Kecamatan', shortDescription: 'Berita perihal kegiatan terkait kecamatan' });
    await suite.h.syncNow();
    for (const q of ['seputar podcast', 'perihal podcast', 'terkait podcast']) {
      const result = await searchKnowledge(other.acting, { q });
      assert.equal(result.hits[0]?.title, 'Podcast Balai Kota', q);
      assert.ok(!result.hits.some((hit) => hit.title === 'Kabar Seputar Kecamatan'), q);
    }
  });

  test('searchKnowledge – an agency\'s acronym (dinkes, puskesmas) – the records naming it in full, and the other way', async () => {
    await createTestPractice(other.acting, { name: 'Antrean Daring Dinas Kesehatan', shortDescription: 'Warga mengambil nomor antrean pusat kesehatan masyarakat dari rumah' });
    await createTestPractice(other.acting, { name: 'Kabar RSUD Kota', shortDescription: 'Jadwal dokter diumumkan tiap pagi' });
    await suite.h.syncNow();
    for (const q of ['dinkes', 'puskesmas']) assert.equal((await searchKnowledge(other.acting, { q })).hits[0]?.title, 'Antrean Daring Dinas Kesehatan', q);
    assert.equal((await searchKnowledge(other.acting, { q: 'rumah sakit umum daerah' })).hits[0]?.title, 'Kabar RSUD Kota');
  });

  test('searchKnowledge – kampus – the records saying perguruan tinggi, not those saying kampung (a prefix one typo away)', async () => {
    await createTestPractice(other.acting, { name: 'Magang Mahasiswa', shortDescription: 'Kerja sama dengan perguruan tinggi setempat' });
    await createTestPractice(other.acting, { name: 'Kampung Berita', shortDescription: 'Warga menulis kabar lingkungan' });
    await suite.h.syncNow();
    assert.deepEqual((await searchKnowledge(other.acting, { q: 'kampus' })).hits.map((hit) => hit.title), ['Magang Mahasiswa']);
  });

  test('searchKnowledge – a word of time before the subject (persiapan sebelum podcast, kendala selama podcast) – the subject\'s records, not one saying the word; before a year still a range', async () => {
    await createTestPractice(other.acting, { name: 'Rapat Sebelum Pemilu', shortDescription: 'Jadwal disusun menjelang dan selama masa kampanye, setelah itu dan sesudah pemilu dievaluasi' });
    await suite.h.syncNow();
    for (const q of ['persiapan sebelum podcast', 'persiapan menjelang podcast', 'kendala selama podcast', 'kendala setelah podcast', 'kendala sesudah podcast']) {
      const titles = (await searchKnowledge(other.acting, { q })).hits.map((hit) => hit.title);
      assert.ok(titles.includes('Podcast Balai Kota'), `${q}: ${titles.join(' | ')}`);
      assert.ok(!titles.includes('Rapat Sebelum Pemilu'), `${q}: ${titles.join(' | ')}`);
    }
    assert.deepEqual((await searchKnowledge(other.acting, { q: 'podcast sebelum 2023' })).yearRange, { to: 2022 });
  });

  test('searchKnowledge – "e" (electronic) before a subject (e-penyuluh) – the subject\'s records, not those saying e-office; the E of an academic title (S.E.) unmarked', async () => {
    assert.equal((await firstHit('e-penyuluh'))?.title, 'Jaringan Penyuluh Digital');
    await createTestPractice(other.acting, { name: 'Kelas Penyuluh Mandiri', shortDescription: 'Dipandu Rina Wati, S.E. untuk para penyuluh' });
    await suite.h.syncNow();
    const hit = (await searchKnowledge(other.acting, { q: 'e-penyuluh' })).hits.find((h) => h.title === 'Kelas Penyuluh Mandiri');
    assert.equal(hit?.snippet, 'Dipandu Rina Wati, S.E. untuk para <mark>penyuluh</mark>');
  });

  test('searchKnowledge – a synonym phrase no record holds (e-budgeting), one of its words held (e-office), beside another word – the phrase named missing as typed, the other word searched', async () => {
    const result = await searchKnowledge(other.acting, { q: 'E-Budgeting podcast' });
    assert.equal(result.hits[0]?.title, 'Podcast Balai Kota', result.hits.map((hit) => hit.title).join(' | '));
    assert.deepEqual(result.missingWords, ['E-Budgeting']);
  });

  test('searchKnowledge – a practice\'s contact person by name – the practice found; the contact\'s email and phone are not searched', async () => {
    const byName = await searchKnowledge(other.acting, { q: 'yuliati' });
    assert.equal(byName.hits[0]?.title, 'Buletin Kelurahan Cetak');
    for (const q of ['narahubung', '555']) {
      const result = await searchKnowledge(other.acting, { q });
      assert.ok(!result.hits.some((hit) => hit.title === 'Buletin Kelurahan Cetak'), q);
    }
  });

  test('searchKnowledge – two words written as one (alunalun for Alun-alun) – found, the two words offered apart', async () => {
    const result = await searchKnowledge(other.acting, { q: 'alunalun' });
    assert.equal(result.hits[0]?.title, 'Videotron Alun-alun Kota');
    assert.equal(result.suggestion, 'alun alun');
  });

  test('searchKnowledge – affixed query word – found through the stemmed field only with stemming', async () => {
    const stemmed = await searchKnowledge(other.acting, { q: 'dipublikasikan' });
    const videotron = stemmed.hits.find((hit) => hit.title === 'Videotron Alun-alun Kota');
    assert.equal(videotron?.snippet, 'Layar LED untuk <mark>mempublikasikan</mark> agenda daerah');
    const plain = await searchKnowledge(other.acting, { q: 'dipublikasikan', stemming: false });
    assert.ok(!plain.hits.some((hit) => hit.title === 'Videotron Alun-alun Kota'));
  });

  /** The first hit another agency's planner gets for `q`. */
  const firstHit = async (q: string) => (await searchKnowledge(other.acting, { q })).hits[0];

  test('searchKnowledge – question typed as a sentence – question words and fillers ignored, the lesson first', async () => {
    assert.equal((await firstHit('Siapa yang punya rapat redaksi mingguan?'))?.title, 'Redaksi perlu rapat mingguan');
    // The agency asked for is not a word the record must hold.
    assert.equal((await firstHit('Instansi mana yang punya rapat redaksi mingguan?'))?.title, 'Redaksi perlu rapat mingguan');
    // Nor is the verb of using it: no record says "pakai", and the strategy would hold to it.
    assert.equal((await firstHit('Dinas mana yang pakai videotron?'))?.title, 'Videotron Alun-alun Kota');
    // What was gained (didapat, diperoleh) is the question's frame, not a word of the record.
    for (const q of ['Pelajaran apa yang didapat dari rapat redaksi mingguan?', 'apa saja yang diperoleh dari rapat redaksi mingguan']) {
      const result = await searchKnowledge(other.acting, { q });
      assert.equal(result.hits[0]?.title, 'Redaksi perlu rapat mingguan', q);
      assert.equal(result.missingWords, undefined, q);
    }
  });

  test('searchKnowledge – question opening dropped, stop words – not marked in snippets', async () => {
    // Found through the stemmed field only (unggahan → unggah): the snippet is marked by root here, not by the engine.
    const byRoot = await firstHit('dinas mana yang mengunggah?');
    assert.deepEqual([byRoot?.title, byRoot?.snippet], ['Kalender Konten Pemerintah Kota', 'Jadwal <mark>unggahan</mark> bersama seluruh dinas']);
    // Matched in the title only: the summary shown unmarked, its stop word "seluruh" too.
    assert.equal((await firstHit('kalender seluruh'))?.snippet, 'Jadwal unggahan bersama seluruh dinas');
  });

  test('searchKnowledge – podcast humas – the practice with a word in its title first, then the lesson with both words side by side in its text', async () => {
    // The attribute rule ranks before proximity: where the words are weighs more than how close they are.
    const result = await searchKnowledge(other.acting, { q: 'podcast humas' });
    assert.deepEqual(result.hits.map((hit) => hit.title), ['Podcast Balai Kota', 'Kehumasan perlu kanal sendiri']);
  });

  test('searchKnowledge – a compound as usually written – finds its affixed one-word form', async () => {
    assert.equal((await firstHit('tindak lanjut aduan'))?.title, 'Aduan Warga Dibalas Terbuka');
  });

  test('searchKnowledge – the kind of record named in the query – records of that kind first, though their text does not say it, then others on the subject', async () => {
    const lessons = await searchKnowledge(other.acting, { q: 'pelajaran redaksi' });
    assert.deepEqual(
      lessons.hits.map((hit) => [hit.type, hit.title]),
      [
        ['lesson', 'Redaksi perlu rapat mingguan'],
        ['practice', 'Redaksi Terbuka Warga'],
      ],
    );
    assert.equal((await firstHit('inovasi videotron'))?.title, 'Videotron Alun-alun Kota');
    // "Mempelajari" holds the root of "pelajaran"; only a lesson holds the kind's word itself.
    assert.equal((await firstHit('pelajaran kinerja'))?.title, 'Warga membaca laporan kinerja yang ringkas');
    // The kind's words weigh as a record's name does: the agency's visit before its practice whose summary says "studi tiru".
    assert.equal((await firstHit('studi tiru lubuk'))?.type, 'visit');
    // Another kind named after the one asked for only says where it came from.
    assert.equal((await firstHit('pelajaran dari kunjungan soal kinerja'))?.type, 'lesson');
    // A typo of a kind word is no match: "praktis" is one letter from "praktik", which no text here holds.
    assert.equal((await searchKnowledge(other.acting, { q: 'praktis' })).totalHits, 0);
  });

  test('searchKnowledge – a practice\'s stage named in the query (tahap uji coba, sudah diterapkan) – the practices at that stage first, though their text does not say it', async () => {
    const titles = async (q: string) => (await searchKnowledge(other.acting, { q })).hits.map((hit) => hit.title);
    assert.deepEqual((await titles('kios keliling tahap uji coba')).slice(0, 1), ['Kios Keliling Kecamatan']);
    assert.deepEqual((await titles('kios keliling yang sudah diterapkan')).slice(0, 1), ['Kios Keliling Kelurahan']);
    assert.deepEqual((await titles('kios keliling tahap inisiatif')).slice(0, 1), ['Kios Keliling Desa']);
    // The stage's words are found as a whole record's: nothing is named missing.
    assert.equal((await searchKnowledge(other.acting, { q: 'kios uji coba' })).missingWords, undefined);
    // Typed before the subject they still go after it: the subject's other records come next, not every practice at the stage.
    assert.deepEqual((await titles('inisiatif podcast')).sort(), (await titles('podcast')).sort());
  });
  test('searchKnowledge – a query of nothing but names of a kind (pelajaran, semua studi banding) – every record of that kind the user may see, newest first, and no look-alike', async () => {
    const lessons = await searchKnowledge(other.acting, { q: 'pelajaran' });
    assert.equal(lessons.kindNamed, 'lesson');
    assert.deepEqual(
      lessons.hits.map((hit) => hit.title),
      ['Koordinasi lintas bidang tiap triwulan', 'Redaksi perlu rapat mingguan', 'Warga membaca laporan kinerja yang ringkas', 'Kehumasan perlu kanal sendiri'],
    );
    assert.deepEqual(lessons.facets.type.map((facet) => [facet.value, facet.count]), [['lesson', 4]]);
    assert.equal(lessons.suggestion, undefined);
    // The owner's draft is listed for the owner only.
    const own = await searchKnowledge(owner.acting, { q: 'lessons learned' });
    assert.deepEqual(own.hits.map((hit) => hit.title), ['Draf catatan rapat internal', 'Koordinasi lintas bidang tiap triwulan', 'Redaksi perlu rapat mingguan', 'Warga membaca laporan kinerja yang ringkas', 'Kehumasan perlu kanal sendiri']);
    assert.ok((await searchKnowledge(other.acting, { q: 'semua praktik baik' })).hits.every((hit) => hit.type === 'practice'));
    // The type facet leaving the kind out, or a subject beside the name: the words are searched.
    const practices = await searchKnowledge(other.acting, { q: 'pelajaran', type: ['practice'] });
    assert.equal(practices.kindNamed, undefined);
    assert.ok(practices.hits.every((hit) => hit.type === 'practice'));
    assert.equal((await searchKnowledge(other.acting, { q: 'pelajaran redaksi' })).kindNamed, undefined);
  });
  test('searchKnowledge – a span of years named (sejak 2022, sebelum 2022) – records of those years only, searched for the other words; the span kept in the suggestion', async () => {
    const since = await searchKnowledge(other.acting, { q: 'pelajaran sejak 2022' });
    assert.deepEqual([since.kindNamed, since.yearRange], ['lesson', { from: 2022 }]);
    assert.deepEqual(since.hits.map((hit) => hit.title), ['Koordinasi lintas bidang tiap triwulan', 'Redaksi perlu rapat mingguan']);
    assert.deepEqual(since.facets.year.map((facet) => facet.value), ['2023', '2022']);
    const before = await searchKnowledge(other.acting, { q: 'redaksi sebelum 2022' });
    assert.deepEqual(before.hits.map((hit) => hit.title), ['Redaksi Terbuka Warga']);
    assert.equal(before.missingWords, undefined);
    assert.equal((await searchKnowledge(other.acting, { q: 'redaski sejak 2022' })).suggestion, 'redaksi sejak 2022');
    // A record without a date of its own lies in no span.
    assert.ok((await searchKnowledge(other.acting, { q: 'arsip foto' })).hits.some((hit) => hit.id === undatedId));
    assert.equal((await searchKnowledge(other.acting, { q: 'arsip foto sejak 2000' })).hits.some((hit) => hit.id === undatedId), false);
  });
  test('searchKnowledge – a kind\'s word with a typo (pelajran) – read as the kind, the spelling offered', async () => {
    const result = await searchKnowledge(other.acting, { q: 'pelajran' });
    assert.equal(result.kindNamed, 'lesson');
    assert.ok(result.hits.length > 0 && result.hits.every((hit) => hit.type === 'lesson'));
    assert.equal(result.suggestion, 'pelajaran');
  });
  test('searchKnowledge – names of a kind with a year (pelajaran tahun 2023) – that kind\'s records of the year, newest first', async () => {
    const result = await searchKnowledge(other.acting, { q: 'pelajaran tahun 2023' });
    assert.equal(result.kindNamed, 'lesson');
    assert.deepEqual(result.kindYears, ['2023']);
    assert.deepEqual(result.hits.map((hit) => hit.title), ['Koordinasi lintas bidang tiap triwulan']);
    assert.equal(result.sort, 'newest');
    // Several years are any of them; one of no record is named missing, in whichever order typed.
    for (const q of ['pelajaran 2031 dan 2023', 'pelajaran 2023 atau 2031']) {
      const either = await searchKnowledge(other.acting, { q });
      assert.deepEqual([either.hits.map((hit) => hit.title), either.kindNamed, either.years, either.missingWords], [['Koordinasi lintas bidang tiap triwulan'], 'lesson', ['2023'], ['2031']], q);
    }
  });

  test('searchKnowledge – a word asking for the newest (terbaru) – the word\'s records newest first, as with sort newest', async () => {
    const asked = await searchKnowledge(other.acting, { q: 'redaksi terbaru' });
    const sorted = await searchKnowledge(other.acting, { q: 'redaksi', sort: 'newest' });
    assert.equal(asked.sort, 'newest');
    assert.ok(asked.hits.length > 1);
    assert.deepEqual(asked.hits.map((hit) => hit.id), sorted.hits.map((hit) => hit.id));
    const dates = asked.hits.map((hit) => hit.date?.getTime() ?? 0);
    assert.deepEqual(dates, [...dates].sort((a, b) => b - a));
    assert.equal((await searchKnowledge(other.acting, { q: 'redaksi' })).sort, 'relevance');
    // "Paling baru" is "terbaru".
    assert.deepEqual((await searchKnowledge(other.acting, { q: 'redaksi paling baru' })).hits.map((hit) => hit.id), sorted.hits.map((hit) => hit.id));
    // Alone, the word asks for every record, newest first.
    const all = await searchKnowledge(other.acting, { q: '' });
    const newest = await searchKnowledge(other.acting, { q: 'yang terbaru' });
    assert.ok(newest.totalHits > 2);
    assert.deepEqual([newest.totalHits, newest.sort, newest.hits.map((hit) => hit.id)], [all.totalHits, 'newest', all.hits.map((hit) => hit.id)]);
  });

  test('searchKnowledge – a kind name beside a word no record holds (pelajaran zzkata) – the kind\'s records, the word named', async () => {
    const result = await searchKnowledge(other.acting, { q: 'pelajaran zzkata' });
    assert.deepEqual(result.missingWords, ['zzkata']);
    assert.equal(result.kindNamed, 'lesson');
    assert.ok(result.hits.length === 4 && result.hits.every((hit) => hit.type === 'lesson'));
  });

  test('searchKnowledge – typing (search-as-you-type) after an affixed word – the word being typed still matched as a prefix', async () => {
    const result = await searchKnowledge(other.acting, { q: 'mempublikasikan age', facets: false, typing: true });
    assert.equal(result.hits[0]?.title, 'Videotron Alun-alun Kota');
  });

  test('searchKnowledge – typing the start of a synonym phrase (hubungan masya) – the records of its synonym (humas), as when it is submitted', async () => {
    const result = await searchKnowledge(other.acting, { q: 'hubungan masya', facets: false, typing: true });
    assert.ok(result.hits.some((hit) => hit.title === 'Kehumasan perlu kanal sendiri'), result.hits.map((hit) => hit.title).join(' | '));
  });

  test('searchKnowledge – menge- verb – finds the record written with peng-…-an and di- forms of its root', async () => {
    assert.equal((await firstHit('mengelola akun'))?.title, 'Pengelolaan Medsos Terpadu');
  });

  test('searchKnowledge – the name of a practice as typed – that practice first, not one whose name is a spelling variant of a word', async () => {
    // "Sapekan" is one typo from "sepekan"; the record quoting the name holds "sepekan" as typed.
    const result = await searchKnowledge(other.acting, { q: 'Padang Panjang Sepekan' });
    assert.deepEqual(result.hits.slice(0, 2).map((hit) => hit.title), ['Padang Panjang Sepekan', 'Solok Sapekan']);
  });

  test('searchKnowledge – type facet selected – hits narrowed, the type facet still counts the other types', async () => {
    const result = await searchKnowledge(other.acting, { q: 'redaksi', type: ['lesson'] });
    assert.ok(result.hits.every((hit) => hit.type === 'lesson'));
    assert.equal(result.hits.length, 1);
    const practiceCount = result.facets.type.find((f) => f.value === 'practice');
    assert.equal(practiceCount?.count, 1);
    assert.equal(practiceCount?.label, 'Praktik baik');
  });

  test('searchKnowledge – province and topic facets – labelled with names', async () => {
    const result = await searchKnowledge(other.acting, { q: '' });
    const provinces = result.facets.province.map((f) => f.label);
    assert.ok(provinces.some((label) => /Sumatera Barat/i.test(label)), provinces.join());
    assert.ok(provinces.some((label) => /Jawa Tengah/i.test(label)), provinces.join());
    assert.ok(result.facets.topic.some((f) => f.value === 'media-sosial' && f.label !== 'media-sosial' && f.count === 1), JSON.stringify(result.facets.topic));
    const narrowed = await searchKnowledge(other.acting, { q: '', topic: ['media-sosial'] });
    assert.deepEqual(narrowed.hits.map((hit) => hit.title), ['Pengelolaan Medsos Terpadu']);
  });

  test('searchKnowledge – paging – perPage respected, totals consistent', async () => {
    const result = await searchKnowledge(other.acting, { q: '', perPage: 2, page: 2 });
    assert.equal(result.perPage, 2);
    assert.equal(result.page, 2);
    assert.equal(result.hits.length, 2);
    assert.equal(result.totalPages, Math.ceil(result.totalHits / 2));
  });

  test('searchKnowledge – province abbreviation (jateng, sumbar) – finds the records of agencies in that province', async () => {
    const jateng = await searchKnowledge(owner.acting, { q: 'jateng' });
    assert.ok(jateng.hits.length > 0);
    assert.ok(jateng.hits.every((hit) => hit.provinceNames.includes('Jawa Tengah')), JSON.stringify(jateng.hits.map((h) => h.provinceNames)));
    // Both match "redaksi"; only the Sumatera Barat one matches both words, so it comes first.
    const sumbar = await searchKnowledge(other.acting, { q: 'redaksi sumbar' });
    assert.deepEqual(sumbar.hits.map((hit) => [hit.title, hit.provinceNames]), [['Redaksi Terbuka Warga', ['Sumatera Barat']], ['Redaksi perlu rapat mingguan', ['Jawa Tengah']]]);
  });

  test('searchKnowledge – a word matched through a synonym (jawa barat → Jabar) – found, and not "corrected" to the look-alike', async () => {
    const result = await searchKnowledge(other.acting, { q: 'jawa barat hoaks' });
    assert.equal(result.hits[0]?.title, 'Jabar Saber Hoaks');
    assert.equal(result.suggestion, undefined);
  });

  test('searchKnowledge – practice without a start date – no date shown, no year counted, last when sorted by newest', async () => {
    const result = await searchKnowledge(other.acting, { q: 'arsip foto' });
    const hit = result.hits.find((h) => h.id === undatedId);
    assert.ok(hit);
    assert.equal(hit.date, null);
    const yearCount = result.facets.year.reduce((sum, f) => sum + f.count, 0);
    assert.equal(yearCount, result.hits.filter((h) => h.date !== null).length);
    // Every page of 50, the most a page holds.
    const firstPage = await searchKnowledge(other.acting, { q: '', sort: 'newest', perPage: 50 });
    const later = await Promise.all(Array.from({ length: firstPage.totalPages - 1 }, (_, i) => searchKnowledge(other.acting, { q: '', sort: 'newest', perPage: 50, page: i + 2 })));
    const newest = [firstPage, ...later].flatMap((page) => page.hits);
    assert.equal(newest.length, firstPage.totalHits);
    assert.equal(newest.at(-1)?.id, undatedId, 'recorded today, but without a date of its own');
    const dates = newest.slice(0, -1).map((h) => h.date?.getTime());
    assert.ok(dates.every((d, i) => d !== undefined && (i === 0 || d <= (dates[i - 1] as number))), 'dated, newest first');
  });

  test('searchKnowledge – sort newest – date before the attribute a word is in; relevance keeps the title match first', async () => {
    await createTestPractice(other.acting, { name: 'Radio Nagari Lama', startDate: '2019-05-01' });
    await createTestPractice(other.acting, { name: 'Jadwal Penyuluhan Terpadu', shortDescription: 'Penyuluhan lewat radio komunitas', startDate: '2024-02-01' });
    await suite.h.syncNow();
    const titles = async (sort: 'relevance' | 'newest'): Promise<string[]> => (await searchKnowledge(other.acting, { q: 'radio', sort })).hits.map((hit) => hit.title);
    assert.deepEqual(await titles('newest'), ['Jadwal Penyuluhan Terpadu', 'Radio Nagari Lama']);
    assert.deepEqual(await titles('relevance'), ['Radio Nagari Lama', 'Jadwal Penyuluhan Terpadu']);
  });

  test('searchKnowledge – snippet from text parts that end with a full stop – one full stop between them', async () => {
    const hit = (await searchKnowledge(other.acting, { q: 'galeri daring' })).hits.find((h) => h.id === undatedId);
    assert.ok(hit);
    assert.match(hit.snippet, /rapi\. <mark>Galeri<\/mark> <mark>daring<\/mark>\./);
    assert.doesNotMatch(hit.snippet, /\.\./);
  });

  test('searchKnowledge – Markdown emphasis in a description – snippet reads as the text, no space before punctuation', async () => {
    await createTestPractice(other.acting, { name: 'Majalah Dinas Bulanan', description: 'Terbit tiap bulan bersama *Podcast Kominfo Corner*, dan majalah **Serambi Mekkah**. Arsip di `data_lama` dan ~~brosur~~ daring.' });
    await suite.h.syncNow();
    const hit = (await searchKnowledge(other.acting, { q: 'serambi' })).hits.find((x) => x.title === 'Majalah Dinas Bulanan');
    assert.ok(hit);
    assert.match(hit.snippet, /^Terbit tiap bulan bersama Podcast Kominfo Corner, dan majalah <mark>Serambi<\/mark> Mekkah\. Arsip di data_lama dan brosur daring\./);
  });

  test('searchKnowledge – Markdown lists in a description – each item a sentence in the snippet, without its bullet or number', async () => {
    await createTestPractice(other.acting, { name: 'Tayangan Berita Pekanan', description: 'Langkah yang ditiru:\n\n- Naskah dari liputan harian\n- Tayang tiap pekan di kanal **PPTV**\n* Arsip diunggah!\n\n1. Nomor episode dicatat\n2) Evaluasi bulanan' });
    await suite.h.syncNow();
    const hit = (await searchKnowledge(other.acting, { q: 'liputan harian' })).hits.find((x) => x.title === 'Tayangan Berita Pekanan');
    assert.ok(hit);
    assert.match(hit.snippet, /^Langkah yang ditiru: Naskah dari <mark>liputan<\/mark> <mark>harian<\/mark>\. Tayang tiap pekan di kanal PPTV\. Arsip diunggah! Nomor episode dicatat\. Evaluasi bulanan\./);
  });

  test('searchKnowledge – a word found through its root in the description only (peliputan: liputan) – the snippet from the description, the word marked', async () => {
    await createTestPractice(other.acting, { name: 'Kanal Warta Kota', shortDescription: 'Tayangan rutin tiap pekan', description: 'Tim kota menyiapkan liputan lapangan untuk kanal warta.' });
    await suite.h.syncNow();
    const hit = (await searchKnowledge(other.acting, { q: 'peliputan' })).hits.find((x) => x.title === 'Kanal Warta Kota');
    assert.ok(hit);
    assert.match(hit.snippet, /^Tim kota menyiapkan <mark>liputan<\/mark> lapangan/);
  });

  test('searchKnowledge – a word with a nasal prefix Sastrawi misreads (pemetaan: eta, penambahan: ambah, mengunjungi: unjung) – found through its root in another form', async () => {
    const { id } = await createTestPractice(other.acting, { name: 'Peta Wifi Kelurahan', shortDescription: 'Titik wifi dipetakan dan ditambah tiap tahun; kantornya dikunjungi warga.' });
    await suite.h.syncNow();
    // "Mengunjungi" alone asks for the visits (record-kinds.json): here with a word of the practice's.
    for (const q of ['pemetaan', 'penambahan', 'mengunjungi kantor']) assert.ok((await searchKnowledge(other.acting, { q })).hits.some((hit) => hit.id === id), q);
  });

  test('searchKnowledge – no record holds every word, the first page not full – the records holding the words after the first shown apart, outside the count', async () => {
    const { id: gamelan } = await createTestPractice(other.acting, { name: 'Gamelan Balai Nagari', shortDescription: 'Latihan gamelan tiap malam Minggu.' });
    const { id: lumbung } = await createTestPractice(other.acting, { name: 'Lumbung Pangan Nagari', shortDescription: 'Stok lumbung pangan dicatat daring.' });
    await suite.h.syncNow();
    const result = await searchKnowledge(other.acting, { q: 'gamelan lumbung pangan' });
    assert.deepEqual(result.hits.map((hit) => hit.id), [gamelan]);
    assert.equal(result.totalHits, 1);
    assert.equal(result.withoutFirstWord?.word, 'gamelan');
    assert.deepEqual(result.withoutFirstWord?.hits.map((hit) => hit.id), [lumbung]);
    // A word no record holds is left out of both.
    const missing = await searchKnowledge(other.acting, { q: 'gamelan zzkata pangan' });
    assert.deepEqual([missing.missingWords, missing.hits.map((hit) => hit.id), missing.withoutFirstWord?.hits[0]?.id], [['zzkata'], [gamelan], lumbung]);
    // Nothing apart: a record holds every word; the first page is full; one word, whose root alone the best hit holds.
    assert.equal((await searchKnowledge(other.acting, { q: 'lumbung pangan' })).withoutFirstWord, undefined);
    assert.equal((await searchKnowledge(other.acting, { q: 'gamelan lumbung pangan', perPage: 1 })).withoutFirstWord, undefined);
    const affixed = await searchKnowledge(other.acting, { q: 'bergamelan' });
    assert.ok(affixed.hits.length > 0, 'found through the root only');
    assert.equal(affixed.withoutFirstWord, undefined);
    // Holding the root of every word typed is holding them all: the form written otherwise is only ranked.
    assert.equal(affixed.partial, undefined);
    const forms = await searchKnowledge(other.acting, { q: 'bergamelan nagari' });
    assert.deepEqual([forms.hits[0]?.id, forms.partial, forms.withoutFirstWord], [gamelan, undefined, undefined]);
    // Nor when the words after the first only name a kind: every record of it would be listed.
    assert.equal((await searchKnowledge(other.acting, { q: 'gamelan pelajaran' })).withoutFirstWord, undefined);
  });

  test('searchKnowledge – a word whose root Sastrawi shares with a function word or another meaning (peliputan: meliputi, kejadian: menjadi, pengaduan: memadukan, pengikut: mengikuti, masukan: surat masuk) – not found through it', async () => {
    const { id } = await createTestPractice(other.acting, {
      name: 'Format Laporan Wilayah',
      shortDescription: 'Laporan meliputi lokasi dan dampak, termasuk foto. Surat masuk diarsipkan.',
      description: 'Disusun berdasarkan pedoman yang memadukan data dinas menurut wilayah sehingga menjadi satu, mengikuti format provinsi.',
    });
    await suite.h.syncNow();
    for (const q of ['peliputan', 'kejadian', 'pengaduan', 'masukan', 'dasar', 'urutan', 'pengikut']) {
      const ids = (await searchKnowledge(other.acting, { q })).hits.map((hit) => hit.id);
      assert.ok(!ids.includes(id), q);
    }
    // The words themselves, and their own roots, still find it.
    for (const q of ['meliputi', 'menjadi', 'terpadu', 'diikuti']) assert.ok((await searchKnowledge(other.acting, { q })).hits.some((hit) => hit.id === id), q);
  });

  test('searchKnowledge – an affixed word a record holds only in its topic\'s or its agency\'s name (Pengelolaan pengaduan, Kabupaten Kepulauan Mentawai) – found by it, as by its root', async () => {
    const { id } = await createTestPractice(other.acting, { name: 'Kotak Saran Keliling', shortDescription: 'Keluhan warga dicatat petugas keliling', topics: ['pengaduan'] });
    const mentawai = await createUser({ role: 'staff', agency: (await createAgency({ name: 'Diskominfo Kabupaten Kepulauan Mentawai', shortName: 'Diskominfo Mentawai', regionCode: '13.09', level: 'kabupaten' })).id });
    const radio = await createTestPractice(mentawai.acting, { name: 'Radio Dusun Terhubung', shortDescription: 'Siaran radio untuk dusun tanpa sinyal' });
    await suite.h.syncNow();
    for (const q of ['pengaduan', 'aduan']) assert.ok((await searchKnowledge(other.acting, { q })).hits.some((hit) => hit.id === id), q);
    assert.ok((await searchKnowledge(other.acting, { q: 'kepulauan mentawai' })).hits.some((hit) => hit.id === radio.id));
  });

  test('searchKnowledge – people named by what they do: pelajar (students), pelaku (actors) – the records on them, siswa too; not those saying mempelajari (to study), melakukan (to do)', async () => {
    const { id } = await createTestPractice(other.acting, { name: 'Kelas Internet Sehat', shortDescription: 'Siswa SMP belajar memilah kabar di internet' });
    const clinic = await createTestPractice(other.acting, { name: 'Klinik Pelaku Usaha', shortDescription: 'Pendampingan izin bagi pelaku usaha mikro' });
    const audit = await createTestPractice(other.acting, { name: 'Uji Keamanan Aplikasi', shortDescription: 'Tim melakukan uji sebelum aplikasi usaha diluncurkan' });
    await suite.h.syncNow();
    const actors = (await searchKnowledge(other.acting, { q: 'pelaku usaha' })).hits.map((hit) => hit.id);
    assert.ok(actors.includes(clinic.id) && !actors.includes(audit.id), JSON.stringify(actors));
    const titles = (await searchKnowledge(other.acting, { q: 'pelajar' })).hits.map((hit) => hit.title);
    assert.ok(titles.includes('Kelas Internet Sehat'), titles.join(' | '));
    // "Warga mempelajari laporan kinerja dinas": mempelajari is of the root ajar, pelajar no longer.
    assert.ok(!titles.includes('Pelaporan Kinerja Terbuka'), titles.join(' | '));
    assert.equal((await searchKnowledge(other.acting, { q: 'pelajar' })).hits[0]?.id, id);
  });

  test('searchKnowledge – match deep in a long description – snippet cropped around it, with ellipses', async () => {
    const filler = (word: string): string => Array.from({ length: 60 }, (_, i) => `${word}${i}`).join(' ');
    await createTestPractice(other.acting, { name: 'Buletin Kecamatan', description: `${filler('awal')} jadwal kalibrasi timbangan posyandu ${filler('akhir')}` });
    await suite.h.syncNow();
    const hit = (await searchKnowledge(other.acting, { q: 'kalibrasi' })).hits.find((x) => x.title === 'Buletin Kecamatan');
    assert.ok(hit);
    assert.match(hit.snippet, /^….*<mark>kalibrasi<\/mark>.*…$/);
    // eslint-disable-next-line no-control-regex -- no marker of the engine may reach the page
    assert.doesNotMatch(hit.snippet, /[\u0000-\u001f]/);
  });

  test('searchKnowledge – the word typed last comes earlier in the engine query (dilihat pengunjung asks `pengunjung "lihat" dilihat`), alone it finds only the start of another word through a typo (mengunjungi) – named missing, the records of the other word listed', async () => {
    const { id } = await createTestPractice(other.acting, { name: 'Papan Nomor Loket', shortDescription: 'Nomor panggilan dilihat dari kursi tunggu' });
    await createTestPractice(other.acting, { name: 'Tur Studio Dinas', shortDescription: 'Rombongan sekolah mengunjungi studio tiap Jumat' });
    await suite.h.syncNow();
    const result = await searchKnowledge(other.acting, { q: 'dilihat pengunjung' });
    assert.deepEqual([result.missingWords, result.hits.some((hit) => hit.id === id)], [['pengunjung'], true]);
  });

  test('searchKnowledge – KLA, kabupaten layak anak – the record on a child-friendly city (a synonym group); beside other words, the phrase no record holds named missing whole', async () => {
    const { id } = await createTestPractice(other.acting, { name: 'Forum Anak Nagari', shortDescription: 'Suara anak untuk penilaian kota layak anak' });
    await suite.h.syncNow();
    for (const q of ['kla', 'kabupaten layak anak']) assert.equal((await searchKnowledge(other.acting, { q })).hits[0]?.id, id, q);
    await deletePractice(other.acting, id);
    await suite.h.syncNow();
    const absent = await searchKnowledge(other.acting, { q: 'podcast kota layak anak' });
    assert.deepEqual([absent.missingWords, absent.hits.some((hit) => hit.title.startsWith('Podcast'))], [['kota layak anak'], true]);
  });

  test('searchKnowledge – a city by the short name its people write (padpan, bkt) – the records naming it in full (a synonym group)', async () => {
    const { id } = await createTestPractice(other.acting, { name: 'Jam Gadang Bercerita', shortDescription: 'Pemandu wisata Bukittinggi bercerita lewat siaran langsung' });
    await suite.h.syncNow();
    assert.deepEqual((await searchKnowledge(other.acting, { q: 'bkt' })).hits.map((hit) => hit.id), [id]);
    const padpan = await searchKnowledge(other.acting, { q: 'siaran padpan' });
    assert.equal(padpan.hits[0]?.title, 'Padang Panjang Sepekan');
    assert.equal(padpan.missingWords, undefined);
  });
});
