/**
 * The engine's answers to the searches of a query's alternatives (either-words.ts) made one: the
 * hits by ranking score, or as the page sorts (newest, most replicated first), each record once, the page's
 * window of them; the totals and facet counts added up, as no record is found by two searches
 * (but one holding only a typo of an earlier alternative, which the hits show once).
 */
import type { Hit, SearchResponse } from 'meilisearch';
import type { KnowledgeSearchDocument } from './knowledge-index.js';
import type { SearchSort } from './search.schemas.js';

type Answer = SearchResponse<KnowledgeSearchDocument>;

interface Ranked {
  hit: Hit<KnowledgeSearchDocument>;
  /** The search it came from. */
  search: number;
}

const recordOf = ({ hit }: Ranked): string => `${hit.type}-${hit.id}`;
const score = (ranked: Ranked): number => ranked.hit._rankingScore ?? 0;
const byScore = (a: Ranked, b: Ranked): number => score(b) - score(a);
/** As the engine sorts on date: newest first, records without a date last, then by relevance. */
const byDate = (a: Ranked, b: Ranked): number => (b.hit.dateIso ?? '').localeCompare(a.hit.dateIso ?? '') || byScore(a, b);
/** As the engine sorts on replications: the most adopted first, records of other kinds last, then newest first. */
const byReplications = (a: Ranked, b: Ranked): number => (b.hit.replications ?? -1) - (a.hit.replications ?? -1) || byDate(a, b);
const ORDERS: Record<SearchSort, (a: Ranked, b: Ranked) => number> = { relevance: byScore, newest: byDate, replicated: byReplications };

/** The answers as one, for `limit` hits from `offset` on (each answer holding its first offset + limit), and the search each hit came from. */
export function mergedAnswer(answers: readonly Answer[], offset: number, limit: number, order: SearchSort): { answer: Answer; from: number[] } {
  const ranked = answers.flatMap((answer, search) => answer.hits.map((hit) => ({ hit, search })));
  // Sorting is stable: equal hits keep their search's order, the earlier alternative's first.
  ranked.sort(ORDERS[order]);
  const seen = new Set<string>();
  const once = ranked.filter((r) => !seen.has(recordOf(r)) && Boolean(seen.add(recordOf(r))));
  const shown = once.slice(offset, offset + limit);
  const totalHits = answers.reduce((sum, answer) => sum + (answer.totalHits ?? answer.estimatedTotalHits ?? 0), 0);
  return { answer: { ...answers[0], hits: shown.map(({ hit }) => hit), totalHits, facetDistribution: summedFacets(answers) }, from: shown.map(({ search }) => search) };
}

/** The facet counts of the answers added up. */
export function summedFacets(answers: readonly SearchResponse[]): Record<string, Record<string, number>> {
  const summed: Record<string, Record<string, number>> = {};
  for (const answer of answers) {
    for (const [facet, counts] of Object.entries(answer.facetDistribution ?? {})) {
      const into = (summed[facet] ??= {});
      for (const [value, count] of Object.entries(counts)) into[value] = (into[value] ?? 0) + count;
    }
  }
  return summed;
}
