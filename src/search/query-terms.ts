/**
 * The query the engine receives. With stemming, the roots of the words come first and the raw
 * forms that differ from their root follow: Meilisearch's default matching strategy ("last") drops
 * words from the end when too few records match every word, so a record that holds only another
 * affixed form ("mempublikasikan" for "dipublikasikan") still matches through the roots in its
 * `stemmed` field, while records with the exact form match one word more and rank above it.
 */
import { STOP_WORDS } from './language-data.js';
import { stemWord, words } from './stemmer.js';

const stopWords = new Set(STOP_WORDS);

export function expandQuery(q: string): string {
  // Quoted phrases are taken literally.
  if (q.includes('"')) return q;
  const raw = words(q).filter((w) => !stopWords.has(w));
  const roots = raw.map(stemWord);
  if (roots.every((root, i) => root === raw[i])) return q;
  const changed = raw.filter((w, i) => roots[i] !== w && !roots.includes(w));
  return [...new Set([...roots, ...changed])].join(' ');
}
