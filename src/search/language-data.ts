/**
 * The Indonesian language data of the search index (src/search/data/*.json): synonym groups and
 * one-way words turned into Meilisearch's synonym map, the stop-word list, how a typed question
 * opens, the words naming each kind of record and each stage of a practice, the words for an
 * aspect of a subject, the phrases for a visit across a border and for practices already
 * replicated, the phrases naming a year or month from today or a span of years, the words asking
 * for other places than one named and the islands people name, the words of place names the
 * stemmer keeps whole, the compounds it reads in affixed words, the words it reads
 * otherwise than Sastrawi, the domain's words matched as written only, and English words read as
 * Indonesian.
 */
import fs from 'node:fs';
import type { KnowledgeType } from './knowledge-index.js';
import type { PracticeStage } from '../modules/practices/practice.model.js';

function readData<T>(name: string): T {
  return JSON.parse(fs.readFileSync(new URL(`./data/${name}`, import.meta.url), 'utf8')) as T;
}

const synonymFile = readData<{ groups: string[][]; oneWay: Record<string, string[]> }>('synonyms.json');
const stopWordFile = readData<{ words: string[] }>('stop-words.json');
const questionFile = readData<{ questionWords: string[]; requestWords: string[]; askedAbout: string[]; askedVerbs: string[]; listWords: string[]; newestWords: string[]; superlativeWords: string[] }>('questions.json');
const kindFile = readData<Record<KnowledgeType, string> & { typed: Record<string, string>; names: Record<KnowledgeType, string[]> }>('record-kinds.json');
const stageFile = readData<Record<PracticeStage, string>>('practice-stages.json');
const placeFile = readData<{ words: string[]; commonWords: string[] }>('place-names.json');
const compoundFile = readData<{ compounds: string[] }>('compounds.json');
const aspectFile = readData<{ words: string[]; resources: string[]; phrases: string[]; forms: string[]; clauseVerbs: string[] }>('aspect-words.json');
const englishFile = readData<{ words: Record<string, string>; phrases: Record<string, string>; alsoIndonesianRoots: string[] }>('english.json');
const rootFile = readData<{ roots: string[] }>('roots.json');
const readingFile = readData<{ readings: Record<string, string> }>('root-readings.json');
const exactFile = readData<{ words: string[] }>('exact-words.json');
const crossingFile = readData<Record<Crossing, string[]>>('crossing.json');
const contactFile = readData<{ phrases: string[] }>('contact.json');
const replicationFile = readData<{ phrases: string[]; negations: string[]; between: string[] }>('replication.json');
type RecentUnit = 'day' | 'week' | 'month';
const relativeDateFile = readData<{
  years: Record<string, number>;
  months: Record<string, number>;
  weeks: Record<string, number>;
  recent: { units: Record<string, RecentUnit>; single: Record<string, RecentUnit>; last: string[]; lastBefore: string[] };
  upcoming: string[];
}>('relative-dates.json');
const yearRangeFile = readData<{ from: string[]; after: string[]; before: string[]; until: string[]; last: string[]; numbers: Record<string, number> }>('year-ranges.json');
const outsideFile = readData<{ words: string[]; towards: string[]; towardsOutside: string[]; islands: Record<string, string[]> }>('outside.json');

export const STOP_WORDS: readonly string[] = stopWordFile.words;
export const STOP_WORD_SET: ReadonlySet<string> = new Set(STOP_WORDS);

/**
 * A group's members, each holding stop words also without them ("monitoring dan evaluasi":
 * monitoring evaluasi): the engine indexes no stop word nor reads one in a query, so it matched
 * neither the typed phrase to its synonyms (monev) nor the phrase in a record to them.
 */
function withStopWordsLeftOut(group: readonly string[]): string[] {
  const variants = group.flatMap((member) => {
    const all = member.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    const kept = all.filter((word) => !STOP_WORD_SET.has(word));
    return kept.length > 1 && kept.length < all.length ? [kept.join(' ')] : [];
  });
  return [...new Set([...group, ...variants])];
}

export const SYNONYM_GROUPS: readonly (readonly string[])[] = synonymFile.groups.map(withStopWordsLeftOut);
/** Words that also find others without being found by them (pemkab → kabupaten). */
export const ONE_WAY_SYNONYMS: Readonly<Record<string, readonly string[]>> = synonymFile.oneWay;
export const QUESTION_WORDS: readonly string[] = questionFile.questionWords;
export const REQUEST_WORDS: readonly string[] = questionFile.requestWords;
export const ASKED_ABOUT: readonly string[] = questionFile.askedAbout;
export const ASKED_VERBS: readonly string[] = questionFile.askedVerbs;
/** Words asking for a list when they open a query (daftar, tampilkan); no stop words: pendaftaran has the root daftar. */
export const LIST_WORDS: readonly string[] = questionFile.listWords;
/** Words asking for the newest records first (terbaru, terkini); stop words too. */
export const NEWEST_WORDS: readonly string[] = questionFile.newestWords;
/** Words making the word after them its superlative, as ter- does (paling baru: terbaru). */
export const SUPERLATIVE_WORDS: readonly string[] = questionFile.superlativeWords;
/** Words of place names kept whole by the stemmer; words of place names that are ordinary words too. */
export const PLACE_NAME_WORDS: readonly string[] = placeFile.words;
export const COMMON_PLACE_WORDS: readonly string[] = placeFile.commonWords;
/** Compound roots ("tindak lanjut") whose affixed forms are written as one word (ditindaklanjuti). */
export const COMPOUNDS: readonly string[] = compoundFile.compounds;
export const KIND_WORDS: Readonly<Record<KnowledgeType, string>> = { practice: kindFile.practice, visit: kindFile.visit, lesson: kindFile.lesson };
/** The words naming a practice's stage (tahap uji coba), by its stored value. */
export const STAGE_WORDS: Readonly<Record<PracticeStage, string>> = { inisiatif: stageFile.inisiatif, uji_coba: stageFile.uji_coba, penerapan: stageFile.penerapan };
/** Phrases for a visit across a border (luar daerah, antarprovinsi, luar pulau), by the border crossed, or within the province (satu provinsi). */
export type Crossing = 'province' | 'region' | 'island' | 'sameProvince';
export const CROSSINGS: readonly Crossing[] = ['province', 'region', 'island', 'sameProvince'];
/** A phrase opening with a stop word (dalam provinsi) is read as one word, the stop word joined (dalamprovinsi): stop words are dropped. */
const withStopWordJoined = (phrase: string): string => (STOP_WORD_SET.has(phrase.split(' ')[0]) ? phrase.replace(' ', '') : phrase);
const phrasesOf = (crossing: Crossing): string[] => crossingFile[crossing].map(withStopWordJoined);
export const CROSSING_PHRASES: Readonly<Record<Crossing, readonly string[]>> = {
  province: phrasesOf('province'),
  region: phrasesOf('region'),
  island: phrasesOf('island'),
  sameProvince: phrasesOf('sameProvince'),
};
const crossingPhrases = CROSSINGS.flatMap((crossing) => CROSSING_PHRASES[crossing]);
/** The places whose "luar" names a border (luar provinsi, luar pulau): "ke provinsi lain" is read as it (query-terms.ts). */
export const BORDER_PLACE_WORDS: ReadonlySet<string> = new Set(crossingPhrases.filter((p) => p.startsWith('luar ')).map((p) => p.slice('luar '.length)));
/** Words asking whom to contact about a subject (narahubung, kontak person). */
export const CONTACT_PHRASES: readonly string[] = contactFile.phrases;
/** Words asking for practices already replicated (diadopsi, ditiru). */
export const REPLICATION_PHRASES: readonly string[] = replicationFile.phrases;
/** Words denying a word asking for practices replicated (belum diadopsi), and those that may stand between (belum pernah ditiru). */
export const REPLICATION_DENIED: Readonly<{ negations: readonly string[]; between: readonly string[] }> = replicationFile;
/** Phrases naming a year or a month by how many back from the current one (tahun lalu: -1, bulan ini: 0). */
export const RELATIVE_YEARS: Readonly<Record<string, number>> = relativeDateFile.years;
export const RELATIVE_MONTHS: Readonly<Record<string, number>> = relativeDateFile.months;
export const RELATIVE_WEEKS: Readonly<Record<string, number>> = relativeDateFile.weeks;
export type { RecentUnit };
export const RECENT_DAYS: Readonly<typeof relativeDateFile.recent> = relativeDateFile.recent;
/** Phrases naming the days from today on (kunjungan mendatang, upcoming visits). */
export const UPCOMING_PHRASES: readonly string[] = relativeDateFile.upcoming;
/** Words naming a span of years around the year after them (sejak 2023), or back from today (dua tahun terakhir). */
export const YEAR_RANGE_WORDS: Readonly<{ from: readonly string[]; after: readonly string[]; before: readonly string[]; until: readonly string[]; last: readonly string[] }> = yearRangeFile;
export const COUNT_WORDS: Readonly<Record<string, number>> = yearRangeFile.numbers;
/** Words asking for the records of other places than the one named after them (di luar Sumbar, selain Jawa), those beside them that make it the places visited (ke luar Sumbar, selain ke Padang Panjang), and both in one word (keluar). */
export const OUTSIDE_WORDS: Readonly<{ words: readonly string[]; towards: readonly string[]; towardsOutside: readonly string[] }> = outsideFile;
/** The islands people name (jawa, sumatera …), with the codes of the provinces on each. */
export const ISLANDS: Readonly<Record<string, readonly string[]>> = outsideFile.islands;
/** Words for an aspect of a subject, a measure of it or a process done to it (manfaat, nilai, peningkatan …), typed before it: by root, and as written only. */
export const ASPECT_WORDS: readonly string[] = aspectFile.words;
/** Verbs saying only that an aspect is had, met or reached (kendala yang dihadapi): dropped right after one. */
export const ASPECT_CLAUSE_VERBS: ReadonlySet<string> = new Set(aspectFile.clauseVerbs);
/** The aspects naming what a subject takes (anggaran, sdm, modal awal): by root, a phrase as a whole; they lead a query of aspects alone. */
export const RESOURCE_ASPECTS: readonly string[] = aspectFile.resources;
/** The phrases read as a key (key-phrases.ts) that are aspects: a border crossed, whom to contact. */
const keyedAspects = [...crossingPhrases, ...CONTACT_PHRASES];
/**
 * Aspect words as written, the one-word phrases for a visit across a border (antardaerah) or whom
 * to contact (narahubung) and the words asking for practices already replicated (diadopsi) among
 * them: they qualify the subject.
 */
export const ASPECT_FORMS: readonly string[] = [...aspectFile.forms, ...keyedAspects.filter((p) => !p.includes(' ')), ...REPLICATION_PHRASES];
/**
 * Processes of more than one word (tindak lanjut, uji coba), and the phrases for a visit across a
 * border (luar daerah) or whom to contact (kontak person): an aspect where the whole phrase is
 * typed, or a compound word reads as it.
 */
export const ASPECT_PHRASES: readonly string[] = [...aspectFile.phrases, ...keyedAspects.filter((p) => p.includes(' '))];
/** Other names typed for a kind of record (studi banding, kunker) and spellings (praktek), with the kind's words they stand for. */
export const KIND_TYPED: Readonly<Record<string, string>> = kindFile.typed;
/** The names of each kind of record that, alone in a query, ask for the records of that kind (pelajaran, studi tiru). */
export const KIND_NAMES: Readonly<Record<KnowledgeType, readonly string[]>> = kindFile.names;

/** Every member of a synonym group or one-way entry, as its words (jawa barat → jawa, barat; wi-fi → wi, fi). */
const synonymMembers = [...SYNONYM_GROUPS.flat(), ...Object.entries(ONE_WAY_SYNONYMS).flat(2)].map((member) => member.split(/[^\p{L}\p{N}]+/u).filter(Boolean));

/** The words of every synonym group and one-way entry: a query word among them may match through a synonym (jawa barat → Jabar). */
export const SYNONYM_WORDS: ReadonlySet<string> = new Set(synonymMembers.flat());
/** The synonym members of one word (spbe, ppid, medsos, kehumasan). */
export const SYNONYM_ONE_WORDS: ReadonlySet<string> = new Set(synonymMembers.filter((member) => member.length === 1).flat());
/** The synonym members of more than one word, as their words (daftar informasi publik, media sosial). */
export const SYNONYM_PHRASES: readonly (readonly string[])[] = synonymMembers.filter((member) => member.length > 1);

/** Roots Sastrawi's dictionary lacks that records take affixes to (direplikasi, diupload, videotronnya). */
export const EXTRA_ROOTS: readonly string[] = rootFile.roots;
/** Words read as another root than Sastrawi's, or as written (meliputi is no liputan): word → root. */
export const ROOT_READINGS: ReadonlyMap<string, string> = new Map(Object.entries(readingFile.readings));
/** Words of the domain a typo away from other words of the language (stunting, sunting): typed, matched as written only. */
export const EXACT_WORDS: readonly string[] = exactFile.words;
/** English words typed for the Indonesian words the records use ("" for a word dropped: a, the, of). */
export const ENGLISH_WORDS: Readonly<Record<string, string>> = englishFile.words;
/** English phrases read together, as neither word is alone (in charge → penanggung jawab). */
export const ENGLISH_PHRASES: Readonly<Record<string, string>> = englishFile.phrases;
/** English words Sastrawi's dictionary also lists as roots, though no record of this domain uses them. */
export const ENGLISH_ALSO_ROOTS: readonly string[] = englishFile.alsoIndonesianRoots;

/** Every member of a group maps to all the other members (Meilisearch applies them one way each), and the one-way words to theirs. */
export function synonymMap(groups: readonly (readonly string[])[] = SYNONYM_GROUPS, oneWay: Readonly<Record<string, readonly string[]>> = ONE_WAY_SYNONYMS): Record<string, string[]> {
  const map: Record<string, string[]> = {};
  const add = (word: string, others: readonly string[]): void => {
    map[word] = [...new Set([...(map[word] ?? []), ...others])];
  };
  for (const group of groups) for (const word of group) add(word, group.filter((other) => other !== word));
  for (const [word, others] of Object.entries(oneWay)) add(word, others);
  return map;
}
