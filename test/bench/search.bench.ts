/**
 * Benchmark of the embedded search core (not a test): `npm run bench:search [-- --docs N]`.
 * Generates N (default 100,000) documents of Indonesian government text from word lists with a
 * fixed seed, indexes them, then times a mix of 1-, 2- and 3-word queries (with typos and broad
 * one-letter prefixes), each with a filter and three facets. Prints indexing rate, latency
 * percentiles and peak RSS against the targets of issue 3.
 */
import os from 'node:os';
import { SearchIndex, defaultSettings, mergeSettings } from '../../src/embedded/search/core/index.js';
import { seeded } from '../helpers/seeded-random.js';

const WORDS = `
pemerintah daerah kabupaten kota provinsi dinas badan kantor sekretariat bagian bidang seksi unit pelaksana teknis
komunikasi informatika informasi publik pelayanan layanan masyarakat warga penduduk desa kelurahan kecamatan
pembangunan perencanaan anggaran keuangan pendapatan belanja aset barang jasa pengadaan kontrak lelang
kesehatan pendidikan sekolah guru murid puskesmas rumah sakit dokter bidan gizi stunting imunisasi posyandu
pertanian perikanan peternakan perkebunan pangan irigasi benih pupuk panen nelayan petani koperasi usaha mikro
kecil menengah industri perdagangan pasar harga inflasi investasi perizinan terpadu satu pintu online digital
aplikasi sistem elektronik berbasis data statistik portal website media sosial podcast siaran radio televisi
publikasi pengumuman sosialisasi edukasi literasi pelatihan bimbingan teknis workshop seminar rapat koordinasi
evaluasi monitoring pengawasan inspektorat audit laporan akuntabilitas kinerja transparansi integritas reformasi
birokrasi kepegawaian aparatur sipil negara jabatan fungsional struktural kompetensi sertifikasi penghargaan
inovasi replikasi praktik baik studi tiru kolaborasi kemitraan swasta perguruan tinggi universitas komunitas
lingkungan hidup sampah limbah air bersih sanitasi banjir bencana mitigasi kebakaran hutan lahan konservasi
pariwisata budaya seni festival wisata destinasi hotel kuliner kerajinan ekonomi kreatif pemuda olahraga
perempuan anak perlindungan keluarga berencana kependudukan catatan sipil akta kelahiran kartu identitas
keamanan ketertiban satuan polisi pamong praja perhubungan jalan jembatan transportasi terminal angkutan
perumahan permukiman tata ruang pertanahan sertifikat bangunan gedung infrastruktur jaringan internet
kominfo diskominfo ppid kim spbe ikp pemko pemkot bappeda bpbd dukcapil dpmptsp smart city command center
pengaduan aspirasi survei kepuasan indeks capaian target program kegiatan sub output outcome dampak manfaat
strategi kebijakan regulasi peraturan bupati walikota gubernur keputusan surat edaran standar operasional prosedur
`.trim().split(/\s+/);

const PROVINCES = `Aceh|Sumatera Utara|Sumatera Barat|Riau|Kepulauan Riau|Jambi|Bengkulu|Sumatera Selatan|Kepulauan Bangka Belitung|Lampung|Banten|DKI Jakarta|Jawa Barat|Jawa Tengah|DI Yogyakarta|Jawa Timur|Bali|Nusa Tenggara Barat|Nusa Tenggara Timur|Kalimantan Barat|Kalimantan Tengah|Kalimantan Selatan|Kalimantan Timur|Kalimantan Utara|Sulawesi Utara|Gorontalo|Sulawesi Tengah|Sulawesi Barat|Sulawesi Selatan|Sulawesi Tenggara|Maluku|Maluku Utara|Papua|Papua Barat|Papua Selatan|Papua Tengah|Papua Pegunungan|Papua Barat Daya`.split('|');
const AGENCY_KINDS = ['Dinas Komunikasi dan Informatika', 'Badan Perencanaan Pembangunan Daerah', 'Dinas Kesehatan', 'Dinas Pendidikan', 'Sekretariat Daerah', 'Dinas Kependudukan dan Catatan Sipil', 'Badan Penanggulangan Bencana Daerah', 'Dinas Pariwisata'];
const TOPICS = ['layanan publik', 'transformasi digital', 'keterbukaan informasi', 'kesehatan', 'pendidikan', 'ekonomi', 'lingkungan', 'kebencanaan', 'kependudukan', 'pariwisata', 'infrastruktur', 'tata kelola', 'inovasi', 'sosial', 'pertanian', 'kepegawaian'];
const PROGRAMS = ['SPBE', 'PPID', 'KIM', 'Smart City', 'Satu Data', 'SP4N LAPOR', 'Zona Integritas', 'Kota Layak Anak', 'Desa Digital', 'Gerakan Literasi'];


const random = seeded(20261126);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
const PREFIXES = ['di', 'me', 'mem', 'men', 'ber', 'ter', 'pe', 'pen', 'ke', 'se'];
const SUFFIXES = ['an', 'kan', 'i', 'nya', 'lah'];
/** Zipf-like choice: early words of the list are much more frequent, as in real text. */
const zipfBase = (): string => WORDS[Math.floor(WORDS.length * random() ** 2.2)];
/** A third of the words carry Indonesian affixes, which grows the vocabulary as real text does. */
const zipfWord = (): string => {
  const base = zipfBase();
  const r = random();
  if (r < 0.7) return base;
  if (r < 0.8) return pick(PREFIXES) + base;
  if (r < 0.9) return base + pick(SUFFIXES);
  return pick(PREFIXES) + base + pick(SUFFIXES);
};
const sentence = (n: number): string => Array.from({ length: n }, zipfWord).join(' ');
const pickSome = <T>(list: readonly T[], min: number, max: number): T[] => {
  const count = min + Math.floor(random() * (max - min + 1));
  return [...new Set(Array.from({ length: count }, () => pick(list)))];
};

function makeDocument(i: number): Record<string, unknown> {
  const province = pick(PROVINCES);
  const body = Array.from({ length: 8 }, () => `${sentence(12)}.`).join(' ');
  return {
    id: i,
    title: sentence(4 + Math.floor(random() * 6)),
    summary: sentence(20 + Math.floor(random() * 10)),
    body: `${body} ${sentence(4)}`,
    agency: `${pick(AGENCY_KINDS)} ${province}`,
    province,
    topics: pickSome(TOPICS, 1, 3),
    programs: pickSome(PROGRAMS, 1, 2),
    year: 2015 + Math.floor(random() * 11),
  };
}

function typo(word: string): string {
  if (word.length < 5) return word;
  const i = 1 + Math.floor(random() * (word.length - 2));
  return word.slice(0, i) + word.slice(i + 1);
}

function makeQuery(i: number): Record<string, unknown> {
  const kind = i % 6;
  const uncommon = (): string => WORDS[Math.floor(random() * WORDS.length)];
  const q = [
    () => uncommon(),
    () => `${uncommon()} ${uncommon()}`,
    () => `${uncommon()} ${uncommon()} ${uncommon()}`,
    () => pick(['p', 'd', 'k', 's', 'm', 'b']), // broad one-letter prefix
    () => `${zipfWord()} ${pick(['p', 'd', 'k', 'in'])}`, // common word + broad prefix
    () => typo(uncommon()) + ' ' + uncommon().slice(0, 3),
  ][kind]();
  const filter = pick([`year >= ${2016 + Math.floor(random() * 8)}`, `province = "${pick(PROVINCES)}"`, `topics = "${pick(TOPICS)}" OR year < 2018`]);
  return { q, filter, facets: ['province', 'topics', 'year'], limit: 20 };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function main(): void {
  const arg = process.argv.indexOf('--docs');
  const total = arg > 0 ? Number(process.argv[arg + 1]) : 100_000;
  const queryCount = 600;
  const settings = mergeSettings(defaultSettings(), {
    searchableAttributes: ['title', 'summary', 'body', 'agency', 'province', 'topics', 'programs'],
    filterableAttributes: ['province', 'topics', 'programs', 'year'],
    sortableAttributes: ['year'],
  });
  const generated = Array.from({ length: total }, (_, i) => makeDocument(i));
  const index = new SearchIndex(settings, 'id');
  const started = performance.now();
  const indexCpu = process.cpuUsage();
  for (let i = 0; i < total; i += 1000) index.addDocuments(generated.slice(i, i + 1000), 'replace');
  const indexSeconds = (performance.now() - started) / 1000;
  const indexCpuUsed = process.cpuUsage(indexCpu);
  const indexCpuSeconds = (indexCpuUsed.user + indexCpuUsed.system) / 1e6;
  const queries = Array.from({ length: queryCount }, (_, i) => makeQuery(i));
  for (const query of queries.slice(0, 30)) index.search(query); // warm-up
  // Wall time, and CPU time of this process: on a shared machine the latter shows the engine's
  // own cost when other processes compete for the cores.
  const times: number[] = [];
  const cpuTimes: number[] = [];
  const byKind: number[][] = Array.from({ length: 6 }, () => []);
  let hits = 0;
  queries.forEach((query, i) => {
    const t = performance.now();
    const cpu = process.cpuUsage();
    hits += (index.search(query).estimatedTotalHits as number) > 0 ? 1 : 0;
    const used = process.cpuUsage(cpu);
    const ms = performance.now() - t;
    times.push(ms);
    cpuTimes.push((used.user + used.system) / 1000);
    byKind[i % 6].push((used.user + used.system) / 1000);
  });
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  const rssMB = process.resourceUsage().maxRSS / 1024;
  const p = (q: number): string => percentile(times, q).toFixed(1);
  console.log(`documents: ${total}, queries: ${queryCount} (${hits} with hits)`);
  console.log(`indexing: ${indexSeconds.toFixed(1)} s, ${Math.round(total / indexSeconds)} docs/s (target >= 5000)`);
  console.log(`indexing CPU time: ${indexCpuSeconds.toFixed(1)} s, ${Math.round(total / indexCpuSeconds)} docs per CPU-second`);
  console.log(`search latency ms: p50 ${p(50)}, p95 ${p(95)} (target <= 50), p99 ${p(99)} (target <= 150), max ${times[times.length - 1].toFixed(1)}`);
  const c = (q: number): string => percentile(cpuTimes, q).toFixed(1);
  console.log(`search CPU time ms:  p50 ${c(50)}, p95 ${c(95)}, p99 ${c(99)}; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`);
  const kinds = ['1 word', '2 words', '3 words', 'one-letter prefix', 'word + broad prefix', 'typo + prefix'];
  byKind.forEach((list, k) => {
    list.sort((a, b) => a - b);
    console.log(`  CPU ms, ${kinds[k].padEnd(20)} p50 ${percentile(list, 50).toFixed(1)}  p95 ${percentile(list, 95).toFixed(1)}`);
  });
  console.log(`peak RSS: ${rssMB.toFixed(0)} MB (target <= 1024)`);
}

main();
