/**
 * Among hits the words rule ranks equal, those involving the place named first. The key of a place
 * comes after the subject's words in the engine query (engine-order.ts), and the rule stops counting
 * at the first word a hit lacks: a hit lacking a word of the subject was never ranked by the key.
 * "PPID online services in Sumatera Barat" had listed the PPID practices of Sleman and Denpasar,
 * which hold neither "online" nor the key, above a visit and a lesson of Sumatera Barat saying "PPID".
 * Within the page the engine answered: no record moves to another page.
 */
import type { Hit } from 'meilisearch';
import type { KnowledgeSearchDocument } from './knowledge-index.js';
import { wordsRuleOf } from './words-held.js';

const wordsMatched = (hit: Hit<KnowledgeSearchDocument>): number | undefined => wordsRuleOf(hit)?.matchingWords;

/**
 * `key`: the first place's key, `wordsBeforeKeys` words into the engine query. In each run of hits
 * holding as many words, fewer than that, those holding the key go first, the order otherwise kept.
 */
export function withPlaceFirst(hits: readonly Hit<KnowledgeSearchDocument>[], key: string, wordsBeforeKeys: number): Hit<KnowledgeSearchDocument>[] {
  const ordered: Hit<KnowledgeSearchDocument>[] = [];
  for (let start = 0; start < hits.length; ) {
    const words = wordsMatched(hits[start]);
    let end = start + 1;
    while (end < hits.length && wordsMatched(hits[end]) === words) end += 1;
    const run = hits.slice(start, end);
    const keyUnread = words !== undefined && words < wordsBeforeKeys;
    ordered.push(...(keyUnread ? [...run.filter((hit) => holds(hit, key)), ...run.filter((hit) => !holds(hit, key))] : run));
    start = end;
  }
  return ordered;
}

const holds = (hit: Hit<KnowledgeSearchDocument>, key: string): boolean => hit.markerKeys?.includes(key) ?? false;
