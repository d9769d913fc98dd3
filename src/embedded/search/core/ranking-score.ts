/**
 * `_rankingScore` and `_rankingScoreDetails` as Meilisearch computes them: each relevancy rule
 * ranks a document among R levels (deficit d from the best, 0 ≤ d < R), and the global score is
 * the mixed-radix fraction 1 - Σ d_i / (R_1 · … · R_i), so earlier rules weigh more. Sort rules
 * only report their value.
 */

export interface ScorePart {
  /** The rule's name in _rankingScoreDetails. */
  name: string;
  /** Deficit from the best level, or null for rules without a score (sort). */
  deficit: ((p: number) => number) | null;
  /** Largest deficit (R - 1). */
  max: number;
  detail: (p: number) => Record<string, unknown>;
}

export function rankingScore(parts: ScorePart[], p: number): number {
  let score = 1;
  let weight = 1;
  for (const { deficit, max } of parts) {
    if (deficit === null || max <= 0) continue;
    const d = Math.min(Math.max(deficit(p), 0), max);
    weight /= max + 1;
    score -= weight * d;
  }
  return score;
}

export function rankingScoreDetails(parts: ScorePart[], p: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  parts.forEach((part, order) => {
    const detail: Record<string, unknown> = { order, ...part.detail(p) };
    if (part.deficit !== null) detail.score = part.max <= 0 ? 1 : 1 - Math.min(Math.max(part.deficit(p), 0), part.max) / (part.max + 1);
    out[part.name] = detail;
  });
  return out;
}
