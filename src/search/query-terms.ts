/**
 * The query the engine receives. With stemming, the roots of the words come first and the raw
 * forms that differ from their root follow: Meilisearch's default matching strategy ("last") drops
 * words from the end when too few records match every word, so a record that holds only another
 * affixed form ("mempublikasikan" for "dipublikasikan") still matches through the roots in its
 * `stemmed` field, while records with the exact form match one word more and rank above it.
 */
import type { KnowledgeType } from './knowledge-index.js';
import { ASKED_ABOUT, ASKED_VERBS, ASPECT_FORMS, ASPECT_WORDS, KIND_NAMES, KIND_TYPED, KIND_WORDS, LIST_WORDS, NEWEST_WORDS, QUESTION_WORDS, REQUEST_WORDS, STOP_WORDS } from './language-data.js';
import { stemWord, words } from './stemmer.js';

const stopWords = new Set(STOP_WORDS);
/** Words that make an opening a question or a request: siapa, mana, apakah …; ingin, tolong …; daftar, tampilkan … */
const askingWords = new Set([...QUESTION_WORDS, ...REQUEST_WORDS, ...LIST_WORDS]);
/** Asking words that are no stop words, dropped from an opening with the verbs: daftar, tampilkan … */
const listWords = new Set(LIST_WORDS);
const askedAbout = new Set(ASKED_ABOUT);
/** Words a question's opening may hold around its subject: the thing asked about, the verb of having or using it. */
const framing = new Set([...ASKED_ABOUT, ...ASKED_VERBS]);
/** Roots of the words naming a kind of record (studi tiru, praktik baik, pelajaran → ajar): every record of that kind holds them. */
const kindRoots = new Set(Object.values(KIND_WORDS).flatMap((list) => list.split(' ').map(stemWord)));
/** The words for an aspect of a subject or a process done to it (manfaat, biaya, peningkatan …): by root, or as written. */
const aspectRoots = new Set(ASPECT_WORDS.map(stemWord));
const aspectForms = new Set(ASPECT_FORMS);
/** Phrases as word lists, longest first so that "lessons learned" wins over a shorter phrase inside it. */
function longestFirst<T extends { words: string[] }>(phrases: T[]): T[] {
  return phrases.sort((a, b) => b.words.length - a.words.length);
}

/** The longest of the phrases that the words start with at position i. */
function phraseAt<T extends { words: string[] }>(phrases: readonly T[], typed: readonly string[], i: number): T | undefined {
  return phrases.find(({ words: phrase }) => phrase.every((w, j) => typed[i + j] === w));
}

/** The other names typed for a kind, with the kind's words they stand for. */
const typedKinds = longestFirst(Object.entries(KIND_TYPED).map(([typed, kind]) => ({ words: typed.split(' '), kind: kind.split(' ') })));

/** Words of the kinds' names, as written or typed (pelajaran, studi, banding, kunker). */
const kindNameWords = new Set([...Object.keys(KIND_TYPED), ...Object.values(KIND_WORDS)].flatMap((name) => name.split(' ')));

/**
 * Whether a query word names a kind of record. Every record of the kind holds it in its stemmed
 * field, which is not highlighted: a typo look-alike highlighted in a hit (pelaporan, Bandung) is not
 * what it matched.
 */
export function namesKind(word: string): boolean {
  return kindNameWords.has(word) || kindRoots.has(stemWord(word));
}

/** The names that alone ask for a kind of record. */
const kindNames = longestFirst(Object.entries(KIND_NAMES).flatMap(([kind, names]) => names.map((name) => ({ kind: kind as KnowledgeType, words: name.split(' ') }))));

/**
 * "Studi banding ke Padang Panjang", "kunker ke Bandung": other names of a kind of record are read
 * as the kind's own words, which every record of that kind holds. They are not indexed: "banding"
 * would reach every record of Bandung through a typo, "kerja" every record of kinerja.
 */
function withKindNamesRead(typed: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < typed.length; ) {
    const found = phraseAt(typedKinds, typed, i);
    out.push(...(found ? found.kind : [typed[i]]));
    i += found ? found.words.length : 1;
  }
  return out;
}

/**
 * "Pelajaran dari kunjungan ke Padang Panjang", "praktik baik yang dilihat saat studi tiru": the kind
 * named first is the one asked for; the names of another kind after it only say where it came from.
 * Every record of that other kind holds its name, so keeping it would rank those records first.
 */
function withFirstKindOnly(typed: string[]): string[] {
  const out: string[] = [];
  let head: KnowledgeType | null = null;
  for (let i = 0; i < typed.length; ) {
    const found = phraseAt(kindNames, typed, i);
    if (!found) {
      out.push(typed[i]);
      i += 1;
      continue;
    }
    head ??= found.kind;
    if (found.kind === head) out.push(...found.words);
    i += found.words.length;
  }
  return out;
}

/**
 * "Daerah mana yang sudah punya …", "dinas mana yang pakai videotron", "kami ingin belajar literasi
 * digital": a question or a request opens with the general thing it asks about and a verb of
 * having, using or learning; "daftar inovasi kota Solok" with a word asking for a list. When the
 * opening run of stop words and such words holds a question, request or list word, those words are
 * dropped there: with the "last" strategy the first word left is one every hit must hold, and few
 * records say "daerah", "pakai" or "daftar" of themselves.
 */
function withoutQuestionFrame(typed: string[]): string[] {
  let end = 0;
  while (end < typed.length && (stopWords.has(typed[end]) || framing.has(typed[end]) || listWords.has(typed[end]))) end++;
  const opening = typed.slice(0, end);
  if (!opening.some((w) => askingWords.has(w))) return typed;
  // A thing asked about right before the subject names it: "… di kota solok" is not Kabupaten Solok.
  const namesSubject = (i: number): boolean => i === end - 1 && end < typed.length && askedAbout.has(typed[i]);
  return [...opening.filter((w, i) => !listWords.has(w) && (!framing.has(w) || namesSubject(i))), ...typed.slice(end)];
}

/** Places in the engine query, first to last. */
const SUBJECT = 0;
const KIND = 1;
const ASPECT = 2;
const YEAR = /^(19|20)\d\d$/;

/** Where a typed word goes in the engine query, by itself or its root. A year narrows the subject as an aspect does. */
function placeOf(word: string, root: string): number {
  if (aspectForms.has(word) || aspectRoots.has(root) || YEAR.test(word)) return ASPECT;
  return kindRoots.has(root) ? KIND : SUBJECT;
}

/**
 * The subject first, then the words naming a kind of record, then the words for an aspect of it:
 * the "last" strategy drops words from the end. "Studi tiru command center" lists the visits to a
 * command center, then the command center practice, rather than every other visit; "manfaat PPID"
 * the PPID records, those that speak of its benefits first, rather than every record of manfaat.
 */
function subjectFirst(raw: string[], roots: string[], expanded: string[]): string[] {
  // A root goes where the word typed goes: "tangan" of "penanganan" after the subject, of "tanda tangan" in it.
  const place = new Map<string, number>();
  raw.forEach((word, i) => {
    const at = placeOf(word, roots[i]);
    for (const form of [roots[i], word]) place.set(form, Math.min(place.get(form) ?? at, at));
  });
  // Sorting is stable: each group keeps its roots first, then its raw forms.
  return [...expanded].sort((a, b) => (place.get(a) ?? 0) - (place.get(b) ?? 0));
}

/** "Tahun" right before a year ("kunjungan tahun 2023"): records hold the year of their date, not the word. */
function withoutYearWord(typed: string[]): string[] {
  return typed.filter((word, i) => word !== 'tahun' || !YEAR.test(typed[i + 1] ?? ''));
}

/** The shortest start of a name's last word that is read as that name while it is typed. */
const MIN_TYPED_PREFIX = 3;

/**
 * While it is typed, a query ending in the start of a kind's name of two or more words ("studi
 * band", "lessons lea", "praktik bai") ends in that name: the start alone would match as a prefix
 * ("band" of Bandung). Null when it does not.
 */
function completedKindName(written: string[]): string[] | null {
  const last = written[written.length - 1] ?? '';
  if (last.length < MIN_TYPED_PREFIX) return null;
  for (const name of [...typedKinds, ...kindNames]) {
    const n = name.words.length;
    if (n < 2 || written.length < n) continue;
    const start = written.length - n;
    const whole = name.words.slice(0, -1).every((w, j) => written[start + j] === w);
    if (whole && name.words[n - 1].startsWith(last)) return [...written.slice(0, start), ...name.words];
  }
  return null;
}

/**
 * The kind of record a query asks for when it is nothing but names of that kind ("pelajaran",
 * "semua studi banding", "kunjungan studi tiru"); null for any other query. Every record of the
 * kind holds those words, so searching them would only rank the kind's records among look-alikes
 * (pelaporan for pelajaran, mempelajari).
 */
export function kindNamedBy(q: string): KnowledgeType | null {
  if (q.includes('"')) return null;
  const asked = withoutQuestionFrame(withKindNamesRead(words(q))).filter((w) => !stopWords.has(w));
  const kinds = new Set<KnowledgeType>();
  for (let i = 0; i < asked.length; ) {
    const found = phraseAt(kindNames, asked, i);
    if (!found) return null;
    kinds.add(found.kind);
    i += found.words.length;
  }
  return kinds.size === 1 ? [...kinds][0] : null;
}

const newestWords = new Set(NEWEST_WORDS);

/** Whether the query asks for the newest records first ("inovasi terbaru", "studi tiru terkini"). */
export function asksNewest(q: string): boolean {
  return words(q).some((word) => newestWords.has(word));
}

/** The words of a query that are searched for: without stop words and a question's opening. */
export function searchedWords(q: string): string[] {
  return withoutQuestionFrame(withoutYearWord(words(q))).filter((w) => !stopWords.has(w));
}

/**
 * `typing` (search-as-you-type): a query that ends inside a word is still being typed, and the
 * engine matches its last word as a prefix only while it is last. That word is kept as typed and
 * last — its "root" would be a guess from a fragment (pemberi… → beri), and the raw forms appended
 * after it would take its place ("pelayanan publ" must not become "layan publ pelayanan").
 * `asTyped`: words kept as typed, without a root (a typo that reads as another word's affixed form).
 */
export function expandQuery(q: string, typing = false, asTyped: readonly string[] = []): string {
  // Quoted phrases are taken literally.
  if (q.includes('"')) return q;
  if (typing && /[\p{L}\p{N}]$/u.test(q)) {
    const completed = completedKindName(words(q));
    if (completed) return expandQuery(completed.join(' '), false, asTyped);
  }
  const written = words(q);
  const typed = withFirstKindOnly(withoutYearWord(withKindNamesRead(written)));
  const asked = withoutQuestionFrame(typed);
  const raw = asked.filter((w) => !stopWords.has(w));
  const prefix = typing && /[\p{L}\p{N}]$/u.test(q) && raw.length > 0 && raw[raw.length - 1] === typed[typed.length - 1];
  if (prefix) {
    // A word for an aspect would have to lead, the word being typed staying last: left out while typing.
    const before = raw.slice(0, -1).flatMap((word) => {
      const root = stemWord(word);
      return placeOf(word, root) === ASPECT ? [] : [root];
    });
    return [...new Set([...before, raw[raw.length - 1]])].join(' ');
  }
  const roots = raw.map((word) => (asTyped.includes(word) ? word : stemWord(word)));
  const changed = raw.filter((w, i) => roots[i] !== w && !roots.includes(w));
  const expanded = subjectFirst(raw, roots, [...new Set([...roots, ...changed])]);
  // Nothing but stop words, or nothing read, dropped, stemmed or moved: the engine gets the query as typed.
  const unchanged = asked.length === typed.length && typed.join(' ') === written.join(' ') && expanded.join(' ') === raw.join(' ');
  if (raw.length === 0 || unchanged) return q;
  return expanded.join(' ');
}
