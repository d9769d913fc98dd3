/**
 * A hit as the engine answers it, made the hit the app shows: its highlighted texts read without
 * marks around stop words, a title and a snippet from the summary or the body's crop marking the
 * affixed forms of the roots searched (matched through the stemmed field), and the names of linked
 * records when only they hold a word searched.
 */
import type { Hit } from 'meilisearch';
import type { KnowledgeSearchDocument } from './knowledge-index.js';
import { STOP_WORD_SET } from './language-data.js';
import type { SearchHit } from './search-types.js';
import { hasMark, markedHtml, markedWords, markRoots, unmarkStopWordsAndLetters } from './snippet.js';
import { stemWord, words } from './stemmer.js';

/** The text fields highlighted in a hit. */
export const HIGHLIGHTED = ['title', 'summary', 'body', 'related'] as const;
type Formatted = Partial<Record<(typeof HIGHLIGHTED)[number], string>>;

/** The highlighted text fields of a hit, without marks around stop words. */
export function formattedText(hit: Hit<KnowledgeSearchDocument>): Formatted {
  const raw = (hit._formatted ?? {}) as Formatted;
  const formatted: Formatted = {};
  for (const field of HIGHLIGHTED) {
    const text = raw[field];
    if (typeof text === 'string') formatted[field] = unmarkStopWordsAndLetters(text, STOP_WORD_SET);
  }
  return formatted;
}

/** The first text in which a word of one of `roots` is marked, the body not read when the summary has one. */
function firstWithRootsMarked(texts: readonly string[], roots: ReadonlySet<string>): string | undefined {
  for (const text of texts) {
    const marked = markRoots(text, roots, stemWord);
    if (hasMark(marked)) return marked;
  }
  return undefined;
}

/** The roots of which the engine marked no word in `texts`: a root it marked a word of shows why the hit was found, and costs no second pass. */
function rootsUnmarked(roots: ReadonlySet<string>, texts: readonly string[]): ReadonlySet<string> {
  if (roots.size === 0) return roots;
  const unmarked = new Set(roots);
  for (const text of texts) for (const run of markedWords(text)) for (const word of words(run)) unmarked.delete(stemWord(word));
  return unmarked;
}

/**
 * The hit shown for an engine hit and its highlighted texts; `roots`: the roots searched, marked
 * beside the engine's marks when it marked no word of them: "aplikasi pelayanan publik" had marked
 * aplikasi and publik in a summary, and not the "layanan" it was found by.
 */
export function toHit(hit: Hit<KnowledgeSearchDocument>, formatted: Formatted, roots: ReadonlySet<string>): SearchHit {
  // The text the engine marked, else the first (summary, then the body's crop) holding a word of the roots searched.
  const texts = [formatted.summary ?? '', formatted.body ?? ''];
  const engineMarked = texts.find(hasMark);
  const engineTitle = formatted.title ?? hit.title;
  const unmarked = rootsUnmarked(roots, [engineTitle, engineMarked ?? '']);
  const snippetSource = (engineMarked !== undefined ? markRoots(engineMarked, unmarked, stemWord) : firstWithRootsMarked(texts, roots)) ?? texts[0];
  const title = markRoots(engineTitle, unmarked, stemWord);
  // Words matched only in the names of linked records: the hit shows those names, so it says why it was found.
  const linkedWords = markedWords(formatted.related ?? '');
  const ownWords = linkedWords.length > 0 ? new Set([title, snippetSource].flatMap(markedWords)) : null;
  const linkedOnly = ownWords !== null && linkedWords.some((word) => !ownWords.has(word));
  return {
    type: hit.type,
    id: hit.id,
    title: hit.title,
    titleHtml: markedHtml(title),
    url: hit.url,
    snippet: markedHtml(snippetSource),
    ...(linkedOnly ? { relatedHtml: markedHtml(formatted.related ?? '') } : {}),
    agencyNames: hit.agencyNames,
    provinceNames: hit.provinceNames,
    date: hit.dateIso ? new Date(hit.dateIso) : null,
    topics: hit.topicNames,
    topicCodes: hit.topics,
    ...(hit.stage ? { stage: hit.stage } : {}),
    status: hit.status,
    ...(hit.lineage?.length ? { lineage: hit.lineage } : {}),
    ...(hit.replications ? { replications: hit.replications } : {}),
    ...(hit.contactPerson ? { contactPerson: hit.contactPerson } : {}),
  };
}
