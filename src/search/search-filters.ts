/**
 * Filters in Meilisearch's array syntax (outer list: AND, inner list: OR). The permission part is
 * built from the acting user only; the request's parameters can only narrow it.
 */
import { isAdmin, type ActingUser } from '../auth/acting-user.js';

export type FilterClause = string | string[];

/** Facet parameter → document attribute. */
export const FACET_ATTRIBUTES = {
  type: 'type',
  province: 'provinceCodes',
  agency: 'agencyIds',
  topic: 'topics',
  stage: 'stage',
  status: 'status',
  year: 'year',
} as const;
export type FacetName = keyof typeof FACET_ATTRIBUTES;
export const FACET_NAMES = Object.keys(FACET_ATTRIBUTES) as FacetName[];

export type FacetSelection = Partial<Record<FacetName, readonly (string | number)[]>>;

export function quote(value: string | number): string {
  return typeof value === 'number' ? String(value) : `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}

/** Published records for everyone; drafts for their agencies; admins see every draft (as on the pages). */
export function permissionFilter(actor: ActingUser): FilterClause[] {
  if (isAdmin(actor)) return [];
  return [[`visibility = "public"`, `allowedAgencyIds = ${quote(actor.agencyId)}`]];
}

/** One OR-clause per selected facet; `except` leaves one facet out (its own counts stay disjunctive). */
export function selectionFilter(selection: FacetSelection, except?: FacetName): FilterClause[] {
  const clauses: FilterClause[] = [];
  for (const name of FACET_NAMES) {
    const values = selection[name];
    if (name === except || !values || values.length === 0) continue;
    clauses.push(values.map((v) => `${FACET_ATTRIBUTES[name]} = ${quote(v)}`));
  }
  return clauses;
}
