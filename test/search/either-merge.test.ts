import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SearchResponse } from 'meilisearch';
import { mergedAnswer, summedFacets } from '../../src/search/either-merge.js';
import type { KnowledgeSearchDocument } from '../../src/search/knowledge-index.js';

type Answer = SearchResponse<KnowledgeSearchDocument>;

/** An engine answer of hits (id, score, date, replications), its total and facet counts: only what the merge reads. */
function answer(hits: [string, number, string | null, number?][], totalHits: number, facetDistribution: Record<string, Record<string, number>>): Answer {
  return {
    hits: hits.map(([id, score, dateIso, replications]) => ({ type: 'practice', id, _rankingScore: score, dateIso, replications })),
    totalHits,
    facetDistribution,
  } as unknown as Answer;
}

const podcasts = answer([['p1', 0.9, '2021-01-01'], ['p2', 0.5, null]], 2, { type: { practice: 2 }, year: { '2021': 1 } });
const radios = answer([['r1', 0.8, '2023-05-01'], ['p2', 0.4, null], ['r2', 0.3, '2020-01-01']], 3, { type: { practice: 2, lesson: 1 }, year: { '2023': 1, '2020': 1 } });

test('mergedAnswer – by relevance – hits by score, each record once, the window asked; the search of each hit; totals and facets added', () => {
  const { answer: merged, from } = mergedAnswer([podcasts, radios], 0, 3, 'relevance');
  assert.deepEqual(merged.hits.map((hit) => hit.id), ['p1', 'r1', 'p2']);
  assert.deepEqual(from, [0, 1, 0]);
  assert.equal(merged.totalHits, 5);
  assert.deepEqual(merged.facetDistribution, { type: { practice: 4, lesson: 1 }, year: { '2021': 1, '2023': 1, '2020': 1 } });
  const second = mergedAnswer([podcasts, radios], 3, 3, 'relevance');
  assert.deepEqual(second.answer.hits.map((hit) => hit.id), ['r2']);
  assert.deepEqual(second.from, [1]);
});

test('mergedAnswer – newest first – by date, records without one last', () => {
  assert.deepEqual(mergedAnswer([podcasts, radios], 0, 10, 'newest').answer.hits.map((hit) => hit.id), ['r1', 'p1', 'r2', 'p2']);
});

test('mergedAnswer – most replicated first – by replications, records without a count last, equal counts newest first', () => {
  const adopted = answer([['a1', 0.9, '2019-01-01', 1], ['a2', 0.2, '2018-01-01', 4]], 2, {});
  const others = answer([['b1', 0.8, '2022-01-01', 1], ['v1', 0.7, '2024-01-01']], 2, {});
  assert.deepEqual(mergedAnswer([adopted, others], 0, 10, 'replicated').answer.hits.map((hit) => hit.id), ['a2', 'b1', 'a1', 'v1']);
});

test('summedFacets – answers without facets among them – the counts of the others', () => {
  assert.deepEqual(summedFacets([{ hits: [] } as unknown as Answer, radios]), { type: { practice: 2, lesson: 1 }, year: { '2023': 1, '2020': 1 } });
});
