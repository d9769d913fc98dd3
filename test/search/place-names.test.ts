import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadReferenceRegions } from '../../src/modules/regions/region-reference.js';
import { keysOfPlaces, placeKeysIn, placeNames, placeNamesOf, placeNameWords, type PlaceNames } from '../../src/search/place-names.js';
import { expandQuery, readWords } from '../../src/search/query-terms.js';
import { joinedPlaceSearches } from '../../src/search/joined-places.js';
import { readPlacesLeftOut } from '../../src/search/outside-places.js';
import { searchKnowledge } from '../../src/search/search.service.js';
import { words } from '../../src/search/stemmer.js';
import { createAgency, createUser, type CreatedUser } from '../helpers/factories.js';
import { createHostAgency, createTestVisit } from '../helpers/knowledge-factories.js';
import { createTestLesson, createTestPractice } from '../helpers/practice-factories.js';
import { useSearchSuite } from './search-harness.js';

/** The keys of a place, as involved and as visited: "wil", "wilke" and its code without the dot. */
const regionKey = (code: string): string => `wil${code.replace('.', '')}`;
const hostKey = (code: string): string => `wilke${code.replace('.', '')}`;

describe('place names in a query', () => {
  let names: PlaceNames;
  before(async () => {
    names = placeNamesOf(await loadReferenceRegions());
  });

  const cases: [query: string, codes: string[]][] = [
    ['kab solok', ['13.02']],
    ['kab. solok', ['13.02']],
    ['pemkab solok', ['13.02']],
    ['kota solok', ['13.72']],
    ['pemko padang panjang', ['13.74']],
    ['diskominfo kota padang', ['13.71']],
    // The longest name wins: Kabupaten Solok Selatan, not Kabupaten Solok followed by "selatan".
    ['podcast kabupaten solok selatan', ['13.11']],
    ['solok selatan', ['13.11']],
    // A name holding a kind's word: Kabupaten Lima Puluh Kota.
    ['kabupaten lima puluh kota', ['13.07']],
    ['ppid sumatera barat', ['13']],
    ['provinsi sumatera barat', ['13']],
    ['sumbar', ['13']],
    ['diy', ['34']],
    ['jakarta pusat', ['31.71']],
    // DKI Jakarta without its status; Jakarta Pusat is a longer name.
    ['ppid jakarta', ['31']],
    ['kota solok dan padang panjang', ['13.72', '13.74']],
    ['inovasi kota', []],
  ];
  for (const [query, codes] of cases) {
    test(`placeKeysIn – "${query}" – ${codes.length > 0 ? codes.join(', ') : 'no place'}`, () => {
      assert.deepEqual(placeKeysIn(words(query), names), codes.map(regionKey));
    });
  }

  test('placeKeysIn – a place after "ke" (studi tiru ke padang panjang) – its key, then its key as the place visited', () => {
    assert.deepEqual(placeKeysIn(words('studi tiru ke padang panjang'), names), [regionKey('13.74'), hostKey('13.74')]);
    assert.deepEqual(placeKeysIn(words('kunjungan kota solok ke sumbar'), names), [regionKey('13.72'), regionKey('13'), hostKey('13')]);
    // Words of an agency between: the place is still the one visited; not past another place.
    assert.deepEqual(placeKeysIn(words('belajar ke diskominfo kota padang panjang'), names), [regionKey('13.74'), hostKey('13.74')]);
    // An agency's name of several words, a synonym phrase typed whole, is as near as its one word.
    assert.deepEqual(placeKeysIn(words('ke dinas komunikasi dan informatika kota padang panjang'), names), [regionKey('13.74'), hostKey('13.74')]);
    assert.deepEqual(placeKeysIn(words('ke pasar ikan dan sayur kota padang panjang'), names), [regionKey('13.74')]);
    assert.deepEqual(placeKeysIn(words('ke sumbar kota solok'), names), [regionKey('13'), hostKey('13'), regionKey('13.72')]);
  });

  test('placeKeysIn – English read first (lessons from visits to west sumatra) – the province, as the place visited', () => {
    assert.deepEqual(placeKeysIn(readWords('lessons from visits to west sumatra'), names), [regionKey('13'), hostKey('13')]);
  });

  test('readWords – an English kind of place after its name (bandung city, solok regency) – put before it, read: that place, also to leave out', async () => {
    await placeNames();
    assert.deepEqual(readWords('podcasts in bandung city'), ['podcast', 'di', 'kota', 'bandung']);
    assert.deepEqual(placeKeysIn(readWords('visits to solok regency'), names), [regionKey('13.02'), hostKey('13.02')]);
    assert.deepEqual(readPlacesLeftOut('visits except bandung city', names)?.left.involved.names, ['Kota Bandung']);
  });

  test('placeKeysIn – a name several places have (solok: Kabupaten and Kota; bengkulu: the province and its capital) – the key of the name', () => {
    assert.deepEqual(placeKeysIn(words('solok'), names), ['wilnamasolok']);
    assert.deepEqual(placeKeysIn(words('bengkulu'), names), ['wilnamabengkulu']);
    // Daerah Istimewa Yogyakarta without its status, and Kota Yogyakarta.
    assert.deepEqual(placeKeysIn(words('yogyakarta'), names), ['wilnamayogyakarta']);
    // Another name of the synonym data: the same key.
    assert.deepEqual(placeKeysIn(words('jogja'), names), ['wilnamayogyakarta']);
    // Kepulauan abbreviated as addresses write it (the Riau of "kep riau" had been read as the province Riau).
    assert.deepEqual(placeKeysIn(words('kep riau'), names), [regionKey('21')]);
    assert.deepEqual(placeKeysIn(words('kab. kep. mentawai'), names), [regionKey('13.09')]);
    // Solo is Kota Surakarta (its key), no prefix of Solok.
    assert.deepEqual(placeKeysIn(words('podcast solo'), names), [regionKey('33.72')]);
    assert.deepEqual(placeKeysIn(words('studi tiru ke bandung'), names), ['wilnamabandung', 'wilkenamabandung']);
  });

  test('keysOfPlaces – a document\'s places – each one\'s code without its dot after "wil" ("wilke" visited), and the key of a name it shares', () => {
    assert.deepEqual(keysOfPlaces(['32', '32.73'], names), ['wil32', 'wilnamajawa', 'wil3273', 'wilnamabandung']);
    assert.deepEqual(keysOfPlaces(['13.74'], names, true), ['wilke1374', 'wilkenamasumatera']);
  });

  test('placeKeysIn – an island (ppid di jawa, pulau sumatera, sumatra) – the key of the name its places share; a longer name is the province (jawa barat), and a province named as the island keeps its name (papua)', () => {
    assert.deepEqual(placeKeysIn(words('ppid di jawa'), names), ['wilnamajawa']);
    for (const q of ['pulau sumatera', 'podcast sumatra']) assert.deepEqual(placeKeysIn(words(q), names), ['wilnamasumatera'], q);
    assert.deepEqual(placeKeysIn(words('ppid jawa barat'), names), [regionKey('32')]);
    assert.deepEqual(placeKeysIn(words('ppid papua'), names), [regionKey('91')]);
    assert.deepEqual(placeKeysIn(words('ppid pulau papua'), names), ['wilnamapapua']);
    // Every place on it holds the key: a province never saying "jawa" (DI Yogyakarta) and its kabupaten.
    assert.deepEqual(keysOfPlaces(['34', '34.04'], names), ['wil34', 'wilnamayogyakarta', 'wilnamajawa', 'wil3404']);
    assert.deepEqual(keysOfPlaces(['13.02'], names), ['wil1302', 'wilnamasolok', 'wilnamasumatera']);
  });

  test('joinedPlaceSearches – places joined by dan, atau or nothing – one search per place held to it, the places before it left out, and the query over the others; none for one place or places apart', () => {
    const searches = joinedPlaceSearches('Podcast kota Solok dan Padang Panjang terbaru', names);
    assert.deepEqual(searches, [
      { q: 'podcast kota solok terbaru', filter: [['regionCodes IN ["13.72"]']] },
      { q: 'podcast padang panjang terbaru', filter: [['regionCodes IN ["13.74"]'], 'regionCodes NOT IN ["13.72"]'] },
      { q: 'Podcast kota Solok dan Padang Panjang terbaru', filter: ['regionCodes NOT IN ["13.72", "13.74"]'] },
    ]);
    assert.deepEqual(joinedPlaceSearches('ppid sumbar atau jawa tengah', names)?.map((search) => search.filter[0]), [['provinceCodes IN ["13"]'], ['provinceCodes IN ["33"]'], 'provinceCodes NOT IN ["13", "33"]']);
    for (const q of ['podcast kota solok', 'kunjungan kota solok ke padang panjang', 'podcast "kota solok dan padang panjang"']) assert.equal(joinedPlaceSearches(q, names), null, q);
  });

  test('readWords – the names of places count for neither language – "visits to padang panjang" and "PPID online services in Sumatera Barat" read as English', async () => {
    await placeNames();
    assert.deepEqual(readWords('visits to padang panjang'), ['kunjungan', 'ke', 'padang', 'panjang']);
    assert.deepEqual(readWords('PPID online services in Sumatera Barat'), ['ppid', 'layanan', 'online', 'di', 'sumatera', 'barat']);
    // No place: Indonesian with an English term of the trade stays as typed.
    assert.deepEqual(readWords('podcast humas kota solok'), ['podcast', 'humas', 'kota', 'solok']);
  });

  test('expandQuery – a place named beside a subject – its words after its key, a verb of learning after them; named alone – its words first', () => {
    const jawaBarat = placeNameWords(words('literasi digital jawa barat'), names);
    assert.deepEqual([...jawaBarat], ['jawa', 'barat']);
    assert.equal(expandQuery('literasi digital jawa barat', false, {}, ['wil32'], jawaBarat), 'literasi digital wil32 jawa barat');
    assert.equal(expandQuery('jawa barat', false, {}, ['wil32'], jawaBarat), 'jawa barat wil32');
    // A verb of learning after them: what the place's agency learnt, not every record saying "belajar".
    const padang = placeNameWords(words('kominfo padang belajar apa'), names);
    assert.equal(expandQuery('kominfo padang belajar apa', false, {}, ['wil1371'], padang), 'kominfo wil1371 padang ajar belajar');
  });

  test('expandQuery – a thing asked about opening a question – kept only where a place\'s name starts with it (di kota solok), not before a verb (which agencies visited)', async () => {
    await placeNames();
    assert.equal(expandQuery('dinas apa saja yang ada di kota solok'), 'kota solok');
    assert.equal(expandQuery('which agencies visited bandung'), 'bandung kunjung kunjungan');
    assert.equal(expandQuery('which cities visited the command center'), 'command center kunjung kunjungan');
    // "That" is "yang": "agencies that visited" asks as "instansi yang berkunjung" does (instansi had been searched first).
    assert.equal(expandQuery('agencies that visited bandung'), 'bandung kunjung kunjungan');
    // The thing asked about, then only where it lies: no record says "instansi" of itself; in English "in" is "di".
    assert.equal(expandQuery('instansi di jawa tengah'), 'jawa tengah');
    assert.equal(expandQuery('agencies in central java'), 'jawa tengah');
    assert.equal(expandQuery('instansi vertikal di jawa tengah'), 'instansi vertikal di jawa tengah');
  });

  test('expandQuery – the kind of the places lying in one named (kabupaten di sumbar, kota-kota se-jawa barat) – left out with "se"; a word of a name before it kept (kabupaten lima puluh kota di sumbar)', async () => {
    await placeNames();
    const searched = (q: string): string[] => expandQuery(q).split(' ');
    for (const q of ['inovasi kabupaten di sumbar tentang kim', 'praktik kota-kota se-jawa barat', 'podcast kabupaten dan kota se sumbar', 'pemkab di jawa tengah']) {
      assert.ok(!searched(q).some((word) => ['kabupaten', 'kota', 'pemkab', 'se'].includes(word)), `${q}: ${expandQuery(q)}`);
    }
    assert.ok(searched('kabupaten lima puluh kota di sumbar').includes('kota'), expandQuery('kabupaten lima puluh kota di sumbar'));
    // Not before a word that names no place, nor "se" there (SE: a circular letter).
    assert.ok(searched('inovasi kota di pesisir').includes('kota'));
    assert.ok(searched('se bupati medsos').includes('se'));
  });

  test('expandQuery – a thing asked about named as the one replicating (direplikasi kabupaten, diadopsi oleh dinas) – left out; a place\'s name kept (ditiru kota solok)', async () => {
    await placeNames();
    assert.equal(expandQuery('praktik yang bisa direplikasi kabupaten'), 'praktik replikasi direplikasi');
    assert.equal(expandQuery('videotron yang diadopsi oleh dinas'), 'videotron adopsi diadopsi');
    assert.equal(expandQuery('podcast yang ditiru kota solok'), 'podcast kota solok tiru ditiru');
  });

  test('placeKeysIn – four places named – the first three', () => {
    assert.deepEqual(placeKeysIn(words('kota solok kota padang kota medan kota bandung'), names), ['13.72', '13.71', '12.71'].map(regionKey));
  });

});

describe('searchKnowledge – places named', () => {
  const suite = useSearchSuite();
  let reader: CreatedUser;

  before(async () => {
    // Solok Selatan's records come first in insertion order, the last tie-break of the engine.
    const selatan = await createAgency({ name: 'Diskominfo Kabupaten Solok Selatan', shortName: 'Diskominfo Solok Selatan', regionCode: '13.11', level: 'kabupaten' });
    const solok = await createAgency({ name: 'Diskominfo Kabupaten Solok', shortName: 'Diskominfo Solok', regionCode: '13.02', level: 'kabupaten' });
    const fromSelatan = await createUser({ role: 'staff', agency: selatan.id });
    const fromSolok = await createUser({ role: 'staff', agency: solok.id });
    reader = await createUser({ role: 'planner', agency: solok.id });
    await createTestPractice(fromSelatan.acting, { name: 'Podcast Selatan Mendengar', shortDescription: 'Obrolan bupati bersama warga' });
    await createTestLesson(fromSelatan.acting, { title: 'Podcast perlu jadwal tetap', observedOn: '2023-05-02' });
    await createTestPractice(fromSolok.acting, { name: 'Podcast Nagari', shortDescription: 'Obrolan wali nagari bersama warga' });
    // Visits, in insertion order: within Kabupaten Solok; both ways between it and Kota Padang
    // Panjang; both ways between it and Kota Semarang, in another province.
    const bappeda = await createAgency({ name: 'Bappeda Kabupaten Solok', shortName: 'Bappeda Solok', regionCode: '13.02', level: 'kabupaten' });
    await createTestVisit(fromSolok.acting, { hostAgencyIds: [bappeda.id], purpose: 'Belajar perencanaan nagari' });
    const padangPanjang = await createHostAgency();
    const fromPadangPanjang = await createUser({ role: 'staff', agency: padangPanjang.id });
    await createTestVisit(fromPadangPanjang.acting, { hostAgencyIds: [solok.id], purpose: 'Belajar pasar tani daring' });
    const toPadangPanjang = await createTestVisit(fromSolok.acting, { hostAgencyIds: [padangPanjang.id], purpose: 'Belajar siaran berita mingguan' });
    // Its title names Padang Panjang; the other lesson was learned there.
    await createTestLesson(fromSolok.acting, { title: 'Pasar tani Padang Panjang perlu jadwal tetap', observedOn: '2022-06-01' });
    await createTestLesson(fromSolok.acting, { title: 'Siaran pasar tani perlu pembawa acara tetap', visitId: toPadangPanjang.id, observedOn: '2022-06-01' });
    const semarang = await createAgency({ name: 'Diskominfo Kota Semarang', shortName: 'Diskominfo Semarang', regionCode: '33.74' });
    const fromSemarang = await createUser({ role: 'staff', agency: semarang.id });
    await createTestVisit(fromSemarang.acting, { hostAgencyIds: [solok.id], purpose: 'Belajar radio nagari' });
    await createTestVisit(fromSolok.acting, { hostAgencyIds: [semarang.id], purpose: 'Berkunjung untuk belajar pusat data kota' });
    // Of 2023, the others of 2022; it holds "kabupaten" and "solok" too.
    await createTestVisit(fromSelatan.acting, { hostAgencyIds: [padangPanjang.id], purpose: 'Belajar siaran radio', startDate: '2023-04-03', endDate: '2023-04-03' });
    // "Sandiwara jawa tengah": Semarang's record; Kabupaten Solok's with the word in its title; and
    // Solok Selatan's, whose text holds "jawa" and "tengah" apart, in no name of Jawa Tengah.
    await createTestPractice(fromSemarang.acting, { name: 'Sandiwara Kota Lama', shortDescription: 'Pentas sandiwara radio tiap bulan' });
    await createTestPractice(fromSolok.acting, { name: 'Sandiwara Nagari', shortDescription: 'Cerita bersambung untuk warga' });
    await createTestPractice(fromSelatan.acting, { name: 'Cerita Warga Selatan', shortDescription: 'Siaran cerita rakyat', description: 'Sandiwara berbahasa Jawa disiarkan tiap tengah pekan.' });
    // "Radio semarang belajar": Semarang's radio practice says no "belajar", Solok Selatan's does.
    await createTestPractice(fromSelatan.acting, { name: 'Radio Komunitas Selatan', shortDescription: 'Warga belajar mengelola radio komunitas' });
    // "Festival kabupaten di sumbar": Semarang's says "kabupaten", Kota Padang Panjang's (Sumatera Barat) does not.
    await createTestPractice(fromSemarang.acting, { name: 'Festival Pesisir', shortDescription: 'Festival seni bersama kabupaten tetangga' });
    await createTestPractice(fromPadangPanjang.acting, { name: 'Festival Serambi', shortDescription: 'Festival budaya di alun-alun' });
    // "Festival interaktif padang panjang": no record holds both words, the festivals above the first word.
    await createTestPractice(fromSolok.acting, { name: 'Peta Interaktif Lahan', shortDescription: 'Batas lahan dapat dilihat penduduk' });
    // "Gamelan di jawa": Kabupaten Solok's first in insertion order; Kota Yogyakarta's, on Jawa, says no "jawa".
    await createTestPractice(fromSolok.acting, { name: 'Gamelan Nagari', shortDescription: 'Latihan talempong dan gamelan untuk pelajar' });
    // "Wayang kota semarang dan kabupaten solok": Solok Selatan's says "wayang" in its title, the two places' in their descriptions only.
    await createTestPractice(fromSelatan.acting, { name: 'Wayang Nagari Selatan', shortDescription: 'Pertunjukan wayang untuk warga' });
    await createTestPractice(fromSemarang.acting, { name: 'Pentas Kota Lama', shortDescription: 'Pertunjukan wayang di kota lama' });
    await createTestPractice(fromSolok.acting, { name: 'Pentas Nagari', shortDescription: 'Pertunjukan wayang di nagari' });
    const yogyakarta = await createAgency({ name: 'Diskominfosan Kota Yogyakarta', shortName: 'Diskominfosan Yogyakarta', regionCode: '34.71' });
    await createTestPractice((await createUser({ role: 'staff', agency: yogyakarta.id })).acting, { name: 'Gamelan Digital Kampung', shortDescription: 'Rekaman gamelan kampung dibagikan daring' });
    await suite.h.syncNow();
  });

  const titles = async (q: string, type?: string[]): Promise<string[]> => (await searchKnowledge(reader.acting, { q, type })).hits.map((hit) => hit.title);

  test('searchKnowledge – "sandiwara jawa tengah" – the record of Jawa Tengah first; one holding "jawa" and "tengah" apart outranks no other record of the subject', async () => {
    assert.deepEqual(await titles('sandiwara jawa tengah'), ['Sandiwara Kota Lama', 'Sandiwara Nagari', 'Cerita Warga Selatan']);
  });

  test('searchKnowledge – an island named (gamelan di jawa) – the record of a place on it first, though it never says the island\'s name', async () => {
    assert.deepEqual(await titles('gamelan di jawa'), ['Gamelan Digital Kampung', 'Gamelan Nagari']);
    assert.deepEqual(await titles('gamelan sumatera'), ['Gamelan Nagari', 'Gamelan Digital Kampung']);
  });

  test('searchKnowledge – places joined (wayang kota semarang dan kabupaten solok) – the records of each before those of other places, counted once', async () => {
    const result = await searchKnowledge(reader.acting, { q: 'wayang kota semarang dan kabupaten solok' });
    const titles = result.hits.map((hit) => hit.title);
    // The two places' records by score, whichever place first; then the record of another place.
    assert.deepEqual([titles.slice(0, 2).sort(), titles[2]], [['Pentas Kota Lama', 'Pentas Nagari'], 'Wayang Nagari Selatan']);
    assert.equal(result.totalHits, 3);
    assert.equal(result.facets.type.find((value) => value.value === 'practice')?.count, 3);
  });

  test('searchKnowledge – the kind of the places lying in one named (festival kabupaten di sumbar) – the place\'s record first, not one of elsewhere saying the kind', async () => {
    for (const q of ['festival kabupaten di sumbar', 'festival kota-kota se-sumbar']) assert.deepEqual((await titles(q)).slice(0, 1), ['Festival Serambi'], q);
  });

  test('searchKnowledge – a place named, no record holding every other word (festival interaktif padang panjang) – of the records holding the first, the place\'s first', async () => {
    const result = await searchKnowledge(reader.acting, { q: 'festival interaktif padang panjang' });
    assert.equal(result.partial, true);
    assert.deepEqual(result.hits.map((hit) => hit.title), ['Festival Serambi', 'Festival Pesisir']);
  });

  test('searchKnowledge – "podcast kab solok" – the record of Kabupaten Solok before those of Kabupaten Solok Selatan, which hold the same words', async () => {
    assert.deepEqual((await titles('podcast kab solok')).slice(0, 1), ['Podcast Nagari']);
  });

  test('searchKnowledge – "podcast solok selatan" – Solok Selatan\'s records first', async () => {
    const found = await titles('podcast solok selatan');
    assert.deepEqual(found.slice(0, 2).sort(), ['Podcast Selatan Mendengar', 'Podcast perlu jadwal tetap'], found.join(' | '));
  });

  test('searchKnowledge – a place no hit involves, every typed word held – no partial result, nothing named missing', async () => {
    const result = await searchKnowledge(reader.acting, { q: 'podcast kab solok', type: ['lesson'] });
    assert.deepEqual(result.hits.map((hit) => hit.title), ['Podcast perlu jadwal tetap']);
    assert.equal(result.partial, undefined);
    assert.equal(result.missingWords, undefined);
  });

  test('searchKnowledge – no record involving the place named holds the other words – the place named absent, by its name; not when one does, nor for a place alone', async () => {
    assert.equal((await searchKnowledge(reader.acting, { q: 'podcast kab solok', type: ['lesson'] })).placeAbsent, 'Kabupaten Solok');
    assert.equal((await searchKnowledge(reader.acting, { q: 'podcast jawa tengah' })).placeAbsent, 'Jawa Tengah');
    assert.equal((await searchKnowledge(reader.acting, { q: 'podcast kab solok' })).placeAbsent, undefined);
    assert.equal((await searchKnowledge(reader.acting, { q: 'kab solok', type: ['lesson'] })).placeAbsent, undefined);
    // Solok Selatan's records say "siaran" and "disiarkan", none "penyiaran": the key is not known absent.
    assert.equal((await searchKnowledge(reader.acting, { q: 'penyiaran solok selatan' })).placeAbsent, undefined);
    // A later page whose first hit is of another place: the first page's best is of Kabupaten Solok.
    const second = await searchKnowledge(reader.acting, { q: 'podcast kab solok', perPage: 1, page: 2 });
    assert.doesNotMatch(second.hits[0]?.title ?? '', /Nagari/);
    assert.equal(second.placeAbsent, undefined);
  });

  test('searchKnowledge – a typo in a longer place\'s name (siaran padang pnajang) – the shorter place it reads (Kota Padang) not named absent beside the suggestion of the longer one', async () => {
    const result = await searchKnowledge(reader.acting, { q: 'siaran padang pnajang' });
    assert.equal(result.suggestion, 'siaran padang panjang');
    assert.equal(result.placeAbsent, undefined);
    // A typo in another word keeps the place read: it is still named absent.
    assert.equal((await searchKnowledge(reader.acting, { q: 'podcst kab solok', type: ['lesson'] })).placeAbsent, 'Kabupaten Solok');
  });

  const visits = async (q: string): Promise<string[]> => (await searchKnowledge(reader.acting, { q, type: ['visit'] })).hits.map((hit) => hit.title);

  test('searchKnowledge – a place after "ke" – the visits to it first, then those from it', async () => {
    assert.match((await visits('studi tiru ke padang panjang'))[0] ?? '', /→ Diskominfo Padang Panjang$/);
    const toSolok = await visits('studi tiru ke kab solok');
    assert.deepEqual(toSolok.slice(0, 3).sort(), ['Diskominfo Padang Panjang → Diskominfo Solok', 'Diskominfo Semarang → Diskominfo Solok', 'Diskominfo Solok → Bappeda Solok'], toSolok.join(' | '));
  });

  test('searchKnowledge – a place after "ke" typed with a typo (studi tiru ke semarnag) – read as the place: the visit to it first, the spelling offered', async () => {
    const result = await searchKnowledge(reader.acting, { q: 'studi tiru ke semarnag', type: ['visit'] });
    assert.deepEqual([result.hits[0]?.title, result.suggestion], ['Diskominfo Solok → Diskominfo Semarang', 'studi tiru ke semarang'], result.hits.map((hit) => hit.title).join(' | '));
  });

  test('searchKnowledge – a verb of visiting before the place (siapa yang pernah berkunjung ke kab solok) – read as the kind\'s word: the visits to it first, though one from it says "berkunjung"', async () => {
    const toSolok = await visits('siapa yang pernah berkunjung ke kab solok');
    assert.deepEqual(toSolok.slice(0, 3).sort(), ['Diskominfo Padang Panjang → Diskominfo Solok', 'Diskominfo Semarang → Diskominfo Solok', 'Diskominfo Solok → Bappeda Solok'], toSolok.join(' | '));
    assert.match((await visits('mengunjungi padang panjang'))[0] ?? '', /→ Diskominfo Padang Panjang$/);
  });

  test('searchKnowledge – English with a place (visits to padang panjang) – read as English, the visits to it first', async () => {
    assert.match((await visits('visits to padang panjang'))[0] ?? '', /→ Diskominfo Padang Panjang$/);
  });

  test('searchKnowledge – a place to leave out (podcast di luar kab solok, sandiwara selain jawa) – only other places\' records, facets counted without them; the places named', async () => {
    // As words, "kab solok" had put Kabupaten Solok's podcast first.
    const notSolok = await searchKnowledge(reader.acting, { q: 'podcast di luar kab solok' });
    assert.deepEqual(notSolok.hits.map((hit) => hit.title).sort(), ['Podcast Selatan Mendengar', 'Podcast perlu jadwal tetap']);
    assert.deepEqual(notSolok.placesLeftOut, { involved: ['Kabupaten Solok'], visited: [] });
    const notJava = await searchKnowledge(reader.acting, { q: 'sandiwara selain jawa' });
    assert.deepEqual(notJava.hits.map((hit) => hit.title).sort(), ['Cerita Warga Selatan', 'Sandiwara Nagari']);
    assert.deepEqual(notJava.facets.province.map((value) => value.value), ['13']);
  });

  test('searchKnowledge – the place visited to leave out (studi tiru ke luar kab solok) – no visit to it; its own visits, leaving it, first', async () => {
    const result = await searchKnowledge(reader.acting, { q: 'studi tiru ke luar kab solok', type: ['visit'] });
    const found = result.hits.map((hit) => hit.title);
    assert.ok(!found.some((title) => title.endsWith('→ Diskominfo Solok') || title.endsWith('→ Bappeda Solok')), found.join(' | '));
    assert.deepEqual(found.slice(0, 2).sort(), ['Diskominfo Solok → Diskominfo Padang Panjang', 'Diskominfo Solok → Diskominfo Semarang'], found.join(' | '));
    assert.ok(found.includes('Diskominfo Solok Selatan → Diskominfo Padang Panjang'), found.join(' | '));
    assert.deepEqual(result.placesLeftOut, { involved: [], visited: ['Kabupaten Solok'] });
    // A suggestion keeps the words read as typed, the place with them.
    assert.equal((await searchKnowledge(reader.acting, { q: 'kunjungn ke luar kab solok' })).suggestion, 'kunjungan ke luar kab solok');
  });

  test('searchKnowledge – a verb of learning after a subject and a place (radio semarang belajar) – the place\'s record first, though another\'s says "belajar"', async () => {
    assert.equal((await titles('radio semarang belajar', ['practice']))[0], 'Sandiwara Kota Lama');
  });

  test('searchKnowledge – a name Kota and Kabupaten Semarang share, after "ke" – the visits to Kota Semarang first', async () => {
    assert.equal((await visits('studi tiru ke semarang'))[0], 'Diskominfo Solok → Diskominfo Semarang');
  });

  test('searchKnowledge – a lesson learned on a visit to the place named – before a lesson of the same agency whose title names the place', async () => {
    const lessons = (await searchKnowledge(reader.acting, { q: 'pasar tani ke padang panjang', type: ['lesson'] })).hits.map((hit) => hit.title);
    assert.equal(lessons[0], 'Siaran pasar tani perlu pembawa acara tetap', lessons.join(' | '));
  });

  test('searchKnowledge – a long question whose place keys would fall past the engine\'s ten words – the lesson learned on the visit to the place first', async () => {
    const q = 'pelajaran apa yang didapat tim diskominfo kabupaten solok dari kunjungan kerja ke diskominfo kota padang panjang tentang pasar tani';
    const lessons = (await searchKnowledge(reader.acting, { q })).hits.map((hit) => hit.title);
    assert.equal(lessons[0], 'Siaran pasar tani perlu pembawa acara tetap', lessons.join(' | '));
  });

  test('searchKnowledge – a place and a year (studi tiru kab solok 2023) – the place\'s visits of other years before another place\'s of that year', async () => {
    const found = await visits('studi tiru kab solok 2023');
    assert.match(found[0] ?? '', /(Diskominfo|Bappeda) Solok(?! Selatan)/, found.join(' | '));
  });

  test('searchKnowledge – a year beside a word no visit holds (hasil studi tiru ke padang panjang 2022) – the visit of that year before one of another year', async () => {
    const found = await visits('hasil studi tiru ke padang panjang 2022');
    assert.equal(found[0], 'Diskominfo Solok → Diskominfo Padang Panjang', found.join(' | '));
  });

  const toOtherProvince = ['Diskominfo Semarang → Diskominfo Solok', 'Diskominfo Solok → Diskominfo Semarang'];

  test('searchKnowledge – a border named (studi tiru ke luar provinsi, kunjungan luar daerah, studi tiru antar kabupaten) – the visits across it first, though none says so', async () => {
    assert.deepEqual((await visits('studi tiru ke luar provinsi')).slice(0, 2).sort(), toOtherProvince);
    const acrossRegions = await visits('kunjungan luar daerah');
    assert.equal(acrossRegions.at(-1), 'Diskominfo Solok → Bappeda Solok', acrossRegions.join(' | '));
    const betweenRegencies = await visits('studi tiru antar kabupaten');
    assert.equal(betweenRegencies.length, 6, betweenRegencies.join(' | '));
    assert.equal(betweenRegencies.at(-1), 'Diskominfo Solok → Bappeda Solok', betweenRegencies.join(' | '));
    // The key stands for the words: no notice that a word is lacking.
    assert.equal((await searchKnowledge(reader.acting, { q: 'kunjungan luar provinsi tentang radio' })).partial, undefined);
  });

  test('searchKnowledge – another place visited (studi tiru ke provinsi lain, visits to other provinces) – read as the border: the visits across it first, not every visit newest first', async () => {
    for (const q of ['studi tiru ke provinsi lain', 'visits to other provinces']) {
      const result = await searchKnowledge(reader.acting, { q, type: ['visit'] });
      assert.deepEqual(result.hits.slice(0, 2).map((hit) => hit.title).sort(), toOtherProvince, q);
      assert.equal(result.kindNamed, undefined, q);
    }
  });

  test('searchKnowledge – another island, or the own province (studi tiru ke luar pulau, kunjungan dalam provinsi) – those visits first, though none says so', async () => {
    assert.deepEqual((await visits('studi tiru ke luar pulau')).slice(0, 2).sort(), toOtherProvince);
    const result = await searchKnowledge(reader.acting, { q: 'kunjungan dalam provinsi', type: ['visit'] });
    const within = result.hits.map((hit) => hit.title);
    assert.equal(within.length, 6, within.join(' | '));
    assert.deepEqual(within.slice(-2).sort(), toOtherProvince, within.join(' | '));
    assert.equal(result.partial, undefined);
  });

  test('searchKnowledge – a border named beside a word no record holds – the word named missing, the visits across the border still first', async () => {
    const result = await searchKnowledge(reader.acting, { q: 'studi tiru luar provinsi zzkata', type: ['visit'] });
    assert.deepEqual(result.missingWords, ['zzkata']);
    assert.deepEqual(result.hits.slice(0, 2).map((hit) => hit.title).sort(), toOtherProvince);
  });

  test('searchKnowledge – typing (search-as-you-type) – no place read, the last word still a prefix', async () => {
    const result = await searchKnowledge(reader.acting, { q: 'kab solok sela', typing: true, facets: false });
    assert.ok(result.hits.length >= 3 && result.hits.slice(0, 3).every((hit) => hit.agencyNames.includes('Diskominfo Solok Selatan')), result.hits.map((hit) => hit.title).join(' | '));
  });
});
