import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Stemmer } from 'sastrawijs';
import { ASKED_ABOUT, ASKED_VERBS, ASPECT_FORMS, ASPECT_PHRASES, ASPECT_WORDS, ENGLISH_ALSO_ROOTS, ENGLISH_WORDS, EXACT_WORDS, EXTRA_ROOTS, COMMON_PLACE_WORDS, COMPOUNDS, ENGLISH_PHRASES, KIND_NAMES, KIND_TYPED, KIND_WORDS, LIST_WORDS, PLACE_NAME_WORDS, QUESTION_WORDS, REQUEST_WORDS, NEWEST_WORDS, ROOT_READINGS, STOP_WORDS, SYNONYM_GROUPS, SYNONYM_WORDS, synonymMap } from '../../src/search/language-data.js';
import { KNOWLEDGE_TYPES } from '../../src/search/knowledge-index.js';
import { stemText, stemWord, words } from '../../src/search/stemmer.js';
import { namesKind } from '../../src/search/kind-names.js';
import { asksNewest, expandQuery, kindNamedBy, lastWordWhole, searchedWords, withRootsExact, yearsIn } from '../../src/search/query-terms.js';
import { spelledAsIn } from '../../src/search/missing-words.js';
import { loadReferenceRegions } from '../../src/modules/regions/region-reference.js';
import { CROP_MARK, markedHtml, markRoots, MARK_END, MARK_START, unmarkStopWordsAndLetters } from '../../src/search/snippet.js';
import { editDistance, suggestQuery, typosAllowed } from '../../src/search/suggestion.js';

describe('Indonesian stemmer', () => {
  test('stemWord – affixed forms of publikasi – all reduce to publikasi', () => {
    for (const word of ['publikasi', 'dipublikasikan', 'mempublikasikan', 'terpublikasikan']) assert.equal(stemWord(word), 'publikasi', word);
  });
  test('stemWord – root words with look-alike affixes – stay as they are', () => {
    for (const word of ['sekolah', 'berita', 'kominfo', 'podcast', 'informasi']) assert.equal(stemWord(word), word);
  });
  test('stemWord – common domain words – reduced to their roots', () => {
    assert.equal(stemWord('pelayanan'), 'layan');
    assert.equal(stemWord('layanan'), 'layan');
    assert.equal(stemWord('penyiaran'), 'siar');
    assert.equal(stemWord('pemberitaan'), 'berita');
    assert.equal(stemWord('kehumasan'), 'humas');
  });
  test('stemWord – roots Sastrawi lacks (data/roots.json) – their affixed forms reduced to them', () => {
    for (const [word, root] of [['direplikasikan', 'replikasi'], ['mereplikasi', 'replikasi'], ['diupload', 'upload'], ['penginputan', 'input'], ['videotronnya', 'videotron']]) assert.equal(stemWord(word), root, word);
    const dictionary = new Stemmer();
    for (const root of EXTRA_ROOTS) {
      assert.ok(!dictionary.find(root), `${root} is in Sastrawi's dictionary already`);
      assert.equal(stemWord(root), root, root);
    }
  });
  test('stemWord – words Sastrawi reduces to another meaning\'s root, or spelled off the standard (data/root-readings.json) – read as listed; each listed word is read otherwise by Sastrawi, and is no stop word', () => {
    for (const [word, root] of [['meliputi', 'meliputi'], ['peliputan', 'liput'], ['menjadi', 'menjadi'], ['kejadian', 'jadi'], ['memadukan', 'padu'], ['pengaduan', 'adu'], ['mengunjungi', 'kunjung'], ['pengunjung', 'pengunjung'], ['pengikut', 'pengikut'], ['mengikuti', 'ikut'], ['pelajar', 'pelajar'], ['pengajar', 'pengajar'], ['pelajaran', 'ajar'], ['pelaku', 'pelaku'], ['melakukan', 'laku'], ['relawan', 'relawan'], ['kerelawanan', 'relawan'], ['awan', 'awan'], ['masukan', 'masukan'], ['memasukkan', 'masuk'], ['pemasukan', 'pemasukan'], ['penghargaan', 'penghargaan'], ['harga', 'harga'], ['persetujuan', 'setuju'], ['tujuan', 'tuju'], ['antrian', 'antre'], ['antrean', 'antre'], ['menganalisis', 'analisis'], ['analisa', 'analisis'], ['siniar', 'siniar'], ['siaran', 'siar'], ['kadis', 'kadis']]) assert.equal(stemWord(word), root, word);
    const sastrawi = new Stemmer();
    const stopWords = new Set(STOP_WORDS);
    for (const [word, root] of ROOT_READINGS) {
      assert.match(word, /^[a-z]+$/, word);
      assert.notEqual(sastrawi.stem(word), root, `${word}: Sastrawi reads it so already`);
      assert.ok(!stopWords.has(word), `${word} is a stop word`);
    }
  });
  test('stemWord – forms of a root that is a stop word (dibagikan: bagi, penyampaian: sampai) – one form of their family that is none, as Meilisearch indexes no stop word', () => {
    const stopWords = new Set(STOP_WORDS);
    const families = [['berbagi', 'membagikan', 'dibagikan', 'pembagian'], ['menyampaikan', 'disampaikan', 'penyampaian'], ['mengadakan', 'diadakan']];
    for (const family of families) {
      const roots = new Set(family.map(stemWord));
      assert.equal(roots.size, 1, family.join());
      const [root] = roots;
      assert.ok(!stopWords.has(root), `${family.join()}: ${root} is a stop word`);
    }
    assert.equal(stemWord('pengadaan'), 'pengadaan', 'procurement is no adakan');
  });
  test('stemWord – me-/pe- with m, n or ny before a vowel – the root with the consonant the nasal replaced; a root Sastrawi read in it, and a word of the dictionary, kept', () => {
    const roots = [['menambah', 'tambah'], ['penambahan', 'tambah'], ['pemetaan', 'peta'], ['memetakan', 'peta'], ['menilai', 'nilai'], ['penilaian', 'nilai'], ['menyajikan', 'saji'], ['penyaluran', 'salur'], ['menyepakati', 'sepakat'], ['pemindahan', 'pindah'], ['menanggapi', 'tanggap']];
    for (const [word, root] of roots) assert.equal(stemWord(word), root, word);
    for (const [word, root] of [['memakai', 'pakai'], ['memuat', 'muat'], ['meminta', 'minta'], ['memulai', 'mulai'], ['menulis', 'tulis'], ['menyusun', 'susun'], ['pemerintah', 'perintah'], ['menara', 'menara'], ['menu', 'menu']]) assert.equal(stemWord(word), root, word);
  });
  test('stemWord – menge-/penge- words – the root with the k the prefix dropped, else the root in e or of one syllable', () => {
    const roots = [['mengelola', 'kelola'], ['pengelolaan', 'kelola'], ['pengembangan', 'kembang'], ['mengenal', 'kenal'], ['mengetik', 'ketik'], ['mengevaluasi', 'evaluasi'], ['mengedukasi', 'edukasi'], ['mengecat', 'cat']];
    for (const [word, root] of roots) assert.equal(stemWord(word), root, word);
  });
  test('stemWord – menge- word with a root of three letters – reduced too', () => {
    assert.equal(stemWord('mengeja'), 'eja');
    assert.equal(stemWord('pengejaan'), 'eja');
  });
  test('stemWord – words of region names – kept whole (kediri is not diri), ordinary words among them still reduced', async () => {
    const regionWords = new Set((await loadReferenceRegions()).flatMap((region) => words(region.name)));
    assert.deepEqual([...regionWords].filter((w) => stemWord(w) !== w && !COMMON_PLACE_WORDS.includes(w)), []);
    assert.equal(stemWord('kepulauan'), 'pulau');
    // Both lists hold words of region names only.
    assert.deepEqual([...PLACE_NAME_WORDS, ...COMMON_PLACE_WORDS].filter((w) => !regionWords.has(w)), []);
    assert.equal(expandQuery('diskominfo kabupaten kediri'), 'diskominfo kabupaten kediri');
  });
  test('stemWord – affixed compounds written as one word – the compound\'s words, nasal prefixes included', () => {
    const cases: [string, string][] = [
      ['ditindaklanjuti', 'tindak lanjut'],
      ['menindaklanjuti', 'tindak lanjut'],
      ['penandatanganan', 'tanda tangan'],
      ['menyebarluaskan', 'sebar luas'],
      ['mempertanggungjawabkan', 'tanggung jawab'],
      ['keikutsertaan', 'ikut serta'],
      ['diujicobakan', 'uji coba'],
      ['pemberitahuan', 'beri tahu'],
    ];
    for (const [word, compound] of cases) assert.equal(stemWord(word), compound, word);
    assert.equal(stemText('Surat ditandatangani elektronik'), 'surat tanda tangan elektronik');
    // A process (aspect-words.json phrases): after the subject.
    assert.equal(expandQuery('cara menindaklanjuti aduan'), 'adu aduan tindak lanjut menindaklanjuti');
  });
  test('compounds – data – two or more lower-case words each, none twice', () => {
    for (const compound of COMPOUNDS) assert.match(compound, /^[a-z]+( [a-z]+)+$/, compound);
    assert.equal(new Set(COMPOUNDS).size, COMPOUNDS.length);
  });
  test('stemText – mixed text with numbers and hyphens – roots in order, numbers kept', () => {
    assert.equal(stemText('Mempublikasikan berita-berita 2022'), 'publikasi berita berita 2022');
  });
});

describe('synonyms and stop words', () => {
  const map = synonymMap();
  test('synonymMap – Diskominfo group – every variant finds every other', () => {
    const group = ['diskominfo', 'dinas kominfo', 'kominfo', 'dinas komunikasi dan informatika'];
    for (const word of group) for (const other of group.filter((o) => o !== word)) assert.ok(map[word]?.includes(other), `${word} → ${other}`);
  });
  test('synonymMap – acronyms of the issue – all present', () => {
    for (const key of ['diskominfotik', 'pemko', 'pemkot', 'pemerintah kota', 'pemkab', 'kab', 'kabupaten', 'medsos', 'media sosial', 'ppid', 'ikp', 'kim', 'spbe', 'humas', 'kehumasan']) {
      assert.ok((map[key]?.length ?? 0) > 0, key);
    }
    assert.ok(map.pemko.includes('pemkot'));
    assert.ok(map.medsos.includes('media sosial'));
  });
  test('synonymMap – other abbreviations and spellings planners type – present both ways', () => {
    const pairs = [['tte', 'tanda tangan elektronik'], ['asn', 'pns'], ['umkm', 'usaha mikro kecil dan menengah'], ['hoaks', 'hoax'], ['wifi', 'wi-fi'], ['smart city', 'kota cerdas'], ['musrenbang', 'musyawarah perencanaan pembangunan'], ['regulasi', 'peraturan'], ['payung hukum', 'dasar hukum'], ['adopsi', 'replikasi'], ['bimtek', 'bimbingan teknis'], ['rpjmd', 'rencana pembangunan jangka menengah daerah'], ['desa', 'nagari'], ['kabid', 'kepala bidang'], ['sekda', 'sekretaris daerah'], ['iid', 'indeks inovasi daerah'], ['e-budgeting', 'penganggaran elektronik'], ['e-office', 'tata naskah dinas elektronik'], ['adminduk', 'administrasi kependudukan'], ['streaming', 'siaran langsung'], ['penghargaan', 'anugerah'], ['early warning system', 'peringatan dini'], ['rakor', 'rapat koordinasi'], ['monev', 'monitoring dan evaluasi'], ['skpd', 'perangkat daerah'], ['bumdes', 'badan usaha milik desa'], ['apbdes', 'anggaran pendapatan dan belanja desa'], ['transparansi', 'keterbukaan'], ['dashboard', 'dasbor'], ['press release', 'siaran pers'], ['konferensi pers', 'jumpa pers'], ['call center', 'pusat panggilan'], ['billboard', 'baliho'], ['wbk', 'wilayah bebas korupsi'], ['pilkada', 'pemilihan kepala daerah'], ['pemilu', 'pemilihan umum'], ['satpol pp', 'satuan polisi pamong praja'], ['pengaduan', 'aduan'], ['early warning', 'peringatan dini'], ['one stop service', 'pelayanan terpadu satu pintu'], ['data center', 'pusat data'], ['penta helix', 'pentahelix'], ['rtl', 'rencana tindak lanjut'], ['kades', 'wali nagari'], ['zi', 'zona integritas'], ['ikd', 'ktp digital'], ['pbj', 'pengadaan barang dan jasa'], ['smart village', 'smart kampung'], ['solo', 'surakarta']];
    for (const [a, b] of pairs) assert.ok(map[a]?.includes(b) && map[b]?.includes(a), `${a} ↔ ${b}`);
  });
  test('synonymMap – province abbreviations – each finds the province name as the region data spells it', async () => {
    const provinces = new Set((await loadReferenceRegions()).filter((r) => r.kind === 'provinsi').map((r) => r.name.toLowerCase()));
    const pairs = [['sumbar', 'sumatera barat'], ['sumut', 'sumatera utara'], ['jabar', 'jawa barat'], ['jatim', 'jawa timur'], ['diy', 'daerah istimewa yogyakarta'], ['ntt', 'nusa tenggara timur'], ['kaltim', 'kalimantan timur'], ['sulsel', 'sulawesi selatan'], ['kepri', 'kepulauan riau'], ['babel', 'kepulauan bangka belitung']];
    for (const [abbreviation, name] of pairs) {
      assert.ok(provinces.has(name), `${name} is a province`);
      assert.ok(map[abbreviation]?.includes(name), `${abbreviation} → ${name}`);
      assert.ok(map[name]?.includes(abbreviation), `${name} → ${abbreviation}`);
    }
  });
  test('synonymMap – one-way words – pemkab finds kabupaten, kabupaten does not bring pemkab', () => {
    assert.ok(map.pemkab.includes('kabupaten') && map.pemkab.includes('pemerintah kabupaten'));
    assert.ok(map.pemkot.includes('kota'));
    assert.ok(!(map.kabupaten ?? []).includes('pemkab'));
    assert.ok(!(map.kota ?? []).includes('pemkot'));
    assert.ok(map.whatsapp.includes('aplikasi pesan') && map.wa.includes('aplikasi pesan'));
    assert.ok(!(map['aplikasi pesan'] ?? []).includes('whatsapp'));
    assert.ok(map.instagram.includes('media sosial') && map.youtube.includes('kanal video'));
    assert.ok(!(map['media sosial'] ?? []).includes('instagram'));
    assert.ok(map.bimtek.includes('pelatihan') && map.bimtek.includes('bimbingan teknis') && map.diklat.includes('pelatihan'));
    assert.ok(!(map.pelatihan ?? []).includes('bimtek'));
    assert.ok(map.transparan.includes('terbuka') && !(map.terbuka ?? []).includes('transparan'));
  });
  test('synonym data – groups – lower case, no word in two groups', () => {
    const seen = new Set<string>();
    for (const group of SYNONYM_GROUPS) {
      for (const word of group) {
        assert.equal(word, word.toLowerCase());
        assert.ok(!seen.has(word), `${word} twice`);
        seen.add(word);
      }
    }
  });
  test('stop words – list – function words in, domain words out, no duplicates', () => {
    for (const word of ['yang', 'dan', 'di', 'untuk']) assert.ok(STOP_WORDS.includes(word));
    // What a question typed as a sentence adds around its subject.
    for (const word of ['siapa', 'apakah', 'bagaimana', 'punya', 'pernah', 'contoh', 'cara', 'ingin']) assert.ok(STOP_WORDS.includes(word), word);
    // Roots of domain words (permohonan, pencarian) would vanish from the stemmed query.
    for (const word of ['informasi', 'publik', 'kota', 'dinas', 'layanan', 'mohon', 'cari']) assert.ok(!STOP_WORDS.includes(word), word);
    assert.equal(new Set(STOP_WORDS).size, STOP_WORDS.length);
  });

  test('exact words – one lower-case word each, long enough for the engine to allow it a typo, no stop word, none twice', () => {
    for (const word of EXACT_WORDS) {
      assert.deepEqual(words(word), [word], word);
      assert.ok(typosAllowed(word) > 0 && !STOP_WORDS.includes(word), word);
    }
    assert.equal(new Set(EXACT_WORDS).size, EXACT_WORDS.length);
  });
});

describe('query expansion', () => {
  test('expandQuery – affixed word – root first, raw form after', () => {
    assert.equal(expandQuery('dipublikasikan'), 'publikasi dipublikasikan');
  });
  test('expandQuery – words already roots – query unchanged', () => {
    assert.equal(expandQuery('podcast humas'), 'podcast humas');
  });
  /** Each query with the engine query it must become; a comment line explains the cases after it. */
  const expandsTo = (cases: [string, string][]) => {
    for (const [q, expected] of cases) assert.equal(expandQuery(q), expected, q);
  };
  test('expandQuery – question opening with what it asks about – those words dropped, the subject kept', () => {
    expandsTo([
      ['Daerah mana yang sudah punya program berita mingguan?', 'program berita minggu mingguan'],
      // A kind of record asked for is kept (the kind words find it, record-kinds.json), after the subject.
      ['inovasi apa yang ada di solok', 'solok inovasi'],
      // Right before the subject it names the place: Kota Solok, not Kabupaten Solok.
      ['dinas apa saja yang ada di kota solok', 'kota solok'],
      ['dinas mana yang ada di kabupaten agam', 'kabupaten agam'],
      // How many times: "kali" had led, and listed three records saying it, no visit.
      ['berapa kali kota solok studi tiru', 'kota solok studi tiru'],
    ]);
  });
  test('expandQuery – question or request opening with a verb of having, using or learning – the verb dropped too', () => {
    expandsTo([
      ['apakah ada instansi yang menerapkan tanda tangan elektronik', 'tanda tangan elektronik'],
      ['dinas mana yang pakai videotron?', 'videotron'],
      // "Daerah yang …" asks which ones, as "daerah mana yang …" does; a measure going down goes after the subject.
      ['daerah yang berhasil menurunkan hoaks', 'hoaks turun menurunkan'],
      ['dinas yang pakai videotron', 'videotron'],
      // A request opens the same way, and so does asking how (cara, tips) or for an example.
      ['kami ingin belajar literasi digital untuk UMKM', 'literasi digital umkm'],
      ['cara membuat podcast dengan biaya murah', 'podcast murah biaya'],
      ['tips membuat podcast', 'podcast'],
      ['saya ingin tahu bagaimana kota lain mengelola pengaduan masyarakat lewat aplikasi', 'adu masyarakat pengaduan kelola aplikasi mengelola'],
      ['cari tahu cara kelola medsos', 'medsos kelola'],
      // Without a question or request word the verb stays: "belajar dari sleman" is about learning.
      // It goes where aspects go, after the subject, the places and dates.
      ['belajar dari sleman', 'sleman ajar belajar'],
      ['belajar podcast 2023', 'podcast 2023 ajar belajar'],
      // Receiving a visit says only that it was had: after the subject (menerima had led, and found the records saying terima).
      ['solok menerima kunjungan', 'solok kunjung kunjungan terima menerima'],
      ['instansi yang menerima kunjungan', 'kunjung kunjungan'],
      // Involving someone, as a question opens: dropped there (melibatkan had led as libat, held by four records).
      ['bagaimana melibatkan warga dalam membuat konten', 'warga konten buat membuat'],
      // After the subject the verb is part of what is asked; its root names a process (penerapan), so it goes after the subject's words.
      ['siapa yang punya aplikasi untuk menerapkan tte', 'tte aplikasi terap menerapkan'],
    ]);
  });
  test('expandQuery – a word asking for a list at the opening (daftar, tampilkan) – dropped there, kept elsewhere and in its affixed forms', () => {
    expandsTo([
      ['daftar inovasi kota solok', 'kota solok inovasi'],
      // Unless it opens a synonym phrase: "daftar informasi publik" is what PPIDs publish (DIP).
      ['daftar informasi publik desa', 'daftar informasi publik desa'],
      ['tampilkan daftar informasi publik', 'daftar informasi publik'],
      ['daftar hadir elektronik', 'daftar hadir elektronik'],
      ['tampilkan praktik baik PPID', 'ppid praktik baik'],
      ['aplikasi daftar antrean', 'daftar antre antrean aplikasi'],
      ['pendaftaran online', 'daftar online pendaftaran'],
    ]);
    assert.equal(kindNamedBy('tampilkan semua pelajaran'), 'lesson');
  });
  test('expandQuery – the same words outside a question opening – kept', () => {
    expandsTo([
      ['kota padang punya apa', 'kota padang punya apa'],
      ['dinas kominfo mana yang punya podcast', 'dinas kominfo mana yang punya podcast'],
      // Nothing but the opening: searched as typed rather than as an empty query.
      ['daerah mana', 'daerah mana'],
    ]);
  });
  test('expandQuery – words naming a kind of record, or their roots – last, so the "last" strategy drops them first', () => {
    expandsTo([
      // Visits to a command center first, then the command center practice, not every other visit.
      ['studi tiru command center', 'command center studi tiru'],
      ['praktik baik kabupaten agam', 'kabupaten agam praktik baik'],
      ['pelajaran tentang videotron', 'videotron ajar pelajaran'],
      // Nothing but kind words: as typed.
      ['studi tiru', 'studi tiru'],
    ]);
  });
  test('expandQuery – a word for an aspect of the subject, or a process done to it, before it (manfaat, biaya, peningkatan) – after the subject and the kind words', () => {
    expandsTo([
      ['manfaat ppid', 'ppid manfaat'],
      ['berapa biaya videotron', 'videotron biaya'],
      // A problem met, as an obstacle (kendala) is.
      ['masalah dalam penerapan e-office', 'e office masalah terap penerapan'],
      // A verb saying only that the aspect is met or reached is dropped after it (data/aspect-words.json clauseVerbs); it had led as its root (hadap, jadi).
      ['kendala yang dihadapi podcast', 'podcast kendala'],
      ['masalah yang sering terjadi pada podcast', 'podcast masalah sering'],
      ['manfaat yang dirasakan warga', 'warga manfaat'],
      ['insiden yang terjadi', 'insiden jadi terjadi'],
      // Or after stop words alone, opening the query ("hal" a stop word); with nothing before it, it stays.
      ['hal yang perlu diperhatikan saat membuat podcast', 'podcast buat membuat'],
      ['terjadi banjir', 'jadi banjir terjadi'],
      // How often, as how many: after the subject.
      ['daerah yang paling sering dikunjungi', 'kunjung kunjungan sering tersering'],
      // "E" (electronic) before a subject that is no synonym phrase with it, as the aspect it is.
      ['e-musrenbang', 'musrenbang e'],
      ['aplikasi e-kinerja', 'kinerja aplikasi e'],
      // The state of its adoption: "status adopsi solok sapekan" had listed the records saying
      // "status permohonan"; "status" alone stays a subject.
      ['status adopsi podcast', 'podcast status adopsi'],
      ['status permohonan daring', 'status mohon daring permohonan'],
      // How long, and the preparation of it.
      ['berapa lama persiapan videotron', 'videotron lama siap persiapan'],
      // Its contact person, named on the record's page.
      ['siapa narahubung podcast kominfo corner', 'podcast kominfo corner narahubung'],
      // Whom to contact, as written (the root hubung had led, and found "terhubung" before any CSIRT record).
      ['siapa yang bisa dihubungi tentang csirt', 'csirt hubung dihubungi'],
      ['hasil studi tiru ke padang panjang', 'padang panjang studi tiru hasil'],
      // The follow-up plan, whole or as its acronym ("rencana" had led, and listed only the records saying it).
      ['rencana tindak lanjut kota solok', 'kota solok rencana tindak lanjut'],
      ['rtl kota solok', 'kota solok rtl'],
      // Its documentation ("dokumentasi kunjungan" had listed the one record saying it).
      ['dokumentasi kunjungan', 'kunjung kunjungan dokumentasi'],
      // Its monitoring, and the highest of a measure ("monev" had led and listed the one record saying it).
      ['monev keterbukaan informasi', 'keterbukaan informasi monev'],
      ['nilai spbe tertinggi', 'spbe nilai tinggi tertinggi'],
      // By root: "penganggaran" is an aspect as "anggaran" is.
      ['penganggaran podcast', 'podcast anggar penganggaran'],
      // A process done to the subject, and a measure of it.
      ['peningkatan nilai spbe', 'spbe tingkat nilai peningkatan'],
      ['jumlah peserta kunjungan', 'peserta kunjung kunjungan jumlah'],
      ['berapa orang tim media sosial', 'media sosial orang tim'],
      ['sdm yang dibutuhkan untuk videotron', 'videotron sdm butuh dibutuhkan'],
      ['modal awal podcast', 'podcast modal awal'],
      ['peralatan podcast', 'podcast alat peralatan'],
      // The team of a subject (the security teams saying "tim" had come before every PPID record).
      ['contoh sk tim pengelola ppid', 'ppid sk tim kelola pengelola'],
      // The instruments ruling it, as written.
      ['perbup videotron', 'videotron perbup'],
      ['dasar hukum ppid', 'ppid dasar hukum'],
      ['sop pelayanan ppid', 'layan ppid pelayanan sop'],
      // Training in a subject: the subject leads ("bimtek humas" had listed one security record holding "bimbingan teknis").
      ['bimtek humas', 'humas bimtek'],
      ['pelatihan medsos untuk admin opd', 'medsos admin opd latih pelatihan'],
      // A synonym phrase holding an affixed word stays whole (bimtek), its roots not searched.
      ['bimbingan teknis ppid', 'ppid bimbingan teknis'],
      ['hubungan masyarakat padang', 'hubungan masyarakat padang'],
      // Its synonyms share its roots (layanan publik): the roots find every form of it.
      ['pelayanan publik', 'layan publik pelayanan'],
      // Aspects alone: what a subject takes names it, and leads (the budget's troubles); the others keep their order.
      ['kendala anggaran', 'anggar kendala anggaran'],
      ['kebutuhan sumber daya manusia', 'sumber daya manusia butuh kebutuhan'],
      ['hambatan pelaksanaan', 'hambat laksana hambatan pelaksanaan'],
      ['kendala anggaran podcast', 'podcast kendala anggar anggaran'],
      ['replikasi inovasi dari kota solok', 'kota solok inovasi replikasi'],
      ['pembuatan podcast pemda', 'podcast pemda buat pembuatan'],
      ['penyusunan daftar informasi publik', 'daftar informasi publik susun penyusunan'],
      // As written only: the root "baik" is part of "praktik baik".
      ['perbaikan layanan ppid', 'layan ppid layanan baik perbaikan'],
      // A process of two words, where both are typed; "lanjut" alone is also "lanjut usia".
      ['tindak lanjut studi tiru solok', 'solok studi tiru tindak lanjut'],
      ['uji coba videotron', 'videotron uji coba'],
      ['kunjungan ke luar daerah tentang ppid', 'ppid kunjung kunjungan luar daerah'],
      // Within the own province: "dalam" is a stop word, read with "provinsi" as one word, and so is "se-".
      ['kunjungan dalam provinsi tentang ppid', 'ppid kunjung kunjungan dalamprovinsi'],
      ['studi tiru se-provinsi', 'studi tiru provinsi seprovinsi'],
      // Whom to contact: after the subject, as a phrase when two words ("person" would have led).
      ['kontak person videotron', 'videotron kontak person'],
      ['kunjungan luar pulau tentang radio', 'radio kunjung kunjungan luar pulau'],
      // Another place visited is a border crossed; not visited, it is left out (another of the things asked about).
      ['studi tiru ke provinsi lain', 'studi tiru luar provinsi'],
      ['kunjungan ke daerah lain tentang ppid', 'ppid kunjung kunjungan luar daerah'],
      // Asking for practices already replicated qualifies the subject too (the key goes before it: key-phrases.ts).
      ['inovasi humas yang sudah diadopsi', 'humas inovasi adopsi diadopsi'],
      // Another of the things asked about names no record: "daerah" would lead, before the kind.
      ['praktik yang direplikasi daerah lain', 'praktik replikasi direplikasi'],
      ['inovasi dari instansi lainnya', 'inovasi'],
      ['pelayanan lanjut usia', 'layan lanjut usia pelayanan'],
      // "Kegiatan" as written only: its root is also that of "pegiat".
      ['kegiatan kim di kelurahan', 'kim lurah kelurahan giat kegiatan'],
      // A word judging the subject; the year names the records meant.
      ['inovasi daerah terbaik 2023', 'daerah inovasi 2023 baik terbaik'],
      // "Paling" before a word is its superlative (ter-); how many, which first, what matters.
      ['inovasi paling populer', 'inovasi populer terpopuler'],
      ['praktik yang paling banyak direplikasi', 'praktik banyak replikasi terbanyak direplikasi'],
      ['studi tiru pertama', 'studi tiru pertama'],
      ['pertama kali studi tiru', 'kali studi tiru pertama'],
      ['apa yang paling penting dalam podcast', 'podcast penting terpenting'],
      ['praktik unggulan podcast', 'podcast praktik unggul unggulan'],
      // The head of a region asks about the region.
      ['bupati agam', 'agam bupati'],
      // An app of it: many records on it never say "aplikasi". A synonym phrase opening with it
      // (aplikasi pesan: WhatsApp) is an aspect whole, read by the engine with its synonyms.
      ['aplikasi tanda tangan elektronik desa', 'tanda tangan elektronik desa aplikasi'],
      ['aplikasi pesan pengaduan', 'adu pengaduan aplikasi pesan'],
      // What was seen is the subject.
      ['praktik baik yang dilihat saat studi tiru ke padang panjang', 'padang panjang praktik baik lihat dilihat'],
      // A year narrows the subject as an aspect does; "tahun" before it goes (records hold the year, not the word).
      ['kunjungan tahun 2023', 'kunjung kunjungan 2023'],
      // A part of the period before a date names no more than the date: records hold no "awal".
      ['kunjungan awal tahun 2024', 'kunjung kunjungan 2024'],
      ['pertengahan mei 2023 studi tiru', 'studi tiru 2023 mei'],
      ['laporan akhir tahun', 'lapor akhir tahun laporan'],
      // So does the size of a list asked for: no record holds "10" for it.
      ['10 inovasi terbaik', 'inovasi baik terbaik'],
      ['top 10 praktik baik', 'praktik baik'],
      ['top 5 innovations', 'inovasi'],
      ['call center 112', 'call center 112'],
      ['satu data', 'satu data'],
      // So does "pulau" before an island: records hold their provinces' names, and "kepulauan" its root.
      ['kunjungan ke pulau sumatera', 'sumatera kunjung kunjungan'],
      ['studi banding ke pulau nusa tenggara', 'nusa tenggara studi tiru'],
      ['wisata pulau', 'wisata pulau'],
      // A month too, "bulan" before it going as "tahun" does.
      ['studi tiru bulan mei', 'studi tiru mei'],
      // The year before the month: dropped last, the other visits of that year come next.
      ['kunjungan mei 2022', 'kunjung kunjungan 2022 mei'],
      ['2022 videotron', 'videotron 2022'],
      ['laporan tahunan', 'lapor tahun laporan tahunan'],
      // As written only, with the root it gave: "tangan" of "tanda tangan" stays in its place.
      ['penanganan hoaks', 'hoaks tangan penanganan'],
      ['tanda tangan elektronik', 'tanda tangan elektronik'],
    ]);
  });
  test('expandQuery – a kind\'s word typed with a typo (kunjungn, pelajran) – read as that word; a word of the language (pelaporan, studio) is no typo', () => {
    expandsTo([
      ['kunjungn ke sleman', 'sleman kunjung kunjungan'],
      ['inovsi desa', 'desa inovasi'],
      ['pelaporan kinerja', 'lapor kinerja pelaporan'],
      ['studio podcast', 'studio podcast'],
    ]);
    assert.equal(kindNamedBy('pelajran'), 'lesson');
  });
  test('expandQuery – names of a second kind after the first – left out, words of a kind that are no names kept', () => {
    expandsTo([
      ['pelajaran dari kunjungan ke padang panjang', 'padang panjang ajar pelajaran'],
      ['praktik baik dari studi banding ke sleman', 'sleman praktik baik'],
      ['kunjungan inovasi', 'kunjung inovasi kunjungan'],
    ]);
  });
  test('expandQuery – other names typed for a kind (studi banding, kunker, lessons learned) – read as the kind\'s words', () => {
    expandsTo([
      // "banding" never reaches the engine, which would match Bandung through a typo.
      ['studi banding ke padang panjang', 'padang panjang studi tiru'],
      ['kunker ke bandung', 'bandung kunjung kunjungan'],
      ['kunjungan kerja ke sleman', 'sleman kunjung kunjungan'],
      // The longest name wins: "lessons learned", not "lesson" and a stray word.
      ['lessons learned videotron', 'videotron ajar pelajaran'],
      ['praktek baik ppid', 'ppid praktik baik'],
      // Only the whole name: "banding" alone is left as typed.
      ['banding', 'banding'],
    ]);
  });
  test('kindNamedBy – nothing but names of one kind, typed names and stop words included – that kind; anything else – null', () => {
    const cases: [string, string | null][] = [
      ['pelajaran', 'lesson'],
      ['Semua studi banding', 'visit'],
      ['kunjungan studi tiru', 'visit'],
      ['praktik baik', 'practice'],
      ['praktek', 'practice'],
      ['lessons learned', 'lesson'],
      // The visit's report: the record is that report ("laporan" alone would reach the LAPOR! apps).
      ['laporan kunjungan', 'visit'],
      ['laporan hasil studi tiru', 'visit'],
      ['laporan perjalanan dinas', 'visit'],
      ['laporan', null],
      ['pelajaran podcast', null],
      ['pelajaran kunjungan', null],
      ['inovasi', null],
      ['baik', null],
      ['"pelajaran"', null],
      ['', null],
    ];
    for (const [q, kind] of cases) assert.equal(kindNamedBy(q), kind, q);
  });
  test('asksNewest – terbaru, terkini, terakhir anywhere in the query, paling baru – true; baru, a word holding it – false', () => {
    assert.ok(asksNewest('inovasi terbaru') && asksNewest('Terkini: studi tiru ke Sleman') && asksNewest('kunjungan terakhir ke padang panjang'));
    // "Paling baru" is "terbaru".
    assert.ok(asksNewest('pelajaran paling baru'));
    assert.deepEqual(searchedWords('pelajaran paling baru'), ['pelajaran']);
    // A superlative named missing is named as typed.
    assert.equal(spelledAsIn('terpopuler', 'Inovasi paling Populer'), 'paling Populer');
    assert.ok(!asksNewest('inovasi baru') && !asksNewest('pembaruan data'));
    assert.deepEqual(searchedWords('podcast terbaru'), ['podcast']);
    assert.deepEqual(searchedWords('studi tiru terakhir'), ['studi', 'tiru']);
  });
  test('record kinds – names that alone ask for a kind – lower case, made of the kind\'s own words', () => {
    for (const type of KNOWLEDGE_TYPES) {
      const own = KIND_WORDS[type].split(' ');
      for (const name of KIND_NAMES[type]) assert.ok(name.split(' ').every((w) => own.includes(w)), `${type}: ${name}`);
    }
  });
  test('aspect words – lower case, none a stop word, a kind word or a word of a question opening', () => {
    const kindWords = KNOWLEDGE_TYPES.flatMap((type) => KIND_WORDS[type].split(' '));
    for (const word of [...ASPECT_WORDS, ...ASPECT_FORMS]) {
      assert.equal(word, word.toLowerCase(), word);
      assert.ok(![...STOP_WORDS, ...kindWords, ...ASKED_ABOUT, ...ASKED_VERBS].includes(word), word);
    }
    for (const phrase of ASPECT_PHRASES) assert.match(phrase, /^[a-z]+( [a-z]+)+$/, phrase);
  });
  test('English words – lower case; none an Indonesian root (Sastrawi\'s dictionary) but the words both languages write and the listed exceptions', () => {
    const dictionary = new Stemmer();
    for (const [word, reading] of Object.entries(ENGLISH_WORDS)) {
      assert.equal(word, word.toLowerCase(), word);
      assert.equal(reading, reading.toLowerCase(), word);
      if (reading !== word && !ENGLISH_ALSO_ROOTS.includes(word)) assert.ok(!dictionary.find(word), `${word} is an Indonesian root`);
    }
    for (const word of ENGLISH_ALSO_ROOTS) assert.ok(dictionary.find(word), `${word} needs no exception`);
    // Phrases are joined as pairs of words (withEnglishRead), each read as some Indonesian words.
    for (const [phrase, reading] of Object.entries(ENGLISH_PHRASES)) {
      assert.equal(phrase, phrase.toLowerCase(), phrase);
      assert.equal(phrase.split(' ').length, 2, phrase);
      assert.notEqual(reading, '', phrase);
    }
  });
  test('record kinds – other names typed for a kind – lower case, each standing for words of one kind, a stop word aside (mengunjungi → kunjungan ke)', () => {
    const kindWords = new Set(KNOWLEDGE_TYPES.flatMap((type) => KIND_WORDS[type].split(' ')));
    for (const [name, kind] of Object.entries(KIND_TYPED)) {
      assert.equal(name, name.toLowerCase(), name);
      const read = kind.split(' ');
      assert.ok(read.some((w) => kindWords.has(w)) && read.every((w) => kindWords.has(w) || STOP_WORDS.includes(w)), `${name} → ${kind}`);
    }
  });
  test('record kinds – every kind of record has its words, lower case, none a stop word', () => {
    for (const type of KNOWLEDGE_TYPES) {
      const words = KIND_WORDS[type].split(' ');
      assert.ok(words.length > 0 && words.every((w) => w === w.toLowerCase() && w.length > 0 && !STOP_WORDS.includes(w)), type);
    }
  });
  test('question data – question, request and newest words are stop words; what questions ask about, their verbs and list words are not', () => {
    for (const word of [...QUESTION_WORDS, ...REQUEST_WORDS, ...NEWEST_WORDS]) assert.ok(STOP_WORDS.includes(word), word);
    for (const word of [...ASKED_ABOUT, ...ASKED_VERBS, ...LIST_WORDS]) assert.ok(!STOP_WORDS.includes(word), word);
  });
  test('expandQuery – typing – the word being typed stays last and as typed, the words before it by root', () => {
    assert.equal(expandQuery('pelayanan publ', true), 'layan publ');
    assert.equal(expandQuery('pemberi', true), 'pemberi');
    // A menge- fragment is not read as a short root (mengelo → elo) while it is being typed.
    for (const word of ['mengelo', 'pengelo', 'mengev']) assert.equal(expandQuery(word, true), word);
    // A space after the last word: it is whole, and expanded as in a search.
    assert.equal(expandQuery('pelayanan publik ', true), 'layan publik pelayanan');
    // A word for an aspect before it would have to lead: left out; a kind word stays.
    assert.equal(expandQuery('manfaat pp', true), 'pp');
    assert.equal(expandQuery('studi tiru pad', true), 'studi tiru pad');
    // So is a year.
    assert.equal(expandQuery('studi tiru 2022 pad', true), 'studi tiru pad');
  });
  test('expandQuery – a year and a word for an aspect – the year before the aspect, which the engine drops first', () => {
    assert.equal(expandQuery('hasil podcast 2022'), 'podcast 2022 hasil');
    assert.equal(expandQuery('manfaat ppid mei 2023'), 'ppid 2023 mei manfaat');
  });
  test('expandQuery – typing English, the last word unfinished – the words before it tell the language: read as Indonesian, the fragment kept unless it can be read one way only', () => {
    assert.equal(expandQuery('complaint hand', true), 'adu hand');
    // A fragment every English word starting so reads one way is read so (weekly, complaints): the records hold no "wee".
    assert.equal(expandQuery('who runs a wee', true), 'mingguan');
    assert.equal(expandQuery('citizen compl', true), 'adu warga');
    // Read two ways (handle, handling), or a word both languages write (program), it stays a fragment.
    assert.equal(expandQuery('weekly news prog', true), 'berita minggu prog');
    assert.equal(expandQuery('lesson kehu', true), 'ajar kehu');
    // Indonesian with a word both languages write stays as typed.
    assert.equal(expandQuery('data ma', true), 'data ma');
  });
  test('expandQuery – typing the start of a kind\'s name of two words (studi band, lessons lea) – read as the whole name', () => {
    assert.equal(expandQuery('studi band', true), 'studi tiru');
    assert.equal(expandQuery('lessons lea', true), 'ajar pelajaran');
    assert.equal(expandQuery('podcast praktik bai', true), 'podcast praktik baik');
    // Too short a start, or the start of no name: still a prefix.
    assert.equal(expandQuery('praktik ba', true), 'praktik ba');
    assert.equal(expandQuery('kunjungan ke band', true), 'kunjung band');
  });
  test('expandQuery – a word to keep as typed (a typo read as another root\'s affixed form) – no root for it', () => {
    assert.equal(expandQuery('pengadun masyarakat'), 'adun masyarakat pengadun');
    assert.equal(expandQuery('pengadun masyarakat', false, { asTyped: ['pengadun'] }), 'pengadun masyarakat');
  });
  test('expandQuery – an aspect\'s word mistyped (pengelolan, peningkatn), unknown to the stemmer – after the subject, as the aspect; a word of the language or a subject\'s typo stays first', () => {
    assert.equal(expandQuery('pengelolan pengaduan'), 'adu pengaduan pengelolan');
    assert.equal(expandQuery('peningkatn kualitas podcast'), 'podcast peningkatn kualitas');
    assert.equal(expandQuery('videotrn alun'), 'videotrn alun');
    assert.equal(expandQuery('model pengaduan'), 'model adu pengaduan');
    // A word of the synonym data, one letter from the aspect form "perda".
    assert.equal(expandQuery('pemda podcast'), 'pemda podcast');
  });
  test('expandQuery – a form no record holds (pelayan, records saying pelayanan) – its root alone', () => {
    assert.equal(expandQuery('aplikasi pelayan publik'), 'layan publik pelayan aplikasi');
    assert.equal(expandQuery('aplikasi pelayan publik', false, { rootsOnly: ['pelayan'] }), 'layan publik aplikasi');
  });
  test('withRootsExact – roots given beside affixed words – quoted; words typed, roots of the synonym data and a phrase of the user\'s – as they are', () => {
    assert.equal(withRootsExact('pasang pemasangan', 'pemasangan'), '"pasang" pemasangan');
    assert.equal(withRootsExact('layan publik pelayanan ', 'Pelayanan publik'), '"layan" publik pelayanan ');
    assert.equal(withRootsExact('pasang pemasangan', 'pemasangan pasang'), 'pasang pemasangan');
    assert.ok(SYNONYM_WORDS.has('humas'));
    assert.equal(withRootsExact('humas kehumasan', 'kehumasan'), 'humas kehumasan');
    assert.equal(withRootsExact('"pemasangan layar"', '"pemasangan layar"'), '"pemasangan layar"');
    // English read as Indonesian: the root of the word read (mingguan → minggu) is the app's too.
    assert.equal(withRootsExact(expandQuery('weekly news programme'), 'weekly news programme').includes('"minggu"'), true);
  });

  test('expandQuery – quoted phrase – taken literally', () => {
    assert.equal(expandQuery('"pelayanan publik"'), '"pelayanan publik"');
  });
  test('expandQuery – English (the interface speaks it, the records do not) – read as the Indonesian words, phrases turned to the Indonesian order, the question opening dropped', () => {
    expandsTo([
      ['who runs a weekly news programme?', 'program berita minggu mingguan'],
      ['social media management', 'media sosial kelola pengelolaan'],
      ['which city has a community radio', 'radio komunitas'],
      ['show innovations in west sumatra', 'sumatera barat inovasi'],
      ['electronic signature for villages', 'tanda tangan elektronik desa'],
      ['fact check', 'cek fakta'],
      ['complaint dashboard', 'dasbor adu pengaduan'],
      // Indonesian writes "live" and "open data" too: as synonym phrases the engine reads them with "siaran langsung", "data terbuka".
      ['live streaming', 'live streaming'],
      ['payakumbuh open data', 'payakumbuh open data'],
      // A brand holding a word both languages write is no English query (it had been read as "tangerang langsung").
      ['tangerang live', 'tangerang live'],
      // Setting up, starting or building it: a process done to the subject, after it.
      ['how to set up a command center', 'command center bentuk membentuk'],
      ['how to start a podcast', 'podcast mulai memulai'],
      ['how to build a data portal', 'data portal bangun membangun'],
      // Judging it: after the subject and the kind.
      ['best podcast practices', 'podcast praktik baik terbaik'],
      ['most popular innovations', 'inovasi populer'],
      // Adopting or replicating frames the question, as the verbs of having or using it do.
      ['which regions replicated solok sapekan', 'solok sapekan replikasi direplikasi'],
      ['practices adopted by other regions', 'praktik adopsi diadopsi'],
      ['which region copied the podcast', 'podcast tiru meniru'],
      ['flood reporting system', 'sistem lapor banjir pelaporan'],
      // A plural the table does not list is read as its singular is; the budget, what a subject takes, leads the aspects.
      ['budget problems', 'anggar masalah anggaran'],
      ['podcast trainings', 'podcast latih pelatihan'],
      ['dashboards of libraries', 'dasbor pustaka perpustakaan'],
      ['visits to java island', 'jawa kunjung kunjungan'],
      // A synonym's English plural, which the regular plural of the table cannot give (hoax is a synonym word); the mayor as the regent is.
      ['fact checking hoaxes', 'hoaks cek fakta'],
      ['mayors events', 'acara walikota'],
      // A border, or within one: the visits across it, or inside the own province (key-phrases.ts).
      ['interprovincial visits', 'kunjung kunjungan antarprovinsi'],
      ['visits within the province', 'kunjung kunjungan dalamprovinsi'],
      ['visits to other provinces', 'kunjung kunjungan luar provinsi'],
      ['visits to another island', 'kunjung kunjungan luar pulau'],
      // What was learned: read as dipelajari, so the query reads as English and "from" is dropped (it had been named missing).
      ['lessons learned from videotron', 'videotron ajar pelajaran'],
      ['what was learned about podcasts', 'podcast ajar dipelajari'],
      // An acronym of the synonym data counts for neither language (spbe implementation had named implementation missing); command is written in both.
      ['spbe implementation', 'spbe terap penerapan'],
      ['csirt team', 'csirt tim'],
      ['problems implementing spbe', 'spbe masalah terap menerapkan'],
      ['challenges of command center', 'command center tantang tantangan'],
      ['impact of the podcast', 'podcast dampak'],
      // "That" read as "yang", so "agencies that …" asks as "instansi yang …" does; the forms of "to be" dropped; kiosks and villagers read.
      ['regions that have a command center', 'command center'],
      ['podcasts that were replicated', 'podcast replikasi direplikasi'],
      ['digital literacy for villagers', 'literasi digital warga desa'],
      ['information kiosk', 'kios informasi'],
      // Words of the trade a planner types in English (they had been named missing).
      ['information commission assessment', 'komisi informasi nilai penilaian'],
      ['radio broadcast schedule', 'jadwal siar radio siaran'],
      ['follow up of benchmarking visits', 'studi tiru kunjung kunjungan tindak lanjut'],
      ['practices still in trial stage', 'praktik tahap uji coba'],
      ['public information disclosure', 'keterbukaan informasi publik'],
      ['regional data portal', 'portal data daerah'],
      ['tourism promotion', 'promosi pariwisata'],
      ['practices similar to podcast', 'podcast praktik'],
      ['complaints via whatsapp', 'adu whatsapp pengaduan'],
      ['podcast equipment needed', 'podcast alat peralatan'],
      ['crisis communication', 'komunikasi krisis'],
      ['women empowerment', 'daya perempuan pemberdayaan'],
      ['archive digitization', 'digitalisasi arsip'],
      ['traffic monitoring cameras', 'kamera pantau lintas pemantauan'],
      // Two English words read together (data/english.json phrases): the person in charge, where charge alone would be a fee.
      ['person in charge of the podcast', 'podcast tanggung jawab penanggung'],
      // A phone number or an email address asks whom to contact (data/contact.json), the manager being its keeper.
      ['phone number of the podcast manager', 'podcast nomor telepon kelola pengelola'],
      ['email address of the podcast manager', 'podcast alamat email kelola pengelola'],
      // The pair counts as one English word: address alone is none, and the query had tied 2–2 and been searched as typed.
      ['email address of the podcast', 'podcast alamat email'],
      // A verb saying an aspect is met reads as the Indonesian one, dropped after it; a verb, it is not turned around with the aspect.
      ['problems faced by podcast', 'podcast masalah'],
      ['benefits felt by citizens', 'warga manfaat'],
      // Abroad: the phrase a synonym group holds, which the search names missing whole when no record says it.
      ['visits abroad', 'luar negeri kunjung kunjungan'],
      ['overseas benchmarking visits', 'luar negeri studi tiru kunjung kunjungan'],
      // Whom to contact: the verb, matched as written (hubung is also the root of hubungan masyarakat); contact center stays a subject.
      ['who to contact about csirt', 'csirt hubung hubungi'],
      ['contact person of the videotron', 'videotron hubung hubungi'],
      ['contact center', 'contact center'],
      // Other cities name no record; a brand is a word of the phrase it ends.
      ['how do other cities manage their official instagram', 'instagram resmi kelola mengelola'],
      ['good practices in public information services', 'layan informasi publik layanan praktik baik'],
      ['open data portal lessons', 'open data portal ajar pelajaran'],
      // Visited as "siapa yang mengunjungi …" is read: the visits to it.
      ['who visited the command center', 'command center kunjung kunjungan'],
      // Words both languages write, with no English word among them, keep their order.
      ['program radio', 'program radio'],
      // Synonym phrases are the engine's to read.
      ['smart city', 'smart city'],
      // An English term of the trade in an Indonesian query is not read.
      ['security operation center', 'security operation center'],
      ['aplikasi cyber security daerah', 'cyber security daerah aplikasi'],
      // IT (information technology) beside an acronym that counts for neither language: not read as the English pronoun.
      ['sdm it', 'it sdm'],
      ['e-government pemda', 'e-government pemda'],
      // A kind's English name counts as English, though it is read as the kind's Indonesian name.
      ['lessons learned complaint', 'adu pengaduan ajar pelajaran'],
      // Months and plurals of words both languages write.
      ['visits in october 2025', 'kunjung kunjungan 2025 oktober'],
      ['lessons about podcasts', 'podcast ajar pelajaran'],
    ]);
    // "Last month" is read as a month and its year, Indonesian: still an English query.
    assert.match(expandQuery('visits last month'), /^kunjung kunjungan \d{4} [a-z]+$/);
    assert.equal(kindNamedBy('lessons'), 'lesson');
    // A number is neither language.
    assert.equal(kindNamedBy('lessons 2022'), 'lesson');
    assert.equal(kindNamedBy('studi tiru tahun 2022'), 'visit');
    assert.equal(kindNamedBy('kunjungan akhir 2022'), 'visit');
    assert.deepEqual(yearsIn('studi tiru tahun 2022 dan 2023'), ['2022', '2023']);
    assert.ok(asksNewest('latest visits'));
  });
  test('lastWordWhole – a last word of the synonym data or of two letters – a space after it, so the engine reads no prefix; other words and phrases as they are', () => {
    assert.equal(lastWordWhole('DIP'), 'DIP ');
    assert.equal(lastWordWhole('grup wa'), 'grup wa ');
    assert.equal(lastWordWhole('program kb'), 'program kb ');
    assert.equal(lastWordWhole('publ'), 'publ');
    assert.equal(lastWordWhole('videotr'), 'videotr');
    assert.equal(lastWordWhole('"daftar informasi publik"'), '"daftar informasi publik"');
  });
});

describe('snippets and suggestions', () => {
  test('markedHtml – text with HTML and marks – escaped, marks become <mark>', () => {
    assert.equal(markedHtml(`<b>${MARK_START}PPID${MARK_END}</b> & "x"`), '&lt;b&gt;<mark>PPID</mark>&lt;/b&gt; &amp; &#34;x&#34;');
  });
  test('markedHtml – text cropped at both ends – the crop marks become ellipses', () => {
    assert.equal(markedHtml(`${CROP_MARK}layanan ${MARK_START}PPID${MARK_END} daring${CROP_MARK}`), '…layanan <mark>PPID</mark> daring…');
  });
  test('unmarkStopWordsAndLetters – a letter marked alone (S.E.) – mark removed; before a hyphen (E-Office) – kept', () => {
    const mark = (word: string): string => `${MARK_START}${word}${MARK_END}`;
    assert.equal(unmarkStopWordsAndLetters(`Hadi, S.${mark('E')}. ${mark('Musrenbang')}`, new Set()), `Hadi, S.E. ${mark('Musrenbang')}`);
    assert.equal(unmarkStopWordsAndLetters(`${mark('E')}-${mark('Office')} ${mark('e')}`, new Set()), `${mark('E')}-${mark('Office')} e`);
  });

  test('unmarkStopWordsAndLetters – stop word marked inside a synonym match – mark removed, others kept', () => {
    const text = `${MARK_START}Dinas${MARK_END} ${MARK_START}dan${MARK_END} ${MARK_START}Informatika${MARK_END}`;
    assert.equal(unmarkStopWordsAndLetters(text, new Set(['dan'])), `${MARK_START}Dinas${MARK_END} dan ${MARK_START}Informatika${MARK_END}`);
  });
  test('markRoots – affixed form of a query root – marked', () => {
    assert.equal(markRoots('Layar untuk mempublikasikan agenda', new Set(['publikasi']), stemWord), `Layar untuk ${MARK_START}mempublikasikan${MARK_END} agenda`);
    // Beside the engine's marks, which stay as they are (a phrase marked whole, a word of a root searched).
    const marked = `${MARK_START}Media sosial${MARK_END} dinas, ${MARK_START}layanan${MARK_END} dan pelayanan`;
    assert.equal(markRoots(marked, new Set(['layan', 'sosial']), stemWord), `${MARK_START}Media sosial${MARK_END} dinas, ${MARK_START}layanan${MARK_END} dan ${MARK_START}pelayanan${MARK_END}`);
  });
  test('editDistance – swap and substitution – counted once each', () => {
    assert.equal(editDistance('pdocast', 'podcast'), 1);
    assert.equal(editDistance('humas', 'humas'), 0);
    assert.equal(editDistance('sekolah', 'sekola'), 1);
  });
  test('suggestQuery – word matched only through a typo – replaced by the matched word', () => {
    assert.equal(suggestQuery('videotrom alun', [`${MARK_START}Videotron${MARK_END} ${MARK_START}Alun${MARK_END}-alun`]), 'videotron alun');
  });
  test('suggestQuery – two matched words as near to the typo – the one the best hits hold more often', () => {
    const formatted = [`${MARK_START}Pengelola${MARK_END} aduan`, `${MARK_START}Pengelolaan${MARK_END} akun`, `${MARK_START}pengelolaan${MARK_END} kanal`];
    assert.equal(suggestQuery('pengelolan', formatted), 'pengelolaan');
  });
  test('suggestQuery – a kind name matched where nothing is highlighted, a look-alike highlighted – kept', () => {
    const formatted = [`${MARK_START}Pelaporan${MARK_END} ${MARK_START}redaksi${MARK_END}`];
    assert.equal(suggestQuery('pelajaran redaksi', formatted), 'pelaporan redaksi');
    assert.equal(suggestQuery('pelajaran redaksi', formatted, namesKind), undefined);
    assert.ok(namesKind('banding') && namesKind('mempelajari') && !namesKind('redaksi'));
  });
  test('synonym words – every word of a group or a one-way entry, split at hyphens – in SYNONYM_WORDS', () => {
    for (const word of ['jawa', 'barat', 'jabar', 'wi', 'fi', 'pemkab', 'kabupaten']) assert.ok(SYNONYM_WORDS.has(word), word);
    assert.ok(!SYNONYM_WORDS.has('jawa barat') && !SYNONYM_WORDS.has('redaksi'));
  });
  test('suggestQuery – a word marked through its root (antrean as antre), a word shorter than the engine allows a typo in (di) – neither corrected', () => {
    assert.equal(suggestQuery('aplikasi antrean', [`Izin Tanpa ${MARK_START}Antre${MARK_END}`, `${MARK_START}Aplikasi${MARK_END}`]), undefined);
    assert.equal(suggestQuery('kegiatan kim di kelurahan', [`${MARK_START}KIM${MARK_END} ${MARK_START}Kelurahan${MARK_END} ${MARK_START}kegiatan${MARK_END}`]), undefined);
  });
  test('suggestQuery – a word the engine read as two (eoffice as E-Office) – the two words apart, not the nearer one alone', () => {
    assert.equal(suggestQuery('eoffice', [`${MARK_START}E${MARK_END}-${MARK_START}Office${MARK_END} Pasaman Barat`]), 'e office');
    assert.equal(suggestQuery('portal satudata', [`${MARK_START}Portal${MARK_END} ${MARK_START}Satu${MARK_END} ${MARK_START}Data${MARK_END}`]), 'portal satu data');
  });
  test('suggestQuery – words matched exactly – no suggestion', () => {
    assert.equal(suggestQuery('videotron', [`${MARK_START}Videotron${MARK_END} kota`]), undefined);
  });
});
