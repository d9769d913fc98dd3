/**
 * The facet lists of a search result: each facet's counts from the engine's distribution (a facet
 * selected is counted by a query of its own, without its own selection), labelled (facet-labels.ts)
 * and sorted: years newest first, other values by count, then by label. A value selected that no
 * hit holds is listed with 0, labelled as any other, so that it can be unticked by its name.
 */
import type { SearchResponse } from 'meilisearch';
import { facetLabels } from './facet-labels.js';
import { FACET_ATTRIBUTES, FACET_NAMES, type FacetName, type FacetSelection } from './search-filters.js';

export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

/** Same order as localeCompare(…, 'id'), without building a collator per comparison. */
const LABEL_ORDER = new Intl.Collator('id');

export async function buildFacets(main: Pick<SearchResponse, 'facetDistribution'>, perFacet: ReadonlyMap<FacetName, Pick<SearchResponse, 'facetDistribution'>>, selection: FacetSelection = {}): Promise<Record<FacetName, FacetValue[]>> {
  const distributions = new Map<FacetName, Record<string, number>>();
  for (const name of FACET_NAMES) {
    const response = perFacet.get(name) ?? main;
    const counted = response.facetDistribution?.[FACET_ATTRIBUTES[name]] ?? {};
    const unheld = (selection[name] ?? []).map(String).filter((value) => !(value in counted));
    distributions.set(name, unheld.length > 0 ? { ...counted, ...Object.fromEntries(unheld.map((value) => [value, 0])) } : counted);
  }
  const label = await facetLabels(Object.fromEntries([...distributions].map(([name, counts]) => [name, Object.keys(counts)])));
  const facets = {} as Record<FacetName, FacetValue[]>;
  for (const [name, counts] of distributions) {
    const values = Object.entries(counts).map(([value, count]) => ({ value, label: label(name, value), count }));
    values.sort(name === 'year' ? (a, b) => Number(b.value) - Number(a.value) : (a, b) => b.count - a.count || LABEL_ORDER.compare(a.label, b.label));
    facets[name] = values;
  }
  return facets;
}
