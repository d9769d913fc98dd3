/**
 * How the words of the benchmark corpus are drawn. `domain`: every field from one list of 150
 * domain words, with a skew — every record holds most of them, so a query of two or three words
 * matches a large share of the corpus in full (the stress case). `demo-topics`: each record is a
 * variation on one of the demo records (seeds/knowledge/*.json): 80 % of its words come from that
 * record's text, the rest from all of them — the word statistics and topical coherence of real
 * records, where a query's words occur together in the records about its subject.
 */
import fs from 'node:fs';
import { STOP_WORDS } from '../../src/search/language-data.js';
import { words as textWords } from '../../src/search/stemmer.js';

export const CORPUS_KINDS = ['domain', 'demo-topics'] as const;
export type CorpusKind = (typeof CORPUS_KINDS)[number];

export interface CorpusText {
  /** The word drawer of one new record, from the corpus' random source. */
  record(random: () => number): (n: number) => string;
  /** The words of one search query, from the queries' own random source. */
  query(draw: () => number): string[];
}

const DOMAIN_WORDS = `pemerintah daerah dinas badan bidang komunikasi informatika informasi publik pelayanan layanan masyarakat
warga desa kelurahan kecamatan pembangunan perencanaan anggaran kesehatan pendidikan puskesmas stunting posyandu
pertanian pangan pasar perizinan online digital aplikasi sistem elektronik data statistik portal website media
sosial podcast siaran radio televisi publikasi pengumuman sosialisasi literasi pelatihan koordinasi evaluasi
pengawasan laporan kinerja transparansi reformasi birokrasi inovasi replikasi kolaborasi kemitraan komunitas
lingkungan sampah banjir bencana pariwisata budaya festival kreatif pemuda perempuan anak kependudukan jalan
transportasi internet kominfo diskominfo ppid kim spbe ikp pemko pemkot bappeda videotron humas kehumasan berita
mingguan majalah konten dipublikasikan mempublikasikan pengaduan aspirasi survei kepuasan program kegiatan strategi
kebijakan peraturan walikota bupati gubernur`.split(/\s+/);

const domainText: CorpusText = {
  record: (random) => (n) => Array.from({ length: n }, () => DOMAIN_WORDS[Math.floor(DOMAIN_WORDS.length * random() ** 1.6)]).join(' '),
  query: (draw) => Array.from({ length: 2 + Math.floor(draw() * 2) }, () => DOMAIN_WORDS[Math.floor(DOMAIN_WORDS.length * draw())]),
};

/** The text fields of the demo records, per record, as lower-case words. */
function demoRecords(): string[][] {
  const fields: Record<string, string[]> = {
    'practices.json': ['name', 'shortDescription', 'description', 'channel'],
    'lessons.json': ['title', 'lesson', 'observation', 'recommendation', 'appliesTo'],
    'visits.json': ['purpose', 'summary', 'agenda', 'place'],
  };
  return Object.entries(fields).flatMap(([file, names]) => {
    const rows = JSON.parse(fs.readFileSync(new URL(`../../seeds/knowledge/${file}`, import.meta.url), 'utf8')) as Record<string, unknown>[];
    return rows.map((row) => textWords(names.map((name) => (typeof row[name] === 'string' ? row[name] : '')).join(' ')));
  });
}

/** Share of a record's words taken from its own subject; the rest come from every demo record. */
const ON_TOPIC = 0.8;

function demoTopicText(): CorpusText {
  const topics = demoRecords();
  const all = topics.flat();
  const stop = new Set(STOP_WORDS);
  // What a planner types about a subject: its words that carry meaning.
  const queryTopics = topics.map((topic) => topic.filter((w) => w.length >= 3 && !stop.has(w))).filter((topic) => topic.length >= 3);
  const at = <T>(list: readonly T[], r: number): T => list[Math.floor(list.length * r)];
  return {
    record: (random) => {
      const topic = at(topics, random());
      return (n) => Array.from({ length: n }, () => (random() < ON_TOPIC ? at(topic, random()) : at(all, random()))).join(' ');
    },
    query: (draw) => {
      const topic = at(queryTopics, draw());
      return Array.from({ length: 2 + Math.floor(draw() * 2) }, () => at(topic, draw()));
    },
  };
}

export function corpusText(kind: CorpusKind): CorpusText {
  return kind === 'domain' ? domainText : demoTopicText();
}
